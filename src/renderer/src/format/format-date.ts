/**
 * Formats the dates and timestamps the back end sends (ISO 8601 strings) in the user's locale.
 * Finch sends calendar dates such as pay dates as `YYYY-MM-DD`; those are shown as the same
 * calendar day everywhere, because reading them as UTC midnight would move them back a day
 * west of Greenwich.
 */

export interface DateFormatOptions {
  /** A BCP 47 locale; the user's own locale when left out. */
  locale?: string
  /** An IANA time zone for timestamps; the user's own zone when left out. */
  timeZone?: string
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date or a timestamp as a date (`Jan 15, 2024`), or null when it cannot be read. */
export function formatDate(value: string | null, options: DateFormatOptions = {}): string | null {
  if (value === null) return null

  if (CALENDAR_DATE.test(value)) {
    const calendarDate = parseCalendarDate(value)
    if (!calendarDate) return null
    return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      calendarDate,
    )
  }

  const instant = parseInstant(value)
  if (!instant) return null
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeZone: options.timeZone,
  }).format(instant)
}

/**
 * A span of calendar days as short as the locale allows: `Nov 16 – 29, 2026` within a month,
 * `Nov 30 – Dec 13, 2026` within a year, both years in full across one. With `besideYear`, the
 * year a neighbouring date already shows, a span wholly in that year leaves it out
 * (`Nov 16 – 29`). An end that cannot be read shows as `?`; null when neither can.
 */
export function formatDateRange(
  start: string | null,
  end: string | null,
  options: DateFormatOptions & { besideYear?: number } = {},
): string | null {
  const from = start === null ? null : parseCalendarDate(start)
  const to = end === null ? null : parseCalendarDate(end)
  if (from && to && from.getTime() <= to.getTime()) {
    const sameYear =
      from.getUTCFullYear() === options.besideYear && to.getUTCFullYear() === options.besideYear
    const style: Intl.DateTimeFormatOptions = sameYear
      ? { month: 'short', day: 'numeric' }
      : { dateStyle: 'medium' }
    return new Intl.DateTimeFormat(options.locale, { ...style, timeZone: 'UTC' }).formatRange(
      from,
      to,
    )
  }

  const startText = formatDate(start, options)
  const endText = formatDate(end, options)
  if (startText === null && endText === null) return null
  return `${startText ?? '?'} – ${endText ?? '?'}`
}

/** A timestamp as date and time (`Jan 15, 2024, 3:04 PM`), or null when it cannot be read. */
export function formatDateTime(
  value: string | null,
  options: DateFormatOptions = {},
): string | null {
  if (value === null) return null
  if (CALENDAR_DATE.test(value)) return formatDate(value, options)

  const instant = parseInstant(value)
  if (!instant) return null
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(instant)
}

/** A `YYYY-MM-DD` day as UTC midnight, to be formatted in UTC; null for anything else. */
function parseCalendarDate(value: string): Date | null {
  const match = CALENDAR_DATE.exec(value)
  if (!match) return null

  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  // The setter rolls 2024-02-31 over to March; such a day does not exist.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null
}

function parseInstant(value: string): Date | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}
