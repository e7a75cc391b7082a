/**
 * The company's people as a virtualized table: a window of rows fetched from main as the
 * accountant scrolls, never the whole directory. A row opens its person by click or by Enter.
 */
import type { MouseEvent } from 'react'
import { memo, useCallback } from 'react'
import type { DirectoryRow } from '../../../shared/domain'
import { formatSortableName } from '../format/format-person-name'
import { formatEmploymentStatus } from '../format/format-status'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { textColumn } from '../table/table-columns'
import type { WindowedRows } from '../table/use-windowed-rows'
import { gridCellOf, VirtualTable } from '../table/virtual-table'

const PEOPLE_COLUMNS: TableColumn<DirectoryRow>[] = [
  textColumn('name', 'Name', formatSortableName, '24%', { isRowHeader: true }),
  textColumn('email', 'Email', (row) => row.email, '26%'),
  textColumn('department', 'Department', (row) => row.department, '18%'),
  textColumn('manager', 'Manager', (row) => row.managerName, '20%'),
  {
    key: 'status',
    header: 'Status',
    width: '12%',
    render: (row) => (
      <span className={`status-badge ${statusClass(row.isActive)}`}>
        {formatEmploymentStatus(row.isActive)}
      </span>
    ),
  },
]

/**
 * Memoized, and given the windowed rows' parts rather than the object that holds them: the
 * panel re-renders its footer on every scrolled frame, and the table must not render twice.
 */
export const PeopleTable = memo(function PeopleTable({
  rowCount,
  rowAt,
  loading,
  emptyMessage,
  onRangeChange,
  onOpenPerson,
}: {
  rowCount: number
  rowAt: WindowedRows<DirectoryRow>['rowAt']
  loading: boolean
  emptyMessage: string
  /** Hears which rows are on screen; it must pass them on to `rows.showRange`. */
  onRangeChange: (range: RowRange) => void
  /** Opens a person's page; without it rows do not open. */
  onOpenPerson?: (individualId: string) => void
}) {
  const onActivateRow = useCallback(
    (row: DirectoryRow) => onOpenPerson?.(row.individualId),
    [onOpenPerson],
  )
  // The grid's cells say which row they belong to; a click anywhere on a loaded row opens it.
  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const cell = gridCellOf(event.target)
      const row = cell ? rowAt(cell.row) : undefined
      if (row !== undefined) onOpenPerson?.(row.individualId)
    },
    [rowAt, onOpenPerson],
  )

  const table = (
    <VirtualTable
      label="People in the directory"
      columns={PEOPLE_COLUMNS}
      rowCount={rowCount}
      rowAt={rowAt}
      onRangeChange={onRangeChange}
      {...(onOpenPerson ? { onActivateRow } : {})}
      busy={loading}
      emptyMessage={emptyMessage}
      rowTestId="directory-row"
      testId="directory-table"
    />
  )
  if (!onOpenPerson) return table
  // The grid itself is the keyboard route (Enter); the click is a pointer shortcut to the same.
  return (
    <div className="people-table-rows opens-rows" onClick={onClick}>
      {table}
    </div>
  )
})

function statusClass(isActive: boolean | null): string {
  if (isActive === null) return 'status-unknown'
  return isActive ? 'status-active' : 'status-terminated'
}
