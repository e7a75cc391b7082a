/** Finch's `limit`/`offset` paging: both optional whole numbers; no limit means "all the rest". */
import { invalidRequest } from './finch-error'

export interface PageWindow {
  offset: number
  limit: number | null
}

function wholeNumber(name: string, value: unknown, minimum: number): number | null {
  if (value === undefined || value === null) return null
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isInteger(number) || number < minimum) {
    throw invalidRequest(`${name} must be a whole number of at least ${minimum}.`)
  }
  return number
}

export function pageWindow(limit: unknown, offset: unknown, maximumLimit?: number): PageWindow {
  const checkedLimit = wholeNumber('limit', limit, 1)
  if (maximumLimit !== undefined && checkedLimit !== null && checkedLimit > maximumLimit) {
    throw invalidRequest(`limit may be at most ${maximumLimit}.`)
  }
  return { limit: checkedLimit, offset: wholeNumber('offset', offset, 0) ?? 0 }
}

export function pageOf<T>(items: readonly T[], window: PageWindow): T[] {
  const end = window.limit === null ? undefined : window.offset + window.limit
  return items.slice(window.offset, end)
}
