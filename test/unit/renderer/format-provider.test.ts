import { describe, expect, it } from 'vitest'
import { formatProvider } from '../../../src/renderer/src/format/format-provider'

describe('formatProvider', () => {
  it('names every provider the sandbox offers by Finch’s display name', () => {
    expect(['gusto', 'adp_workforce_now', 'paychex_flex', 'bamboo_hr'].map(formatProvider)).toEqual(
      ['Gusto', 'ADP Workforce Now', 'Paychex Flex', 'BambooHR'],
    )
  })

  it('title-cases a provider id it does not know', () => {
    expect(formatProvider('acme_payroll_cloud')).toBe('Acme Payroll Cloud')
  })
})
