/**
 * The payroll review's tables as exports: the pay runs list under its filters, a pay run's
 * register with a closing totals row, the year to date of the company or one person, the
 * company's per-person year to date, and one person's pay history. Rows come from the same
 * queries as the screens, a batch at a time; no table here holds an SSN or bank number.
 */
import { AppError } from '../../shared/app-error'
import { finchTermWords } from '../../shared/finch-terms'
import type { PayRun, PayRunFilters, RegisterLineKind } from '../../shared/payroll-review'
import type { PayHistoryRow } from '../../shared/person-review'
import type { YtdLineTotal, YtdPersonRow } from '../../shared/ytd-review'
import type { CacheDatabase } from '../cache/open-database'
import { UNNAMED_PAY_GROUP, readPayGroupNames } from '../review/pay-group-names'
import { PayrollReviewQueries } from '../review/payroll-queries'
import { PersonQueries } from '../review/person-queries'
import { YtdQueries } from '../review/ytd-queries'
import type { ExportColumn, ExportSheet } from './export-columns'

const BATCH_ROWS = 1_000

/** The pay runs' columns: pay groups by name, Finch's ids only in labelled columns at the end. */
function payRunColumns(groupNames: ReadonlyMap<string, string>): ExportColumn<PayRun>[] {
  const named = (run: PayRun) =>
    run.payGroupIds.map((id) => groupNames.get(id) ?? UNNAMED_PAY_GROUP).join(', ')
  return [
    { header: 'Pay date', kind: 'date', value: (run) => run.payDate, width: 12 },
    { header: 'Period start', kind: 'date', value: (run) => run.payPeriodStart, width: 12 },
    { header: 'Period end', kind: 'date', value: (run) => run.payPeriodEnd, width: 12 },
    { header: 'People', kind: 'integer', value: (run) => run.individualCount, width: 8 },
    { header: 'Gross', kind: 'cents', value: (run) => run.grossPayCents, width: 16 },
    { header: 'Employee taxes', kind: 'cents', value: (run) => run.employeeTaxesCents, width: 16 },
    { header: 'Employer taxes', kind: 'cents', value: (run) => run.employerTaxesCents, width: 16 },
    { header: 'Net', kind: 'cents', value: (run) => run.netPayCents, width: 16 },
    { header: 'Company debit', kind: 'cents', value: (run) => run.companyDebitCents, width: 16 },
    { header: 'Pay groups', kind: 'text', value: named, width: 24 },
    { header: 'Finch payment ID', kind: 'text', value: (run) => run.paymentId, width: 38 },
    {
      header: 'Finch pay group IDs',
      kind: 'text',
      value: (run) => run.payGroupIds.join(', '),
      width: 38,
    },
  ]
}

/** The pay runs list under the accountant's date range and pay group. */
export function payRunsSheet(
  db: CacheDatabase,
  connectionId: string,
  filters: PayRunFilters,
): ExportSheet<PayRun> {
  const queries = new PayrollReviewQueries(db)
  function* batches() {
    for (let offset = 0; ; offset += BATCH_ROWS) {
      const page = queries.payRuns({ connectionId, ...filters, offset, limit: BATCH_ROWS })
      if (page.rows.length > 0) yield page.rows
      if (page.rows.length < BATCH_ROWS) return
    }
  }
  const columns = payRunColumns(readPayGroupNames(db, connectionId))
  return { name: 'Pay runs', columns, batches: batches() }
}

/** A register line: one statement, or the closing row of the run's totals. */
interface RegisterExportRow {
  person: string | null
  individualId: string | null
  hours: number | null
  grossCents: number | null
  amountsCents: (number | null)[]
  netCents: number | null
}

const KIND_HEADINGS: Record<RegisterLineKind, string> = {
  tax: 'Tax',
  employer_tax: 'Employer tax',
  employee_deduction: 'Deduction',
  employer_contribution: 'Contribution',
}

/**
 * A pay run's register: a row per statement, a column per tax, deduction and contribution found
 * in the run, then a `Total` row whose figures are the run's stored sums, equal to the column
 * sums of the rows above.
 */
export function registerSheet(
  db: CacheDatabase,
  connectionId: string,
  paymentId: string,
): ExportSheet<RegisterExportRow> {
  const queries = new PayrollReviewQueries(db)
  const found = queries.registerSummary(connectionId, paymentId)
  if (!found) throw new AppError('not_found', 'That pay run is not in the cache. Sync again.')
  const summary = found

  const columns: ExportColumn<RegisterExportRow>[] = [
    { header: 'Person', kind: 'text', value: (row) => row.person, width: 28 },
    { header: 'Hours', kind: 'hours', value: (row) => row.hours, width: 10 },
    { header: 'Gross', kind: 'cents', value: (row) => row.grossCents, width: 16 },
    ...summary.columns.map((column, index): ExportColumn<RegisterExportRow> => ({
      header: `${KIND_HEADINGS[column.kind]}: ${column.label}`,
      kind: 'cents',
      value: (row) => row.amountsCents[index] ?? null,
      width: 18,
    })),
    { header: 'Net', kind: 'cents', value: (row) => row.netCents, width: 16 },
    { header: 'Finch individual ID', kind: 'text', value: (row) => row.individualId, width: 38 },
  ]

  function* batches(): Generator<RegisterExportRow[]> {
    for (const rows of queries.registerBatches(connectionId, paymentId, BATCH_ROWS)) {
      yield rows.map((row) => ({
        person: row.personName ?? row.individualId,
        individualId: row.individualId,
        hours: row.totalHours,
        grossCents: row.grossPayCents,
        amountsCents: row.amountsCents,
        netCents: row.netPayCents,
      }))
    }
    yield [
      {
        person: 'Total',
        individualId: null,
        hours: summary.hoursReported ? summary.totalHours : null,
        grossCents: summary.grossPayCents,
        amountsCents: summary.columns.map((column) => column.totalCents),
        netCents: summary.netPayCents,
      },
    ]
  }
  return {
    name: `Register ${summary.payRun.payDate ?? paymentId}`,
    columns,
    batches: batches(),
  }
}

