/**
 * Where the active cell of a data grid moves for a key, per the WAI-ARIA grid pattern: arrows
 * by one, Page Up/Down by a screenful, Home/End along the row, Ctrl+Home/End to the corners.
 * Pure, so the rules are tested without a browser.
 */

export interface GridCell {
  row: number
  column: number
}

export interface GridSize {
  rows: number
  columns: number
  /** Rows on one screen, for Page Up and Page Down. */
  pageRows: number
}

export interface GridKey {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
}

/** The cell to move to, or null when the key is not a grid navigation key. */
export function nextGridCell(event: GridKey, from: GridCell, size: GridSize): GridCell | null {
  if (size.rows === 0 || size.columns === 0) return null
  const lastRow = size.rows - 1
  const lastColumn = size.columns - 1
  const toCorner = event.ctrlKey === true || event.metaKey === true
  const at = (row: number, column: number): GridCell => ({
    row: clamp(row, 0, lastRow),
    column: clamp(column, 0, lastColumn),
  })

  switch (event.key) {
    case 'ArrowDown':
      return at(from.row + 1, from.column)
    case 'ArrowUp':
      return at(from.row - 1, from.column)
    case 'ArrowRight':
      return at(from.row, from.column + 1)
    case 'ArrowLeft':
      return at(from.row, from.column - 1)
    case 'PageDown':
      return at(from.row + Math.max(1, size.pageRows), from.column)
    case 'PageUp':
      return at(from.row - Math.max(1, size.pageRows), from.column)
    case 'Home':
      return toCorner ? at(0, 0) : at(from.row, 0)
    case 'End':
      return toCorner ? at(lastRow, lastColumn) : at(from.row, lastColumn)
    default:
      return null
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
