import { describe, expect, it } from 'vitest'
import { formatCents } from '../../../src/renderer/src/format/format-money'

const american = { locale: 'en-US' }

describe('formatCents', () => {
  it('formats whole and fractional dollars from integer cents', () => {
    expect(formatCents(123456, 'usd', american)).toBe('$1,234.56')
    expect(formatCents(5, 'usd', american)).toBe('$0.05')
    expect(formatCents(0, 'usd', american)).toBe('$0.00')
  })

  it('defaults to US dollars', () => {
    expect(formatCents(100, undefined, american)).toBe('$1.00')
  })

  it('keeps every digit of amounts too large for a floating-point division', () => {
    const amount = formatCents(10_000_000_000_001, 'usd', american)

    expect(amount).toBe('$100,000,000,000.01')
  })

  it('keeps every digit at the largest safe integer', () => {
    expect(formatCents(Number.MAX_SAFE_INTEGER, 'usd', american)).toBe('$90,071,992,547,409.91')
  })

  it('formats negative amounts, including those under one dollar', () => {
    expect(formatCents(-105, 'usd', american)).toBe('-$1.05')
    expect(formatCents(-5, 'usd', american)).toBe('-$0.05')
  })

  it("follows the locale's separators and the currency's symbol", () => {
    expect(formatCents(123456, 'eur', { locale: 'de-DE' })).toBe('1.234,56\u00a0€')
  })

  it('treats the amount as minor units of a currency that has none', () => {
    expect(formatCents(1234, 'jpy', american)).toBe('¥1,234')
  })

  it('refuses amounts that are not a whole number of cents', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError)
    expect(() => formatCents(Number.NaN)).toThrow(RangeError)
    expect(() => formatCents(2 ** 53)).toThrow(RangeError)
  })
})
