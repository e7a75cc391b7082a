/**
 * The typed columns an export is made of, shared by the CSV and XLSX writers, and the exact
 * conversion of integer cents to a decimal amount both of them use.
 */

export type ExportColumnKind = 'text' | 'cents' | 'integer' | 'hours' | 'date' | 'boolean'

export type ExportValue = string | number | boolean | null

export interface ExportColumn<Row> {
  header: string
  kind: ExportColumnKind
  /** Text for `text`, integer cents for `cents`, a number of hours for `hours`, an ISO date for `date`. */
  value(row: Row): ExportValue
  /** Width in characters for XLSX. */
  width?: number
}

/** One table of an export, its rows read a batch at a time from the cache. */
export interface ExportSheet<Row> {
  name: string
  columns: ExportColumn<Row>[]
  batches: Iterable<Row[]>
}

/**
 * `centsToDecimal(-105)` is `-1.05`. Integer arithmetic on BigInt, so no amount is ever rounded
 * through a binary fraction. Throws for a value that is not a whole number of cents.
 */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`A money amount must be a whole number of cents, got ${cents}.`)
  }
  const minor = BigInt(cents)
  const sign = minor < 0n ? '-' : ''
  const magnitude = minor < 0n ? -minor : minor
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`
}

/** Hours to the hundredth, as payroll shows them: `80.5` stays `80.5`, `0.1 + 0.2` is `0.3`. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/

/** The calendar day of an ISO date or timestamp (`2026-11-30`), or null when it is not one. */
export function isoDay(value: string): string | null {
  return ISO_DATE.test(value) ? value.slice(0, 10) : null
}
