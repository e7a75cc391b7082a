import { describe, expect, it } from 'vitest'
import { nextGridCell } from '../../../src/renderer/src/table/grid-keys'

const size = { rows: 100, columns: 4, pageRows: 10 }

describe('nextGridCell', () => {
  it('moves one cell with the arrow keys and stops at the edges', () => {
    expect(nextGridCell({ key: 'ArrowDown' }, { row: 5, column: 1 }, size)).toEqual({
      row: 6,
      column: 1,
    })
    expect(nextGridCell({ key: 'ArrowRight' }, { row: 5, column: 3 }, size)).toEqual({
      row: 5,
      column: 3,
    })
    expect(nextGridCell({ key: 'ArrowUp' }, { row: 0, column: 2 }, size)).toEqual({
      row: 0,
      column: 2,
    })
  })

  it('moves a screenful with Page Up and Page Down, clamped to the table', () => {
    expect(nextGridCell({ key: 'PageDown' }, { row: 95, column: 0 }, size)).toEqual({
      row: 99,
      column: 0,
    })
    expect(nextGridCell({ key: 'PageUp' }, { row: 15, column: 0 }, size)).toEqual({
      row: 5,
      column: 0,
    })
  })

  it('goes along the row with Home and End, and to the corners with Ctrl', () => {
    expect(nextGridCell({ key: 'End' }, { row: 7, column: 0 }, size)).toEqual({ row: 7, column: 3 })
    expect(nextGridCell({ key: 'Home', ctrlKey: true }, { row: 7, column: 2 }, size)).toEqual({
      row: 0,
      column: 0,
    })
    expect(nextGridCell({ key: 'End', metaKey: true }, { row: 7, column: 0 }, size)).toEqual({
      row: 99,
      column: 3,
    })
  })

  it('ignores other keys and empty tables', () => {
    expect(nextGridCell({ key: 'a' }, { row: 0, column: 0 }, size)).toBeNull()
    expect(
      nextGridCell({ key: 'ArrowDown' }, { row: 0, column: 0 }, { ...size, rows: 0 }),
    ).toBeNull()
  })
})
