import { describe, expect, it } from 'vitest'
import { formatMissingSsn } from '../../../src/renderer/src/format/format-missing-ssn'

describe('formatMissingSsn', () => {
  it('says SSNs were not requested when the connection lacks the ssn product', () => {
    const words = formatMissingSsn(['company', 'directory', 'individual'])

    expect(words).toBe('Not requested when this company was connected')
  })

  it('says the SSN was not provided when the connection asked for SSNs', () => {
    expect(formatMissingSsn(['directory', 'individual', 'ssn'])).toBe('Not provided')
  })

  it('says not provided while the connection’s products are unknown', () => {
    expect(formatMissingSsn(undefined)).toBe('Not provided')
  })
})
