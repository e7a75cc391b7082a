/**
 * Which pages of a long list to fetch and which to forget, for a table that shows a window of
 * rows: the pages under the visible range and a margin either side, and no more than a budget
 * of pages kept, the farthest from view dropped first. Pure, so it is tested on its own.
 */

export interface RowRange {
  /** First and last visible row indexes, inclusive. */
  start: number
  end: number
}

/** Page indexes covering `range` widened by `marginRows`, within a list of `total` rows. */
export function pagesAround(
  range: RowRange,
  pageSize: number,
  total: number,
  marginRows: number,
): number[] {
  if (total <= 0) return []
  const first = Math.max(0, range.start - marginRows)
  const last = Math.min(total - 1, range.end + marginRows)
  if (last < first) return []

  const pages: number[] = []
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
    pages.push(page)
  }
  return pages
}

/** The cached pages to drop so at most `budget` remain, the farthest from `range` first. */
export function pagesToForget(
  cached: Iterable<number>,
  range: RowRange,
  pageSize: number,
  budget: number,
): number[] {
  const pages = [...cached]
  if (pages.length <= budget) return []

  const centre = (range.start + range.end) / 2 / pageSize
  return pages
    .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    .slice(0, pages.length - budget)
}

/**
 * Whether the view jumped rather than moved: the new range shares no row with the one before it,
 * as when the scrollbar is dragged or a list is flung. Pages for a jump are fetched once the
 * scrolling settles; pages for a view that moves through its rows are fetched as it goes.
 */
export function isJump(previous: RowRange, next: RowRange): boolean {
  return next.start > previous.end || next.end < previous.start
}
