import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/renderer/src/api/api-error'
import {
  describeInvalidFields,
  invalidFieldsOf,
} from '../../../src/renderer/src/api/invalid-fields'

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

describe('describeInvalidFields', () => {
  const words = {
    redirectUri: { label: 'Redirect URI', rule: 'must be an http or https address' },
    browserCallbackPort: {
      label: 'Callback port for the system browser',
      rule: 'must be between 1024 and 65535',
    },
  }

  it('names each refused field by its label and rule, never by its internal name', () => {
    const error = new ApiError(
      'invalid_argument',
      'Invalid argument for settings.update: browserCallbackPort: Too small: expected number to be >=1024',
    )

    const message = describeInvalidFields(error, words)

    expect(message).toBe('Callback port for the system browser: must be between 1024 and 65535')
    expect(message).not.toContain('browserCallbackPort')
  })

  it('keeps a reason written for people, which names the field by its label already', () => {
    const error = new ApiError(
      'invalid_argument',
      "redirectUri: The redirect URI is set by this computer's policy and cannot be changed here.",
    )

    expect(describeInvalidFields(error, words)).toBe(
      "The redirect URI is set by this computer's policy and cannot be changed here.",
    )
  })

  it('says nothing for an error that names none of the form’s fields', () => {
    const error = new ApiError('invalid_argument', 'Invalid argument for x: argument: Required')

    expect(describeInvalidFields(error, words)).toBeNull()
    expect(describeInvalidFields(new ApiError('internal', 'redirectUri: x'), words)).toBeNull()
  })
})
