/**
 * Phone numbers as people write them. Providers send numbers in whatever form they hold them,
 * often E.164 (`+14155550100`); only a North American number that says so with its `+1` is
 * rewritten, since a bare ten digits could be another country's national number.
 */

/** A `+1` and a valid North American area code, exchange and line, in any common separators. */
const NORTH_AMERICAN = /^\+1[\s.-]?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})$/

/** `+1 (415) 555-0100` for `+14155550100`; any other number exactly as given. */
export function formatPhoneNumber(phone: string): string {
  const parts = NORTH_AMERICAN.exec(phone.trim())
  if (!parts) return phone
  const [, area, exchange, line] = parts
  return `+1 (${area}) ${exchange}-${line}`
}
