/** Describes which rows of a paged list are on screen. */

/** `1–50 of 120` for the first page of 120 rows; `0 of 0` when there is nothing to show. */
export function formatPageRange(
  offset: number,
  rowCount: number,
  total: number,
  locale?: string,
): string {
  const count = new Intl.NumberFormat(locale)
  if (rowCount === 0) return `0 of ${count.format(total)}`

  const first = count.format(offset + 1)
  const last = count.format(offset + rowCount)
  return `${first}\u2013${last} of ${count.format(total)}`
}
