import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../../src/renderer/src/format/format-date'

const losAngeles = { locale: 'en-US', timeZone: 'America/Los_Angeles' }

describe('formatDate', () => {
  it('shows a calendar date as the same day in every time zone', () => {
    expect(formatDate('2024-01-15', losAngeles)).toBe('Jan 15, 2024')
    expect(formatDate('2024-01-15', { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe(
      'Jan 15, 2024',
    )
  })

  it("shows a timestamp's date in the given time zone", () => {
    expect(formatDate('2024-01-15T03:00:00Z', losAngeles)).toBe('Jan 14, 2024')
  })

  it('follows the locale', () => {
    expect(formatDate('2024-01-15', { locale: 'de-DE' })).toBe('15.01.2024')
  })

  it('answers null for a missing or unreadable value', () => {
    expect(formatDate(null)).toBeNull()
    expect(formatDate('not a date')).toBeNull()
    expect(formatDate('2024-02-31')).toBeNull()
  })
})

describe('formatDateTime', () => {
  it('shows a timestamp as date and time in the given time zone', () => {
    const shown = formatDateTime('2024-01-15T20:04:00Z', losAngeles)

    expect(shown).toMatch(/^Jan 15, 2024, 12:04\sPM$/)
  })

  it('shows a calendar date without inventing a time', () => {
    expect(formatDateTime('2024-01-15', losAngeles)).toBe('Jan 15, 2024')
  })

  it('answers null for a missing or unreadable value', () => {
    expect(formatDateTime(null)).toBeNull()
    expect(formatDateTime('yesterday')).toBeNull()
  })
})
