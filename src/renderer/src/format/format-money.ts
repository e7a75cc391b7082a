/**
 * Formats money held as an integer number of minor units (cents) for display. The amount is
 * turned into a decimal string with integer arithmetic and handed to Intl as a string, so large
 * payroll totals are never rounded through a binary floating-point division.
 */

export interface MoneyFormatOptions {
  /** A BCP 47 locale; the user's own locale when left out. */
  locale?: string
}

/**
 * `formatCents(123456)` is `$1,234.56` in an American locale. Throws a `RangeError` for an
 * amount that is not a safe integer, since such a value cannot be an exact cent count.
 */
export function formatCents(
  cents: number,
  currency = 'usd',
  options: MoneyFormatOptions = {},
): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`A money amount must be a whole number of cents, got ${cents}.`)
  }

  const formatter = new Intl.NumberFormat(options.locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  })
  const minorDigits = formatter.resolvedOptions().maximumFractionDigits ?? 2

  return formatter.format(toDecimalString(BigInt(cents), minorDigits))
}

/** `toDecimalString(-105n, 2)` is `-1.05`; a currency without minor units keeps the integer. */
function toDecimalString(minorUnits: bigint, minorDigits: number): `${number}` {
  const sign = minorUnits < 0n ? '-' : ''
  const magnitude = minorUnits < 0n ? -minorUnits : minorUnits
  if (minorDigits === 0) return `${sign}${magnitude}` as `${number}`

  const scale = 10n ** BigInt(minorDigits)
  const whole = magnitude / scale
  const fraction = (magnitude % scale).toString().padStart(minorDigits, '0')
  return `${sign}${whole}.${fraction}` as `${number}`
}
