/**
 * The review workspace's data table: a `<table>` with a sticky header whose body renders only the
 * rows in view, so 10,000 rows scroll as smoothly as 10. Its rows are fixed-height flex rows with
 * set column widths, each placed at its row's offset in a body as tall as the whole list, rather
 * than laid out by the table algorithm, which would lay out every row again whenever one cell's
 * text changes; the grid roles are therefore stated on every element. A row keeps its element
 * while it stays in view (see `row-slots.ts`), so scrolling refills only the rows that came into
 * view; the body's `aria-owns` gives assistive technology the rows in reading order. It is a
 * WAI-ARIA grid: the table takes focus once, the arrow keys, Page Up/Down and
 * Home/End move an active cell, and Enter activates its row. The active cell is announced with
 * `aria-activedescendant`, which survives rows being unmounted as they scroll out of view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
import type { CSSProperties } from 'react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { GridCell } from './grid-keys'
import { nextGridCell } from './grid-keys'
import type { RowRange } from './page-window'
import { placeInSlots, slotCountFor } from './row-slots'
import type { TableColumn } from './table-columns'

/** Every row has this height, so positions are known without measuring. */
export const ROW_HEIGHT_PX = 38

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
  /** A class for the scroller, for a table whose columns need their own spacing. */
  className?: string
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
  const widths = useMemo(() => columnStyles(columns), [columns])
  const slotCount = useRef(0)
  slotCount.current = slotCountFor(items.length, slotCount.current)
  const slotted = placeInSlots(items, slotCount.current)
  const rowId = (slot: number) => `${gridId}-slot${slot}`
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
    const cell = gridCellOf(event.target)
    if (cell) setActive(cell)
  }

  return (
    <div
      className={['virtual-table-scroller', props.className].filter(Boolean).join(' ')}
      ref={scroller}
      data-testid={props.testId}
    >
      <table
        style={widths.table}
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
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {columns.map((column, index) => (
              <th
                key={column.key}
                role="columnheader"
                scope="col"
                aria-colindex={index + 1}
                className={column.align === 'end' ? 'numeric' : undefined}
                style={widths.cells[index]}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          style={rowCount > 0 ? { height: virtualizer.getTotalSize() } : undefined}
          aria-owns={
            rowCount > 0
              ? items.map((item) => rowId(item.index % slotCount.current)).join(' ')
              : undefined
          }
        >
          {rowCount === 0 && (
            <tr role="row">
              <td role="gridcell" colSpan={columns.length} className="empty-row">
                {props.emptyMessage}
              </td>
            </tr>
          )}
          {slotted.map(({ item, slot }) => {
            const row = rowAt(item.index)
            const isActiveRow = item.index === activeRow
            return (
              <tr
                key={slot}
                id={rowId(slot)}
                role="row"
                aria-rowindex={item.index + 2}
                className={isActiveRow ? 'is-active-row' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid={row === undefined ? 'pending-row' : props.rowTestId}
              >
                {columns.map((column, columnIndex) => {
                  const CellTag = column.isRowHeader ? 'th' : 'td'
                  const isActive = isActiveRow && columnIndex === active.column
                  return (
                    <CellTag
                      key={column.key}
                      // Only the active cell needs an id, for `aria-activedescendant`.
                      id={isActive ? cellId(item.index, columnIndex) : undefined}
                      role={column.isRowHeader ? 'rowheader' : 'gridcell'}
                      {...(column.isRowHeader ? { scope: 'row' } : {})}
                      aria-colindex={columnIndex + 1}
                      className={cellClass(column.align, isActive)}
                      style={widths.cells[columnIndex]}
                      data-cell=""
                    >
                      {row !== undefined ? (
                        column.render(row)
                      ) : columnIndex === 0 ? (
                        <span className="pending-cell">Loading…</span>
                      ) : null}
                    </CellTag>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The grid cell an event happened in: its row index (0 is the first body row) and column, read
 * from the row's and cell's ARIA indexes, or null outside a body cell.
 */
export function gridCellOf(target: EventTarget | null): GridCell | null {
  if (!(target instanceof Element)) return null
  const cell = target.closest<HTMLElement>('[data-cell]')
  const row = cell?.closest('tr[aria-rowindex]')
  if (!cell || !row) return null
  return {
    row: Number(row.getAttribute('aria-rowindex')) - 2,
    column: Number(cell.getAttribute('aria-colindex')) - 1,
  }
}

/**
 * Each column's width as its cells' style, and the table's: columns given in pixels add up to
 * the table's least width (so a wide register scrolls sideways); percentages share what is left.
 */
function columnStyles<Row>(columns: TableColumn<Row>[]): {
  cells: CSSProperties[]
  table: CSSProperties
} {
  const pixels = columns
    .filter((column) => column.width.endsWith('px'))
    .reduce((sum, column) => sum + Number.parseFloat(column.width), 0)
  return {
    cells: columns.map((column) => ({ width: column.width })),
    table: pixels > 0 ? { minWidth: `${pixels}px` } : {},
  }
}

function cellClass(align: TableColumn<unknown>['align'], isActive: boolean): string | undefined {
  const names = [align === 'end' ? 'numeric' : '', isActive ? 'is-active-cell' : '']
  return names.filter(Boolean).join(' ') || undefined
}
