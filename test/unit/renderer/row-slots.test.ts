import { describe, expect, it } from 'vitest'
import { placeInSlots, slotCountFor } from '../../../src/renderer/src/table/row-slots'

const rows = (first: number, count: number) =>
  Array.from({ length: count }, (_, offset) => ({ index: first + offset }))

describe('placeInSlots', () => {
  it('keeps a row in the same slot while it stays in view', () => {
    const before = placeInSlots(rows(100, 20), 24)
    const after = placeInSlots(rows(104, 20), 24)
    const slotOf = (placed: typeof before, index: number) =>
      placed.find((entry) => entry.item.index === index)?.slot
    for (let index = 104; index < 120; index++) {
      expect(slotOf(after, index)).toBe(slotOf(before, index))
    }
  })

  it('gives consecutive rows distinct slots, listed in slot order', () => {
    const placed = placeInSlots(rows(9_990, 24), 24)
    const slots = placed.map((entry) => entry.slot)
    expect(slots).toEqual([...slots].sort((a, b) => a - b))
    expect(new Set(slots).size).toBe(24)
    expect(placed.map((entry) => entry.item.index).sort((a, b) => a - b)).toEqual(
      rows(9_990, 24).map((row) => row.index),
    )
  })

  it('shows the top of a list in document order', () => {
    expect(placeInSlots(rows(0, 10), 16).map((entry) => entry.item.index)).toEqual(
      rows(0, 10).map((row) => row.index),
    )
  })

  it('refuses more rows than slots', () => {
    expect(() => placeInSlots(rows(0, 5), 4)).toThrow(RangeError)
  })
})

describe('slotCountFor', () => {
  it('grows with the rows in view and never shrinks', () => {
    expect(slotCountFor(27, 0)).toBe(27)
    expect(slotCountFor(26, 27)).toBe(27)
    expect(slotCountFor(30, 27)).toBe(30)
    expect(slotCountFor(0, 0)).toBe(1)
  })
})
