/**
 * One pay statement as an export: its header figures first (person, pay date, type, payment
 * method, hours, gross and net), then every earning, tax, deduction and contribution line in the
 * order the statement card shows them, each saying which kind of line it is.
 */
import { AppError } from '../../shared/app-error'
import { finchTermWords } from '../../shared/finch-terms'
import type { StatementLine } from '../../shared/payroll-review'
import { lineTypeWords, paymentMethodWords } from '../../shared/statement-terms'
import type { CacheDatabase } from '../cache/open-database'
import { PayrollReviewQueries } from '../review/payroll-queries'
import type { ExportColumn, ExportSheet } from './export-columns'

/** A header figure (kind `Statement`) or one line of the statement. */
export interface StatementExportRow {
  kind: string
  name: string | null
  type: string | null
  /** Text a figure or line carries besides its amount: the person's name, pre- or post-tax. */
  detail: string | null
  hours: number | null
  rateCents: number | null
  amountCents: number | null
}

const STATEMENT_COLUMNS: ExportColumn<StatementExportRow>[] = [
  { header: 'Kind', kind: 'text', value: (row) => row.kind, width: 22 },
  { header: 'Name', kind: 'text', value: (row) => row.name, width: 28 },
  { header: 'Type', kind: 'text', value: (row) => row.type, width: 20 },
  { header: 'Detail', kind: 'text', value: (row) => row.detail, width: 38 },
  { header: 'Hours', kind: 'hours', value: (row) => row.hours, width: 10 },
  { header: 'Rate', kind: 'cents', value: (row) => row.rateCents, width: 14 },
  { header: 'Amount', kind: 'cents', value: (row) => row.amountCents, width: 16 },
]

/** The statement card's groups, in its order; employer taxes are tax lines marked `employer`. */
const LINE_GROUPS: { kind: string; holds: (line: StatementLine) => boolean }[] = [
  { kind: 'Earning', holds: (line) => line.kind === 'earning' },
  { kind: 'Employee tax', holds: (line) => line.kind === 'tax' && line.employer !== true },
  { kind: 'Employer tax', holds: (line) => line.kind === 'tax' && line.employer === true },
  { kind: 'Employee deduction', holds: (line) => line.kind === 'employee_deduction' },
  { kind: 'Employer contribution', holds: (line) => line.kind === 'employer_contribution' },
]

const HEADER_KIND = 'Statement'

function figure(name: string, values: Partial<StatementExportRow>): StatementExportRow {
  return {
    kind: HEADER_KIND,
    name,
    type: null,
    detail: null,
    hours: null,
    rateCents: null,
    amountCents: null,
    ...values,
  }
}

function words(term: string | null): string | null {
  return term === null ? null : finchTermWords(term)
}

function preTaxWords(preTax: boolean | null): string | null {
  if (preTax === null) return null
  return preTax ? 'Pre-tax' : 'Post-tax'
}

/** The statement at `statementRow` of the connection; `not_found` when the cache lacks it. */
export function payStatementSheet(
  db: CacheDatabase,
  connectionId: string,
  statementRow: number,
): ExportSheet<StatementExportRow> {
  const statement = new PayrollReviewQueries(db).statement(connectionId, statementRow)
  if (!statement) throw new AppError('not_found', 'That pay statement is not in the cache.')

  const header: StatementExportRow[] = [
    figure('Person', { detail: statement.personName ?? statement.individualId }),
    figure('Pay date', { detail: statement.payDate }),
    figure('Statement type', { detail: words(statement.type) }),
    figure('Payment method', {
      detail: statement.paymentMethod === null ? null : paymentMethodWords(statement.paymentMethod),
    }),
    figure('Hours', { hours: statement.totalHours }),
    figure('Gross', { amountCents: statement.grossPayCents }),
    figure('Net', { amountCents: statement.netPayCents }),
    figure('Finch individual ID', { detail: statement.individualId }),
    figure('Finch payment ID', { detail: statement.paymentId }),
  ]
  const lines = LINE_GROUPS.flatMap((group) =>
    statement.lines.filter(group.holds).map((line): StatementExportRow => ({
      kind: group.kind,
      name: line.name,
      type: line.type === null ? null : lineTypeWords(line.kind, line.type),
      detail: line.kind === 'employee_deduction' ? preTaxWords(line.preTax) : null,
      hours: line.hours,
      rateCents: line.rateCents,
      amountCents: line.amountCents,
    })),
  )

  const who = statement.personName ?? statement.individualId
  return {
    name: `Pay statement ${statement.payDate ?? who}`,
    columns: STATEMENT_COLUMNS,
    batches: [[...header, ...lines]],
  }
}
