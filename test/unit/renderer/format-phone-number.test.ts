import { describe, expect, it } from 'vitest'
import { formatPhoneNumber } from '../../../src/renderer/src/format/format-phone-number'

describe('formatPhoneNumber', () => {
  it('writes a North American number in E.164 with its area code in brackets', () => {
    expect(formatPhoneNumber('+14155550100')).toBe('+1 (415) 555-0100')
  })

  it('reads a +1 number whatever separators the provider kept', () => {
    expect(formatPhoneNumber('+1 415-555-0100')).toBe('+1 (415) 555-0100')
    expect(formatPhoneNumber('+1 (415) 555.0100')).toBe('+1 (415) 555-0100')
    expect(formatPhoneNumber(' +1 (415) 555-0100 ')).toBe('+1 (415) 555-0100')
  })

  it('leaves numbers of other countries exactly as given', () => {
    expect(formatPhoneNumber('+442079460000')).toBe('+442079460000')
    expect(formatPhoneNumber('+49 30 901820')).toBe('+49 30 901820')
  })

  it('leaves a number without a country code, an extension or an impossible one as given', () => {
    expect(formatPhoneNumber('4155550100')).toBe('4155550100')
    expect(formatPhoneNumber('+14155550100 x12')).toBe('+14155550100 x12')
    expect(formatPhoneNumber('+11155550100')).toBe('+11155550100')
    expect(formatPhoneNumber('+1415555010')).toBe('+1415555010')
    expect(formatPhoneNumber('')).toBe('')
  })
})
