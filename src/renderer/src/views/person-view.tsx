/**
 * One person of a client company: their personal record (names, date of birth, contacts,
 * residence, the SSN masked with an audited reveal), their employment (job, manager, dates,
 * location, income and its history, custom fields), their pay history and their year to date.
 * Everything is read from the local cache, one person at a time.
 */
import type { ReactNode } from 'react'
import { useId } from 'react'
import type {
  PersonAddress,
  PersonContact,
  PersonEmployment,
  PersonIncome,
  PersonProfile,
} from '../../../shared/person-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { ErrorAlert } from '../components/error-alert'
import { PayHistoryPanel } from '../components/pay-history-panel'
import { PersonSsn } from '../components/person-ssn'
import { ViewHeading } from '../components/view-heading'
import { YtdPanel } from '../components/ytd-panel'
import { formatDate } from '../format/format-date'
import { formatFinchTerm } from '../format/format-finch-term'
import { formatLocationLines } from '../format/format-location'
import { formatCents } from '../format/format-money'
import { formatPhoneNumber } from '../format/format-phone-number'
import { useAsyncValue } from '../hooks/use-async-value'

const NOT_PROVIDED = 'Not provided'

const INCOME_UNITS: Record<string, string> = {
  yearly: 'a year',
  quarterly: 'a quarter',
  monthly: 'a month',
  semi_monthly: 'twice a month',
  bi_weekly: 'every two weeks',
  weekly: 'a week',
  daily: 'a day',
  hourly: 'an hour',
  fixed: 'fixed',
}

export function PersonView({
  connectionId,
  individualId,
  onBack,
}: {
  connectionId: string
  individualId: string
  onBack: () => void
}) {
  const api = useApi()
  const profile = useAsyncValue(
    () => api.person.profile({ connectionId, individualId }),
    [api, connectionId, individualId],
  )
  // The connection's products tell an SSN nobody asked for apart from one the provider lacks.
  const connection = useAsyncValue(() => api.connections.get({ connectionId }), [api, connectionId])
  const person = profile.value
  const name = person ? fullName(person) : null

  return (
    <section className="view person-view">
      <button type="button" className="link-button back-link" onClick={onBack}>
        <span aria-hidden="true">← </span>Back to the company
      </button>
      <div className="view-header">
        <ViewHeading testId="person-name">
          {name ?? (profile.status === 'loading' ? 'Loading person…' : 'Person')}
        </ViewHeading>
      </div>

      {profile.status === 'failed' && (
        <ErrorAlert onRetry={profile.reload}>{profile.message}</ErrorAlert>
      )}
      {person === null && (
        <p className="panel empty-state">
          This person is no longer in the cache. Sync the company again, or go back to its people.
        </p>
      )}
      {person && (
        <>
          <PersonalRecord
            person={person}
            connectionId={connectionId}
            connectionProducts={connection.value?.products}
          />
          <EmploymentRecord
            employment={person.employment}
            connectionId={connectionId}
            individualId={individualId}
          />
          <PayHistoryPanel connectionId={connectionId} individualId={individualId} />
          <YtdPanel connectionId={connectionId} individualId={individualId} refreshKey={0} />
        </>
      )}
    </section>
  )
}

function PersonalRecord({
  person,
  connectionId,
  connectionProducts,
}: {
  person: PersonProfile
  connectionId: string
  connectionProducts: readonly string[] | undefined
}) {
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="person-record">
      <h2 id={`${id}-title`} className="panel-title">
        Personal details
      </h2>
      <dl className="facts">
        <Fact term="Legal name">{fullName(person) ?? NOT_PROVIDED}</Fact>
        <Fact term="Preferred name">{person.preferredName ?? NOT_PROVIDED}</Fact>
        <Fact term="Date of birth" testId="person-dob">
          {formatDate(person.dob) ?? NOT_PROVIDED}
        </Fact>
        <Fact term="SSN">
          <PersonSsn
            connectionId={connectionId}
            individualId={person.individualId}
            personName={fullName(person) ?? 'this person'}
            ssnLast4={person.ssnLast4}
            canReveal={person.canRevealSsn}
            connectionProducts={connectionProducts}
          />
        </Fact>
        <Fact term="Emails" testId="person-emails">
          <Contacts contacts={person.emails} />
        </Fact>
        <Fact term="Phone numbers">
          <Contacts contacts={person.phoneNumbers} format={formatPhoneNumber} />
        </Fact>
        <Fact term="Residence">
          <Address address={person.residence} />
        </Fact>
      </dl>
    </section>
  )
}

