/**
 * One pay statement in full: earnings with hours and rates, taxes split by who pays them,
 * employee deductions before and after tax, and employer contributions, with an export of it all
 * as one table.
 */
import type { PayStatementDetail, StatementLine } from '../../../shared/payroll-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatCents } from '../format/format-money'
import { formatDate } from '../format/format-date'
import {
  formatLineType,
  formatPaymentMethod,
  formatStatementType,
} from '../format/format-pay-statement'
import { useAsyncValue } from '../hooks/use-async-value'
import { ErrorAlert } from './error-alert'
import { formatHours } from './register-table'

const MISSING = '—'

interface LineGroup {
  title: string
  testId: string
  lines: StatementLine[]
  /** Extra column: hours and rate for earnings, pre/post tax for deductions. */
  extra?: 'earning' | 'deduction'
}

export function PayStatementDetailCard({
  connectionId,
  statement,
}: {
  connectionId: string
  statement: PayStatementDetail
}) {
  const of = (predicate: (line: StatementLine) => boolean) => statement.lines.filter(predicate)
  const groups: LineGroup[] = [
    {
      title: 'Earnings',
      testId: 'statement-earnings',
      lines: of((l) => l.kind === 'earning'),
      extra: 'earning',
    },
    {
      title: 'Employee taxes',
      testId: 'statement-employee-taxes',
      lines: of((l) => l.kind === 'tax' && l.employer !== true),
    },
    {
      title: 'Employer taxes',
      testId: 'statement-employer-taxes',
      lines: of((l) => l.kind === 'tax' && l.employer === true),
    },
    {
      title: 'Deductions',
      testId: 'statement-deductions',
      lines: of((l) => l.kind === 'employee_deduction'),
      extra: 'deduction',
    },
    {
      title: 'Employer contributions',
      testId: 'statement-contributions',
      lines: of((l) => l.kind === 'employer_contribution'),
    },
  ]

  return (
    <div className="pay-statement" data-testid="pay-statement">
      <dl className="facts">
        <dt>Person</dt>
        <dd data-testid="statement-person">{statement.personName ?? statement.individualId}</dd>
        <dt>Pay date</dt>
        <dd>{formatDate(statement.payDate) ?? MISSING}</dd>
        <dt>Type</dt>
        <dd data-testid="statement-type">
          {statement.type === null ? MISSING : formatStatementType(statement.type)}
        </dd>
        <dt>Payment method</dt>
        <dd>
          {statement.paymentMethod === null
            ? MISSING
            : formatPaymentMethod(statement.paymentMethod)}
        </dd>
        <dt>Hours</dt>
        <dd>{formatHours(statement.totalHours) ?? MISSING}</dd>
        <dt>Gross</dt>
        <dd data-testid="statement-gross">{money(statement.grossPayCents)}</dd>
        <dt>Net</dt>
        <dd data-testid="statement-net">{money(statement.netPayCents)}</dd>
      </dl>
      {groups.map((group) => (
        <LineTable key={group.testId} group={group} />
      ))}
      <ExportActions
        label="Export pay statement"
        target={{ table: 'pay_statement', connectionId, statementRow: statement.statementRow }}
      />
    </div>
  )
}

function LineTable({ group }: { group: LineGroup }) {
  const total = group.lines.reduce((sum, line) => sum + (line.amountCents ?? 0), 0)
  return (
    <table className="data-table statement-lines" data-testid={group.testId}>
      <caption>{group.title}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          {group.extra === 'earning' && (
            <>
              <th scope="col" className="numeric">
                Hours
              </th>
              <th scope="col" className="numeric">
                Rate
              </th>
            </>
          )}
          {group.extra === 'deduction' && <th scope="col">Taken</th>}
          <th scope="col" className="numeric">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {group.lines.length === 0 ? (
          <tr>
            <td colSpan={5} className="empty-row">
              None on this statement.
            </td>
          </tr>
        ) : (
          group.lines.map((line, index) => (
            <tr key={index}>
              <th scope="row">{line.name ?? MISSING}</th>
              <td>{line.type === null ? MISSING : formatLineType(line.kind, line.type)}</td>
              {group.extra === 'earning' && (
                <>
                  <td className="numeric">{formatHours(line.hours) ?? MISSING}</td>
                  <td className="numeric">{money(line.rateCents)}</td>
                </>
              )}
              {group.extra === 'deduction' && <td>{preTaxLabel(line.preTax)}</td>}
              <td className="numeric">{money(line.amountCents)}</td>
            </tr>
          ))
        )}
      </tbody>
      {group.lines.length > 0 && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={group.extra === 'earning' ? 4 : group.extra ? 3 : 2}>
              Total
            </th>
            <td className="numeric">{formatCents(total)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}

function preTaxLabel(preTax: boolean | null): string {
  if (preTax === null) return MISSING
  return preTax ? 'Pre-tax' : 'Post-tax'
}

function money(cents: number | null): string {
  return cents === null ? MISSING : formatCents(cents)
}

/** One statement read from main by its row, with its loading, failure and gone states. */
export function PayStatementSection({
  connectionId,
  statementRow,
}: {
  connectionId: string
  statementRow: number
}) {
  const api = useApi()
  const statement = useAsyncValue(
    () => api.payroll.statement({ connectionId, statementRow }),
    [api, connectionId, statementRow],
  )
  if (statement.status === 'failed') {
    return <ErrorAlert onRetry={statement.reload}>{statement.message}</ErrorAlert>
  }
  if (statement.value === undefined) return <p className="secondary-text">Loading statement…</p>
  if (statement.value === null) {
    return <p className="empty-state">This statement is no longer in the cache; sync again.</p>
  }
  return <PayStatementDetailCard connectionId={connectionId} statement={statement.value} />
}
