/**
 * A company's pay runs as a virtualized table, newest first, with the totals Finch reported for
 * each payment. Enter or a click opens the run's register.
 */
import type { PayRun } from '../../../shared/payroll-review'
import { formatDateRange } from '../format/format-date'
import { formatPayGroups } from '../format/format-pay-run'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { dateColumn, moneyColumn, textColumn } from '../table/table-columns'
import type { WindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'

// Runs on one pay date are told apart by their pay group, so it sits beside the dates. The
// widths let every column show in full in a 1280-pixel window.
const PAY_RUN_COLUMNS: TableColumn<PayRun>[] = [
  { ...dateColumn('payDate', 'Pay date', (run) => run.payDate, '10.8%'), isRowHeader: true },
  textColumn('period', 'Pay period', payPeriod, '12.5%'),
  textColumn('payGroup', 'Pay group', (run) => formatPayGroups(run.payGroupNames), '17%'),
  textColumn('people', 'People', (run) => run.individualCount?.toString() ?? null, '7.8%'),
  moneyColumn('gross', 'Gross', (run) => run.grossPayCents, '10.38%'),
  moneyColumn('employeeTaxes', 'Employee taxes', (run) => run.employeeTaxesCents, '10.38%'),
  moneyColumn('employerTaxes', 'Employer taxes', (run) => run.employerTaxesCents, '10.38%'),
  moneyColumn('net', 'Net', (run) => run.netPayCents, '10.38%'),
  moneyColumn('debit', 'Company debit', (run) => run.companyDebitCents, '10.38%'),
]

export function PayRunsTable({
  rows,
  emptyMessage,
  onRangeChange,
  onOpen,
}: {
  rows: WindowedRows<PayRun>
  emptyMessage: string
  onRangeChange: (range: RowRange) => void
  onOpen: (run: PayRun) => void
}) {
  return (
    <VirtualTable
      label="Pay runs"
      columns={PAY_RUN_COLUMNS}
      rowCount={rows.total ?? 0}
      rowAt={rows.rowAt}
      onRangeChange={onRangeChange}
      onActivateRow={onOpen}
      busy={rows.loading}
      emptyMessage={emptyMessage}
      rowTestId="pay-run-row"
      testId="pay-runs-table"
      className="pay-runs-table"
    />
  )
}

/**
 * `Nov 16 – 29` when the period lies in the pay date's year, which the cell beside it shows;
 * `Dec 28, 2026 – Jan 10, 2027` otherwise.
 */
function payPeriod(run: PayRun): string | null {
  const payYear = run.payDate === null ? undefined : Number(run.payDate.slice(0, 4))
  return formatDateRange(run.payPeriodStart, run.payPeriodEnd, {
    ...(payYear !== undefined && Number.isInteger(payYear) ? { besideYear: payYear } : {}),
  })
}
