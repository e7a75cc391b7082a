/**
 * Reads which form fields an `invalid_argument` error names, and says what is wrong with them in
 * the form's own words. The back end lists each offending field as `name: reason` in the
 * message; the contract carries no separate field list, so this reads the message. The field
 * names and the validator's reasons are internal and are never shown as they are.
 */
import type { ApiError } from './api-error'

/** How a form shows one field: its label, and the rule its value must follow. */
export interface FieldWords {
  label: string
  rule: string
}

export function invalidFieldsOf<F extends string>(
  error: ApiError,
  fields: readonly F[],
): ReadonlySet<F> {
  if (error.code !== 'invalid_argument') return new Set()
  return new Set(fields.filter((field) => new RegExp(`(^|[\\s:;])${field}:`).test(error.message)))
}

/**
 * `Callback port: must be between 1024 and 65535`, one sentence per field the error names, in
 * the form's order; null when the error names none of the form's fields. A reason the back end
 * wrote for people (it names the field's label already) is kept; a validator's reason is
 * replaced by the field's rule.
 */
export function describeInvalidFields<F extends string>(
  error: ApiError,
  fields: Readonly<Record<F, FieldWords>>,
): string | null {
  if (error.code !== 'invalid_argument') return null
  const names = Object.keys(fields) as F[]
  const sentences = [...invalidFieldsOf(error, names)].map((field) => {
    const { label, rule } = fields[field]
    const reason = reasonFor(error.message, field)
    return reason?.toLowerCase().includes(label.toLowerCase()) ? reason : `${label}: ${rule}`
  })
  return sentences.length === 0 ? null : sentences.join(' ')
}

/** The text after `field:` up to the next `;`, or null. */
function reasonFor(message: string, field: string): string | null {
  const match = new RegExp(`(?:^|[\\s:;])${field}:\\s*([^;]*)`).exec(message)
  return match?.[1]?.trim() || null
}
