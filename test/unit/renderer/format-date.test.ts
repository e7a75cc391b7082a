import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateRange,
  formatDateTime,
} from '../../../src/renderer/src/format/format-date'

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

describe('formatDateRange', () => {
  const american = { locale: 'en-US' }
  // Intl sets thin spaces around the dash; compared with plain spaces for reading.
  const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null

  it('gives the month and year once when both days share them', () => {
    expect(plain(formatDateRange('2026-11-16', '2026-11-29', american))).toBe('Nov 16 – 29, 2026')
    expect(plain(formatDateRange('2026-11-30', '2026-12-13', american))).toBe(
      'Nov 30 – Dec 13, 2026',
    )
  })

  it('gives both years across a new year, and one day as that day', () => {
    expect(plain(formatDateRange('2026-12-28', '2027-01-10', american))).toBe(
      'Dec 28, 2026 – Jan 10, 2027',
    )
    expect(plain(formatDateRange('2026-12-28', '2026-12-28', american))).toBe('Dec 28, 2026')
  })

  it('leaves out the year a neighbouring date already shows, but not another', () => {
    const beside2026 = { ...american, besideYear: 2026 }

    expect(plain(formatDateRange('2026-11-16', '2026-11-29', beside2026))).toBe('Nov 16 – 29')
    expect(plain(formatDateRange('2026-09-21', '2026-10-04', beside2026))).toBe('Sep 21 – Oct 4')
    expect(plain(formatDateRange('2025-12-28', '2026-01-10', beside2026))).toBe(
      'Dec 28, 2025 – Jan 10, 2026',
    )
  })

  it('marks a missing end and answers null when neither end is known', () => {
    expect(plain(formatDateRange('2026-11-16', null, american))).toBe('Nov 16, 2026 – ?')
    expect(plain(formatDateRange('2026-11-29', '2026-11-16', american))).toBe(
      'Nov 29, 2026 – Nov 16, 2026',
    )
    expect(formatDateRange(null, null, american)).toBeNull()
  })
})
