import { describe, expect, it } from 'vitest'
import { formatPageRange } from '../../../src/renderer/src/format/format-page-range'
import { formatSortableName } from '../../../src/renderer/src/format/format-person-name'
import { formatEmploymentStatus } from '../../../src/renderer/src/format/format-status'

describe('formatSortableName', () => {
  it('puts the last name first, then the given names', () => {
    const name = formatSortableName({ firstName: 'Ana', middleName: 'Luisa', lastName: 'Rivera' })

    expect(name).toBe('Rivera, Ana Luisa')
  })

  it('skips the parts a provider left out', () => {
    expect(formatSortableName({ firstName: 'Ana', middleName: null, lastName: 'Rivera' })).toBe(
      'Rivera, Ana',
    )
    expect(formatSortableName({ firstName: null, middleName: null, lastName: 'Rivera' })).toBe(
      'Rivera',
    )
    expect(formatSortableName({ firstName: 'Ana', middleName: ' ', lastName: null })).toBe('Ana')
  })

  it('says so when there is no name at all', () => {
    expect(formatSortableName({ firstName: null, middleName: null, lastName: '' })).toBe(
      'Name not provided',
    )
  })
})

describe('formatPageRange', () => {
  it('names the first and last row on screen and the total', () => {
    expect(formatPageRange(0, 50, 120, 'en-US')).toBe('1–50 of 120')
    expect(formatPageRange(100, 20, 120, 'en-US')).toBe('101–120 of 120')
  })

  it('groups large numbers for the locale', () => {
    expect(formatPageRange(1000, 50, 12000, 'en-US')).toBe('1,001–1,050 of 12,000')
  })

  it('says 0 of the total when no row is on screen', () => {
    expect(formatPageRange(0, 0, 0, 'en-US')).toBe('0 of 0')
  })
})

describe('formatEmploymentStatus', () => {
  it("reads Finch's is_active flag, which may be missing", () => {
    expect(formatEmploymentStatus(true)).toBe('Active')
    expect(formatEmploymentStatus(false)).toBe('Terminated')
    expect(formatEmploymentStatus(null)).toBe('Unknown')
  })
})
