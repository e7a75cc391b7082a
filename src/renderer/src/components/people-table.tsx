/**
 * The company's people as a virtualized table: a window of rows fetched from main as the
 * accountant scrolls, never the whole directory.
 */
import type { DirectoryRow } from '../../../shared/domain'
import { formatSortableName } from '../format/format-person-name'
import { formatEmploymentStatus } from '../format/format-status'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { textColumn } from '../table/table-columns'
import type { WindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'

const PEOPLE_COLUMNS: TableColumn<DirectoryRow>[] = [
  textColumn('name', 'Name', formatSortableName, '34%', { isRowHeader: true }),
  textColumn('department', 'Department', (row) => row.department, '24%'),
  textColumn('manager', 'Manager', (row) => row.managerName, '26%'),
  {
    key: 'status',
    header: 'Status',
    width: '16%',
    render: (row) => (
      <span className={`status-badge ${statusClass(row.isActive)}`}>
        {formatEmploymentStatus(row.isActive)}
      </span>
    ),
  },
]

export function PeopleTable({
  rows,
  emptyMessage,
  onRangeChange,
}: {
  rows: WindowedRows<DirectoryRow>
  emptyMessage: string
  /** Hears which rows are on screen; it must pass them on to `rows.showRange`. */
  onRangeChange: (range: RowRange) => void
}) {
  return (
    <VirtualTable
      label="People in the directory"
      columns={PEOPLE_COLUMNS}
      rowCount={rows.total ?? 0}
      rowAt={rows.rowAt}
      rowKey={(row) => row.individualId}
      onRangeChange={onRangeChange}
      busy={rows.loading}
      emptyMessage={emptyMessage}
      rowTestId="directory-row"
      testId="directory-table"
    />
  )
}

function statusClass(isActive: boolean | null): string {
  if (isActive === null) return 'status-unknown'
  return isActive ? 'status-active' : 'status-terminated'
}