interface YtdFigure {
  figure: string
  cents: number
}

const YTD_KIND_HEADINGS: Record<YtdLineTotal['kind'], string> = {
  tax: 'Tax',
  employer_tax: 'Employer tax',
  pre_tax_deduction: 'Pre-tax deduction',
  post_tax_deduction: 'Post-tax deduction',
}

const YTD_COLUMNS: ExportColumn<YtdFigure>[] = [
  { header: 'Figure', kind: 'text', value: (row) => row.figure, width: 40 },
  { header: 'Amount', kind: 'cents', value: (row) => row.cents, width: 18 },
]

/** The year to date of the company, or of one person, as figure and amount rows. */
export function ytdSheet(
  db: CacheDatabase,
  connectionId: string,
  year: number,
  individualId?: string,
): ExportSheet<YtdFigure> {
  const summary = new YtdQueries(db).summary({
    connectionId,
    year,
    ...(individualId !== undefined ? { individualId } : {}),
  })
  const figures: YtdFigure[] = [
    { figure: 'Gross', cents: summary.grossPayCents },
    ...summary.lines.map((line) => ({
      figure: `${YTD_KIND_HEADINGS[line.kind]}: ${line.label}`,
      cents: line.totalCents,
    })),
    { figure: 'Employee taxes', cents: summary.employeeTaxesCents },
    { figure: 'Pre-tax deductions', cents: summary.preTaxDeductionsCents },
    { figure: 'Post-tax deductions', cents: summary.postTaxDeductionsCents },
    { figure: 'Net', cents: summary.netPayCents },
    { figure: 'Unexplained by the statements', cents: summary.unexplainedCents },
    { figure: 'Employer taxes', cents: summary.employerTaxesCents },
  ]
  return { name: `Year to date ${year}`, columns: YTD_COLUMNS, batches: [figures] }
}

const YTD_PERSON_COLUMNS: ExportColumn<YtdPersonRow>[] = [
  { header: 'Person', kind: 'text', value: (row) => row.personName ?? row.individualId, width: 28 },
  { header: 'Statements', kind: 'integer', value: (row) => row.statementCount, width: 11 },
  { header: 'Gross', kind: 'cents', value: (row) => row.grossPayCents, width: 16 },
  { header: 'Employee taxes', kind: 'cents', value: (row) => row.employeeTaxesCents, width: 16 },
  {
    header: 'Pre-tax deductions',
    kind: 'cents',
    value: (row) => row.preTaxDeductionsCents,
    width: 18,
  },
  {
    header: 'Post-tax deductions',
    kind: 'cents',
    value: (row) => row.postTaxDeductionsCents,
    width: 18,
  },
  { header: 'Net', kind: 'cents', value: (row) => row.netPayCents, width: 16 },
  { header: 'Finch individual ID', kind: 'text', value: (row) => row.individualId, width: 38 },
]

/** The company's year to date person by person. */
export function ytdPeopleSheet(
  db: CacheDatabase,
  connectionId: string,
  year: number,
): ExportSheet<YtdPersonRow> {
  const queries = new YtdQueries(db)
  function* batches() {
    for (let offset = 0; ; offset += BATCH_ROWS) {
      const page = queries.people({ connectionId, year, offset, limit: BATCH_ROWS })
      if (page.rows.length > 0) yield page.rows
      if (page.rows.length < BATCH_ROWS) return
    }
  }
  return { name: `Year to date by person ${year}`, columns: YTD_PERSON_COLUMNS, batches: batches() }
}

const PAY_HISTORY_COLUMNS: ExportColumn<PayHistoryRow>[] = [
  { header: 'Pay date', kind: 'date', value: (row) => row.payDate, width: 12 },
  {
    header: 'Statement type',
    kind: 'text',
    value: (row) => (row.type === null ? null : finchTermWords(row.type)),
    width: 20,
  },
  { header: 'Hours', kind: 'hours', value: (row) => row.totalHours, width: 10 },
  { header: 'Gross', kind: 'cents', value: (row) => row.grossPayCents, width: 16 },
  { header: 'Net', kind: 'cents', value: (row) => row.netPayCents, width: 16 },
  { header: 'Finch payment ID', kind: 'text', value: (row) => row.paymentId, width: 38 },
]

/** One person's pay statements, newest first. */
export function payHistorySheet(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): ExportSheet<PayHistoryRow> {
  const queries = new PersonQueries(db)
  if (!queries.profile(connectionId, individualId)) {
    throw new AppError('not_found', 'That person is not in the cache. Sync again.')
  }
  return {
    name: 'Pay history',
    columns: PAY_HISTORY_COLUMNS,
    batches: queries.payHistoryBatches(connectionId, individualId, BATCH_ROWS),
  }
}