function EmploymentRecord({
  employment,
  connectionId,
  individualId,
}: {
  employment: PersonEmployment | null
  connectionId: string
  individualId: string
}) {
  const id = useId()
  if (!employment) {
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="panel-title">
          Employment
        </h2>
        <p className="secondary-text">
          No employment record. Sync with the Employment product granted to read it.
        </p>
      </section>
    )
  }
  const kind = [employment.employmentType, employment.employmentSubtype]
    .filter((term): term is string => term !== null)
    .map(formatFinchTerm)
    .join(' · ')

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="person-employment">
      <h2 id={`${id}-title`} className="panel-title">
        Employment
      </h2>
      <dl className="facts">
        <Fact term="Title" testId="person-title">
          {employment.title ?? NOT_PROVIDED}
        </Fact>
        <Fact term="Department">{employment.department ?? NOT_PROVIDED}</Fact>
        <Fact term="Manager">
          {employment.managerName ?? (employment.managerId ? 'Not in the directory' : 'None')}
        </Fact>
        <Fact term="Status">{employmentStatus(employment)}</Fact>
        <Fact term="Employment type">{kind || NOT_PROVIDED}</Fact>
        <Fact term="FLSA status">
          {employment.flsaStatus ? formatFinchTerm(employment.flsaStatus) : NOT_PROVIDED}
        </Fact>
        <Fact term="Class code">{employment.classCode ?? NOT_PROVIDED}</Fact>
        <Fact term="Start date">{formatDate(employment.startDate) ?? NOT_PROVIDED}</Fact>
        <Fact term="End date">{formatDate(employment.endDate) ?? 'None'}</Fact>
        <Fact term="Latest rehire">{formatDate(employment.latestRehireDate) ?? 'None'}</Fact>
        <Fact term="Work location">
          {employment.location ? (
            <>
              {employment.location.name && (
                <span className="address-line">{employment.location.name}</span>
              )}
              <Address address={employment.location} />
            </>
          ) : (
            NOT_PROVIDED
          )}
        </Fact>
        <Fact term="Income" testId="person-income">
          {employment.income ? formatIncome(employment.income) : NOT_PROVIDED}
        </Fact>
      </dl>

      <table className="data-table" data-testid="person-income-history">
        <caption>Income history</caption>
        <thead>
          <tr>
            <th scope="col">Effective</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Paid</th>
          </tr>
        </thead>
        <tbody>
          {employment.incomeHistory.length === 0 ? (
            <tr>
              <td colSpan={3} className="empty-row">
                No income history from the provider.
              </td>
            </tr>
          ) : (
            employment.incomeHistory.map((income, index) => (
              <tr key={index}>
                <th scope="row">{formatDate(income.effectiveDate) ?? 'Date not provided'}</th>
                <td className="numeric">
                  {income.amountCents === null ? '—' : formatCents(income.amountCents)}
                </td>
                <td>{income.unit ? unitWords(income.unit) : '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <ExportActions
        label="Export income history"
        target={{ table: 'income_history', connectionId, individualId }}
      />

      <table className="data-table" data-testid="person-custom-fields">
        <caption>Custom fields</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {employment.customFields.length === 0 ? (
            <tr>
              <td colSpan={2} className="empty-row">
                No custom fields.
              </td>
            </tr>
          ) : (
            employment.customFields.map((field, index) => (
              <tr key={index}>
                <th scope="row">{field.name ?? 'Unnamed field'}</th>
                <td>{field.value ?? '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <ExportActions
        label="Export custom fields"
        target={{ table: 'custom_fields', connectionId, individualId }}
      />
    </section>
  )
}

function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}

function Contacts({
  contacts,
  format = (data) => data,
}: {
  contacts: PersonContact[]
  /** How each address or number is written; as given by default. */
  format?: (data: string) => string
}) {
  if (contacts.length === 0) return <>{NOT_PROVIDED}</>
  return (
    <ul className="plain-list">
      {contacts.map((contact, index) => (
        <li key={index}>
          {contact.data !== null && format(contact.data)}
          {contact.type && (
            <span className="secondary-text"> ({formatFinchTerm(contact.type)})</span>
          )}
        </li>
      ))}
    </ul>
  )
}

function Address({ address }: { address: PersonAddress | null }) {
  if (!address) return <>{NOT_PROVIDED}</>
  return (
    <address>
      {formatLocationLines(address).map((line, index) => (
        <span key={index} className="address-line">
          {line}
        </span>
      ))}
    </address>
  )
}

function fullName(person: PersonProfile): string | null {
  const parts = [person.firstName, person.middleName, person.lastName].filter(
    (part): part is string => part !== null && part.trim() !== '',
  )
  return parts.length > 0 ? parts.join(' ') : null
}

function formatIncome(income: PersonIncome): string {
  const amount =
    income.amountCents === null ? 'Amount not provided' : formatCents(income.amountCents)
  const unit = income.unit ? ` ${unitWords(income.unit)}` : ''
  const since = formatDate(income.effectiveDate)
  return `${amount}${unit}${since ? `, since ${since}` : ''}`
}

/** `Active`, or `Active (on leave)` where Finch's own status says more than active or not. */
function employmentStatus(employment: PersonEmployment): string {
  const active =
    employment.isActive === null ? 'Unknown' : employment.isActive ? 'Active' : 'Terminated'
  const finch = employment.employmentStatus ? formatFinchTerm(employment.employmentStatus) : null
  return finch && finch.toLowerCase() !== active.toLowerCase() ? `${active} (${finch})` : active
}

function unitWords(unit: string): string {
  return INCOME_UNITS[unit] ?? formatFinchTerm(unit).toLowerCase()
}
