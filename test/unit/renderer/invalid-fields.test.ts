import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/renderer/src/api/api-error'
import { invalidFieldsOf } from '../../../src/renderer/src/api/invalid-fields'

const fields = ['clientId', 'redirectUri', 'finchBaseUrl'] as const

describe('invalidFieldsOf', () => {
  it('finds the fields an invalid_argument message names', () => {
    const error = new ApiError(
      'invalid_argument',
      'Invalid argument for settings.update: redirectUri: Invalid URL; finchBaseUrl: Invalid URL',
    )

    expect([...invalidFieldsOf(error, fields)]).toEqual(['redirectUri', 'finchBaseUrl'])
  })

  it('finds nothing in any other kind of error', () => {
    const error = new ApiError('internal', 'clientId: something broke')

    expect(invalidFieldsOf(error, fields).size).toBe(0)
  })
})
