import { describe, expect, it } from 'vitest'
import { sortablePersonName } from '../../../src/shared/person-name'

describe('sortablePersonName', () => {
  it('puts the last name first, then the first and middle names', () => {
    const name = sortablePersonName({ firstName: 'Ana', middleName: 'Luisa', lastName: 'Rivera' })

    expect(name).toBe('Rivera, Ana Luisa')
  })

  it('skips the parts a provider left out or blank', () => {
    expect(sortablePersonName({ firstName: 'Ana', middleName: ' ', lastName: 'Rivera' })).toBe(
      'Rivera, Ana',
    )
    expect(sortablePersonName({ firstName: null, middleName: 'Luisa', lastName: null })).toBe(
      'Luisa',
    )
  })

  it('answers null when there is no name at all', () => {
    expect(sortablePersonName({ firstName: '', middleName: null, lastName: null })).toBeNull()
  })
})
