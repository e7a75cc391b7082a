/**
 * A company's pay runs as a virtualized table, newest first, with the totals Finch reported for
 * each payment. Enter or a click opens the run's register.
 */
import type { PayRun } from '../../../shared/payroll-review'
import { formatDate } from '../format/format-date'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { dateColumn, moneyColumn, textColumn } from '../table/table-columns'
import type { WindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'

const PAY_RUN_COLUMNS: TableColumn<PayRun>[] = [
  { ...dateColumn('payDate', 'Pay date', (run) => run.payDate, '12%'), isRowHeader: true },
  textColumn('period', 'Pay period', payPeriod, '17%'),
  textColumn('people', 'People', (run) => run.individualCount?.toString() ?? null, '8%'),
  moneyColumn('gross', 'Gross', (run) => run.grossPayCents, '13%'),
  moneyColumn('employeeTaxes', 'Employee taxes', (run) => run.employeeTaxesCents, '13%'),
  moneyColumn('employerTaxes', 'Employer taxes', (run) => run.employerTaxesCents, '13%'),
  moneyColumn('net', 'Net', (run) => run.netPayCents, '12%'),
  moneyColumn('debit', 'Company debit', (run) => run.companyDebitCents, '12%'),
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
    />
  )
}

function payPeriod(run: PayRun): string | null {
  if (!run.payPeriodStart && !run.payPeriodEnd) return null
  const day = (value: string | null) => formatDate(value) ?? '?'
  return `${day(run.payPeriodStart)} – ${day(run.payPeriodEnd)}`
}
