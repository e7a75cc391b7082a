/**
 * People the client has under more than one record across its connections, such as staff who
 * moved with the employer to a new payroll provider. Each person shows once, with every record
 * (which connection, and the name as that connection spells it), each record's pay in the year,
 * and the records added together; every matched person, not only this page, can be exported.
 */
import { useState } from 'react'
import type { MatchedConnection, PersonMatchBasis } from '../../../shared/checks'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatProvider } from '../format/format-provider'
import { formatCents } from '../format/format-money'
import { formatPageRange } from '../format/format-page-range'
import { useAsyncValue } from '../hooks/use-async-value'
import { CheckTableFrame } from './check-table-frame'
import { CheckYearPicker } from './check-year-picker'
import { ErrorAlert } from './error-alert'
import { PageControls } from './page-controls'

const PAGE_SIZE = 25

const BASIS_LABELS: Record<PersonMatchBasis, string> = {
  name_and_dob: 'Same name and date of birth',
  name_and_email: 'Same name and email; a date of birth is missing',
}

function connectionLabel(connection: MatchedConnection | undefined): string {
  if (!connection) return 'Another connection'
  return `${connection.companyName} (${formatProvider(connection.providerId)})`
}

export function CheckPeople({
  connectionId,
  year,
  onYear,
}: {
  connectionId: string
  year: number | undefined
  onYear: (year: number) => void
}) {
  const api = useApi()
  const [offset, setOffset] = useState(0)
  const page = useAsyncValue(
    () => api.checks.people({ connectionId, year, offset, limit: PAGE_SIZE }),
    [api, connectionId, year, offset],
  )
  const value = page.value
  const connections = new Map(value?.connections.map((c) => [c.connectionId, c]))

  return (
    <section className="check-section" data-testid="check-people">
      <h2>People across connections</h2>
      <p className="field-hint">
        Records are one person when first name, last name and date of birth agree, whatever the
        letter case or spacing. Where either record lacks a date of birth, the same name and an
        email in common will do. Pay is each record’s in the chosen year.
      </p>
      {value && (
        <p data-testid="check-people-connections">
          {value.customerName} has {value.connections.length}{' '}
          {value.connections.length === 1 ? 'connection' : 'connections'}:{' '}
          {value.connections.map(connectionLabel).join('; ')}.
        </p>
      )}
      <div className="check-controls">
        {value && (
          <CheckYearPicker
            years={value.years}
            year={value.year}
            onYear={(chosen) => {
              setOffset(0)
              onYear(chosen)
            }}
          />
        )}
      </div>
      {page.status === 'failed' && <ErrorAlert onRetry={page.reload}>{page.message}</ErrorAlert>}
      {!value && page.status === 'loading' && <p>Matching people…</p>}
      {value && value.total === 0 && (
        <p data-testid="check-people-none">
          No one appears twice among the {new Intl.NumberFormat().format(value.recordCount)} people
          with personal details in this client’s connections.
        </p>
      )}
      {value && value.total > 0 && (
        <>
          <CheckTableFrame label={`People with more than one record, ${value.year}`}>
            <table className="data-table matched-people-table">
              <caption className="visually-hidden">
                People with more than one record, and their pay in {value.year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Name there</th>
                  <th scope="col" className="numeric">
                    Gross pay
                  </th>
                  <th scope="col" className="numeric">
                    Employee taxes
                  </th>
                  <th scope="col" className="numeric">
                    Pre-tax deductions
                  </th>
                  <th scope="col" className="numeric">
                    Post-tax deductions
                  </th>
                  <th scope="col" className="numeric">
                    Net pay
                  </th>
                  <th scope="col" className="numeric">
                    Employer contributions
                  </th>
                  <th scope="col" className="numeric">
                    Employer taxes
                  </th>
                </tr>
              </thead>
              {value.people.map((person) => (
                <tbody
                  key={person.records.map((r) => `${r.connectionId}/${r.individualId}`).join()}
                  data-testid="matched-person"
                >
                  <tr className="matched-person-heading">
                    <th scope="rowgroup" colSpan={9}>
                      {person.personName}
                      <span className="secondary-text">{BASIS_LABELS[person.basis]}</span>
                    </th>
                  </tr>
                  {person.records.map((record) => (
                    <tr
                      key={`${record.connectionId}/${record.individualId}`}
                      data-testid="matched-record"
                      data-connection-id={record.connectionId}
                      data-individual-id={record.individualId}
                    >
                      <th scope="row">{connectionLabel(connections.get(record.connectionId))}</th>
                      <td>{record.personName}</td>
                      <Figures figures={record.figures} />
                    </tr>
                  ))}
                  <tr className="matched-person-total" data-testid="matched-combined">
                    <th scope="row" colSpan={2}>
                      Combined
                    </th>
                    <Figures figures={person.combined} />
                  </tr>
                </tbody>
              ))}
            </table>
          </CheckTableFrame>
          <PageControls
            label="Matched people pages"
            range={formatPageRange(value.offset, value.people.length, value.total)}
            canGoBack={offset > 0}
            canGoForward={offset + PAGE_SIZE < value.total}
            onPrevious={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            onNext={() => setOffset(offset + PAGE_SIZE)}
          />
          <ExportActions
            label="Export people across connections"
            target={{ table: 'matched_people', connectionId, year: value.year }}
          />
        </>
      )}
    </section>
  )
}

function Figures({
  figures,
}: {
  figures: {
    grossPayCents: number
    employeeTaxesCents: number
    preTaxDeductionsCents: number
    postTaxDeductionsCents: number
    netPayCents: number
    employerContributionsCents: number
    employerTaxesCents: number
  }
}) {
  return (
    <>
      {[
        figures.grossPayCents,
        figures.employeeTaxesCents,
        figures.preTaxDeductionsCents,
        figures.postTaxDeductionsCents,
        figures.netPayCents,
        figures.employerContributionsCents,
        figures.employerTaxesCents,
      ].map((cents, index) => (
        <td key={index} className="numeric">
          {formatCents(cents)}
        </td>
      ))}
    </>
  )
}
