/**
 * The company's record as Finch holds it. Identifiers arrive already masked from the back end
 * (EIN and bank account numbers to their last four digits) and are shown exactly as given.
 */
import type { ReactNode } from 'react'
import type { CompanyProfile } from '../../../shared/domain'
import { ExportActions } from '../export/export-actions'
import { formatDateTime } from '../format/format-date'
import { formatFinchTerm } from '../format/format-finch-term'
import { formatLocationLines } from '../format/format-location'

const NOT_PROVIDED = 'Not provided'

export function CompanyCard({ company }: { company: CompanyProfile }) {
  const entity = [company.entityType, company.entitySubtype]
    .filter((term): term is string => Boolean(term))
    .map(formatFinchTerm)
    .join(' · ')

  return (
    <section className="panel company-card" aria-labelledby="company-card-title">
      <h2 id="company-card-title" className="panel-title">
        Company details
      </h2>

      <dl className="facts">
        <Fact term="EIN" testId="company-ein">
          {company.einMasked ?? NOT_PROVIDED}
        </Fact>
        <Fact term="Entity">{entity || NOT_PROVIDED}</Fact>
        <Fact term="Email">{company.primaryEmail ?? NOT_PROVIDED}</Fact>
        <Fact term="Phone">{company.primaryPhone ?? NOT_PROVIDED}</Fact>
        <Fact term="Departments">
          {company.departments.length > 0 ? company.departments.join(', ') : NOT_PROVIDED}
        </Fact>
      </dl>

      <div className="company-lists">
        <div>
          <h3>Locations</h3>
          {company.locations.length === 0 ? (
            <p className="secondary-text">{NOT_PROVIDED}</p>
          ) : (
            <ul className="plain-list">
              {company.locations.map((location, index) => (
                <li key={index}>
                  <address>
                    {formatLocationLines(location).map((line, lineIndex) => (
                      <span key={lineIndex} className="address-line">
                        {line}
                      </span>
                    ))}
                  </address>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div>
          <h3>Bank accounts</h3>
          {company.accounts.length === 0 ? (
            <p className="secondary-text">{NOT_PROVIDED}</p>
          ) : (
            <ul className="plain-list">
              {company.accounts.map((account, index) => (
                <li key={index} data-testid="company-account">
                  <span className="account-name">
                    {[account.institutionName, account.accountName].filter(Boolean).join(' — ') ||
                      'Account'}
                  </span>
                  <span className="secondary-text">
                    {account.accountType && `${formatFinchTerm(account.accountType)} · `}
                    <span className="masked-number">
                      {account.last4 ? `•••• ${account.last4}` : 'Number not provided'}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="company-card-footer">
        <p className="secondary-text retrieved-at">
          Read from Finch {formatDateTime(company.retrievedAt) ?? 'at an unknown time'}
        </p>
        <ExportActions
          label="Export company"
          target={{ table: 'company', connectionId: company.connectionId }}
          maskedFields="EIN and bank account numbers"
        />
      </div>
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
