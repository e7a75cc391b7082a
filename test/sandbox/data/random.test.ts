import { describe, expect, it } from 'vitest'

import { deriveSeed, Random } from '../../../src/sandbox/data'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function draws(seed: number, count: number): number[] {
  const random = new Random(seed)
  return Array.from({ length: count }, () => random.nextUint32())
}

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = draws(42, 1_000)

    const second = draws(42, 1_000)

    expect(second).toEqual(first)
  })

  it('gives a different sequence for a neighbouring seed', () => {
    const first = draws(42, 100)

    const second = draws(43, 100)

    const shared = first.filter((value, index) => second[index] === value)
    expect(shared).toEqual([])
  })

  it('keeps integers within their inclusive bounds and reaches both ends', () => {
    const random = new Random(7)

    const values = Array.from({ length: 5_000 }, () => random.int(-3, 3))

    expect(Math.min(...values)).toBe(-3)
    expect(Math.max(...values)).toBe(3)
    expect(values.every(Number.isInteger)).toBe(true)
  })

  it('draws UUID-v4-shaped ids that do not repeat', () => {
    const random = new Random(1)

    const ids = Array.from({ length: 2_000 }, () => random.uuid())

    expect(ids.every((id) => UUID_V4.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('draws dates inside the given range, ends included', () => {
    const random = new Random(3)

    const dates = Array.from({ length: 2_000 }, () => random.date('2024-02-27', '2024-03-02'))

    expect(new Set(dates)).toEqual(
      new Set(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']),
    )
  })

  it('shuffles a list without losing or repeating items', () => {
    const random = new Random(9)
    const items = Array.from({ length: 50 }, (_, index) => index)

    const shuffled = random.shuffle(items)

    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((first, second) => first - second)).toEqual(items)
  })

  it('picks by weight, never choosing a zero-weight entry', () => {
    const random = new Random(11)

    const picks = Array.from({ length: 3_000 }, () =>
      random.pickWeighted([
        ['often', 9],
        ['never', 0],
        ['rarely', 1],
      ]),
    )

    expect(picks).not.toContain('never')
    expect(picks.filter((pick) => pick === 'often').length).toBeGreaterThan(2_400)
  })
})

describe('deriveSeed', () => {
  it('derives the same seed from the same parts and different seeds from different parts', () => {
    const seed = deriveSeed(1, 'payment', 'regular:bi_weekly:2026-11-20')

    const again = deriveSeed(1, 'payment', 'regular:bi_weekly:2026-11-20')
    const otherKey = deriveSeed(1, 'payment', 'regular:bi_weekly:2026-11-06')
    const otherRoot = deriveSeed(2, 'payment', 'regular:bi_weekly:2026-11-20')
    const regrouped = deriveSeed(1, 'paymentregular:bi_weekly:2026-11-20')

    expect(again).toBe(seed)
    expect(new Set([seed, otherKey, otherRoot, regrouped]).size).toBe(4)
  })
})
