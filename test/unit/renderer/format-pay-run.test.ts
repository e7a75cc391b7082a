import { describe, expect, it } from 'vitest'
import { formatPayGroups, formatPayRun } from '../../../src/renderer/src/format/format-pay-run'

const american = { locale: 'en-US' }

describe('formatPayRun', () => {
  it('names a run by its pay date in the user’s locale', () => {
    const run = { payDate: '2026-11-20', payGroupNames: ['Hourly Biweekly'] }

    expect(formatPayRun(run, false, american)).toBe('Nov 20, 2026')
    expect(formatPayRun(run, false, { locale: 'de-DE' })).toBe('20.11.2026')
  })

  it('adds the run’s pay groups by name when the company has several', () => {
    const run = { payDate: '2026-11-20', payGroupNames: ['Hourly Biweekly', null] }

    expect(formatPayRun(run, true, american)).toBe(
      'Nov 20, 2026 · Hourly Biweekly · Unnamed pay group',
    )
  })

  it('says a run has no pay date rather than leaving the name empty', () => {
    expect(formatPayRun({ payDate: null, payGroupNames: [] }, true, american)).toBe('No pay date')
  })
})

describe('formatPayGroups', () => {
  it('lists a run’s pay groups by name, an unnamed one in words', () => {
    expect(formatPayGroups(['Salaried'])).toBe('Salaried')
    expect(formatPayGroups(['Hourly Biweekly', null])).toBe('Hourly Biweekly, Unnamed pay group')
  })

  it('answers null for a run that names no pay group', () => {
    expect(formatPayGroups([])).toBeNull()
  })
})
