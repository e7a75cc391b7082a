import { describe, expect, it } from 'vitest'
import { formatYtdYear, ytdHasPayments } from '../../../src/renderer/src/format/format-ytd-year'

describe('formatYtdYear', () => {
  it('counts the pay runs and statements the year’s figures come from', () => {
    const caption = formatYtdYear({ year: 2026, paymentCount: 24, statementCount: 1234 }, 'en-US')

    expect(caption).toBe('2026: 24 pay runs, 1,234 statements')
  })

  it('says one pay run and one statement in the singular', () => {
    expect(formatYtdYear({ year: 2026, paymentCount: 1, statementCount: 1 })).toBe(
      '2026: 1 pay run, 1 statement',
    )
  })

  it('says plainly that nothing was paid in a year without pay runs', () => {
    expect(formatYtdYear({ year: 1999, paymentCount: 0, statementCount: 0 })).toBe(
      'Nothing was paid in 1999.',
    )
    expect(
      formatYtdYear({ year: 1999, paymentCount: 0, statementCount: 0, individualId: 'ann' }),
    ).toBe('Nothing was paid to this person in 1999.')
  })
})

describe('ytdHasPayments', () => {
  it('finds nothing to add up only when the year has neither pay runs nor statements', () => {
    expect(ytdHasPayments({ paymentCount: 0, statementCount: 0 })).toBe(false)
    expect(ytdHasPayments({ paymentCount: 1, statementCount: 0 })).toBe(true)
    expect(ytdHasPayments({ paymentCount: 0, statementCount: 3 })).toBe(true)
  })
})
