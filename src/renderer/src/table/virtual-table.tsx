/**
 * The review workspace's data table: a real `<table>` with a sticky header whose body renders
 * only the rows in view (spacer rows stand in for the rest), so 10,000 rows scroll as smoothly
 * as 10. It is a WAI-ARIA grid: the table takes focus once, the arrow keys, Page Up/Down and
 * Home/End move an active cell, and Enter activates its row. The active cell is announced with
 * `aria-activedescendant`, which survives rows being unmounted as they scroll out of view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import type { GridCell } from './grid-keys'
import { nextGridCell } from './grid-keys'
import type { RowRange } from './page-window'
import type { TableColumn } from './table-columns'

/** Every row has this height, so positions are known without measuring. */
export const ROW_HEIGHT_PX = 38

/**
 * Rendered rows are keyed by a slot (their index modulo this) rather than by the row they show,
 * so scrolling rewrites the cells of the same few dozen `<tr>` elements instead of building new
 * ones every frame. It only has to exceed the rows in view plus the overscan.
 */
const MIN_ROW_SLOTS = 64

export interface VirtualTableProps<Row> {
  /** Names the grid for assistive technology. */
  label: string
  columns: TableColumn<Row>[]
  rowCount: number
  /** A row, or undefined while its page is still loading. */
  rowAt(index: number): Row | undefined
  onRangeChange?(range: RowRange): void
  onActivateRow?(row: Row, index: number): void
  busy?: boolean
  emptyMessage: ReactNode
  /** `data-testid` of each loaded row. */
  rowTestId?: string
  testId?: string
}

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, rowCount, rowAt, onRangeChange } = props
  const gridId = useId()
  const scroller = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState<GridCell>({ row: 0, column: 0 })

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 6,
    // The sticky header sits above the first row inside the same scroller.
    scrollPaddingStart: ROW_HEIGHT_PX,
  })
  const items = virtualizer.getVirtualItems()
  const rowSlots = Math.max(MIN_ROW_SLOTS, items.length)
  const firstIndex = items[0]?.index ?? 0
  const lastIndex = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    if (lastIndex >= 0) onRangeChange?.({ start: firstIndex, end: lastIndex })
  }, [firstIndex, lastIndex, onRangeChange])

  // A shorter list (a new search) keeps the active cell inside it.
  const activeRow = Math.min(active.row, Math.max(0, rowCount - 1))
  const cellId = (row: number, column: number) => `${gridId}-r${row}-c${column}`
  const activeRendered = rowCount > 0 && activeRow >= firstIndex && activeRow <= lastIndex

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const visibleRows = Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT_PX) - 1
    const next = nextGridCell(
      event,
      { row: activeRow, column: active.column },
      { rows: rowCount, columns: columns.length, pageRows: Math.max(1, visibleRows) },
    )
    if (next) {
      event.preventDefault()
      setActive(next)
      virtualizer.scrollToIndex(next.row, { align: 'auto' })
      return
    }
    if (event.key === 'Enter' && props.onActivateRow) {
      const row = rowAt(activeRow)
      if (row !== undefined) {
        event.preventDefault()
        props.onActivateRow(row, activeRow)
      }
    }
  }

  function onMouseDown(event: MouseEvent<HTMLTableElement>) {
    const cell = (event.target as Element).closest<HTMLElement>('[data-cell]')
    if (!cell) return
    setActive({ row: Number(cell.dataset.row), column: Number(cell.dataset.column) })
  }

  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)

  return (
    <div className="virtual-table-scroller" ref={scroller} data-testid={props.testId}>
      <table
        role="grid"
        className="data-table virtual-table"
        aria-label={props.label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        aria-busy={props.busy ?? false}
        aria-activedescendant={activeRendered ? cellId(activeRow, active.column) : undefined}
        data-has-rows={rowCount > 0 || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column, index) => (
              <th
                key={column.key}
                scope="col"
                aria-colindex={index + 1}
                className={column.align === 'end' ? 'numeric' : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty-row">
                {props.emptyMessage}
              </td>
            </tr>
          )}
          {paddingTop > 0 && <SpacerRow height={paddingTop} columns={columns.length} />}
          {items.map((item) => {
            const row = rowAt(item.index)
            const isActiveRow = item.index === activeRow
            return (
              <tr
                key={item.index % rowSlots}
                aria-rowindex={item.index + 2}
                className={isActiveRow ? 'is-active-row' : undefined}
                data-testid={row === undefined ? 'pending-row' : props.rowTestId}
              >
                {columns.map((column, columnIndex) => {
                  const CellTag = column.isRowHeader ? 'th' : 'td'
                  const isActive = isActiveRow && columnIndex === active.column
                  return (
                    <CellTag
                      key={column.key}
                      id={cellId(item.index, columnIndex)}
                      {...(column.isRowHeader ? { scope: 'row' } : {})}
                      aria-colindex={columnIndex + 1}
                      className={cellClass(column.align, isActive)}
                      data-cell=""
                      data-row={item.index}
                      data-column={columnIndex}
                    >
                      {row === undefined ? (
                        <span className="pending-cell">{columnIndex === 0 ? 'Loading…' : ''}</span>
                      ) : (
                        column.render(row)
                      )}
                    </CellTag>
                  )
                })}
              </tr>
            )
          })}
          {paddingBottom > 0 && <SpacerRow height={paddingBottom} columns={columns.length} />}
        </tbody>
      </table>
    </div>
  )
}

/** Stands in for the rows above or below the window, so the scrollbar has the list's length. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  )
}

function cellClass(align: TableColumn<unknown>['align'], isActive: boolean): string | undefined {
  const names = [align === 'end' ? 'numeric' : '', isActive ? 'is-active-cell' : '']
  return names.filter(Boolean).join(' ') || undefined
}
