/**
 * A pay run's register: one row per statement, with hours, gross, a money column for every tax,
 * deduction and contribution found in the run, and net. Columns come from the summary, and each
 * row's amounts are aligned with them by main, so an unknown line type is just another column.
 */
import type { RegisterColumn, RegisterRow } from '../../../shared/payroll-review'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { moneyColumn, textColumn } from '../table/table-columns'
import type { WindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'

export const COLUMN_KIND_LABELS: Record<RegisterColumn['kind'], string> = {
  tax: 'Tax',
  employer_tax: 'Employer tax',
  employee_deduction: 'Deduction',
  employer_contribution: 'Contribution',
}

export function registerColumns(columns: RegisterColumn[]): TableColumn<RegisterRow>[] {
  return [
    textColumn('person', 'Person', (row) => row.personName ?? row.individualId, '200px', {
      isRowHeader: true,
    }),
    textColumn('hours', 'Hours', (row) => formatHours(row.totalHours), '80px'),
    moneyColumn('gross', 'Gross', (row) => row.grossPayCents, '130px'),
    ...columns.map((column, index) =>
      moneyColumn<RegisterRow>(
        `amount-${index}`,
        `${COLUMN_KIND_LABELS[column.kind]}: ${column.label}`,
        (row) => row.amountsCents[index] ?? null,
        '140px',
      ),
    ),
    moneyColumn('net', 'Net', (row) => row.netPayCents, '130px'),
  ]
}

export function RegisterTable({
  columns,
  rows,
  onRangeChange,
  onOpen,
}: {
  columns: TableColumn<RegisterRow>[]
  rows: WindowedRows<RegisterRow>
  onRangeChange: (range: RowRange) => void
  onOpen: (row: RegisterRow) => void
}) {
  return (
    <VirtualTable
      label="Pay run register"
      columns={columns}
      rowCount={rows.total ?? 0}
      rowAt={rows.rowAt}
      onRangeChange={onRangeChange}
      onActivateRow={onOpen}
      busy={rows.loading}
      emptyMessage={
        rows.total === null ? 'Loading the register…' : 'This pay run has no statements.'
      }
      rowTestId="register-row"
      testId="register-table"
    />
  )
}

export function formatHours(hours: number | null): string | null {
  return hours === null
    ? null
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(hours)
}
