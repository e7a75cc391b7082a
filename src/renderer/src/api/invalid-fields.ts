/**
 * Finds which form fields an `invalid_argument` error names. The back end lists each offending
 * field as `name: reason` in the message; the contract carries no separate field list, so this
 * reads the message and is only a hint for marking inputs, never the error shown.
 */
import type { ApiError } from './api-error'

export function invalidFieldsOf<F extends string>(
  error: ApiError,
  fields: readonly F[],
): ReadonlySet<F> {
  if (error.code !== 'invalid_argument') return new Set()
  return new Set(fields.filter((field) => new RegExp(`(^|[\\s:;])${field}:`).test(error.message)))
}
