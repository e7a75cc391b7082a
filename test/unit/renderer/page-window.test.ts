import { describe, expect, it } from 'vitest'
import { isJump, pagesAround, pagesToForget } from '../../../src/renderer/src/table/page-window'

describe('pagesAround', () => {
  it('covers the visible rows and a margin either side', () => {
    expect(pagesAround({ start: 230, end: 260 }, 100, 10_000, 20)).toEqual([2])
    expect(pagesAround({ start: 290, end: 310 }, 100, 10_000, 20)).toEqual([2, 3])
    expect(pagesAround({ start: 205, end: 230 }, 100, 10_000, 20)).toEqual([1, 2])
  })

  it('stays within the list', () => {
    expect(pagesAround({ start: 9_990, end: 9_999 }, 100, 10_000, 50)).toEqual([99])
    expect(pagesAround({ start: 0, end: 10 }, 100, 0, 50)).toEqual([])
  })
})

describe('pagesToForget', () => {
  it('drops the pages farthest from the visible range beyond the budget', () => {
    expect(
      pagesToForget([0, 1, 2, 50, 51, 99], { start: 5_000, end: 5_020 }, 100, 4).sort(),
    ).toEqual([0, 1])
  })

  it('keeps everything within the budget', () => {
    expect(pagesToForget([0, 1], { start: 0, end: 10 }, 100, 4)).toEqual([])
  })
})

describe('isJump', () => {
  const shown = { start: 100, end: 120 }

  it('is a move while the new range shares a row with the one before', () => {
    expect(isJump(shown, { start: 104, end: 124 })).toBe(false)
    expect(isJump(shown, { start: 120, end: 140 })).toBe(false)
    expect(isJump(shown, { start: 80, end: 100 })).toBe(false)
    expect(isJump(shown, shown)).toBe(false)
  })

  it('is a jump once no row is shared, in either direction', () => {
    expect(isJump(shown, { start: 121, end: 141 })).toBe(true)
    expect(isJump(shown, { start: 79, end: 99 })).toBe(true)
    expect(isJump(shown, { start: 9_000, end: 9_020 })).toBe(true)
  })
})
