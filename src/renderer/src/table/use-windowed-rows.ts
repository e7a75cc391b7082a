/**
 * Serves a virtualized table's rows from a page cache filled on demand from main: only the pages
 * around the visible range are fetched, a bounded number are kept, and an answer for an older
 * query (a search typed since, a sync since) is dropped. The whole list is never asked for.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { describeError } from '../api/api-error'
import type { RowRange } from './page-window'
import { isJump, pagesAround, pagesToForget } from './page-window'

export interface RowPage<Row> {
  total: number
  rows: Row[]
}

export interface WindowedRows<Row> {
  /** Null until the first page of the current query has answered. */
  total: number | null
  rowAt(index: number): Row | undefined
  /** The table reports what it shows; pages around it are fetched shortly after. */
  showRange(range: RowRange): void
  loading: boolean
  error: string | null
  reload(): void
}

export interface WindowedRowsOptions<Row> {
  /** Changes whenever what the pages hold changes: the search, the filters, a sync. */
  queryKey: string
  fetchPage(offset: number, limit: number): Promise<RowPage<Row>>
  pageSize?: number
  /** Rows fetched beyond either edge of the visible range. */
  marginRows?: number
  /** Pages kept in memory at most. */
  pageBudget?: number
  /**
   * Jumps settle this long before fetching, so a fast fling does not fetch every page it passes;
   * a view moving through its rows fetches at most this often as it goes.
   */
  settleMs?: number
}

export function useWindowedRows<Row>(options: WindowedRowsOptions<Row>): WindowedRows<Row> {
  const { queryKey, pageSize = 100, marginRows = 50, pageBudget = 30, settleMs = 40 } = options
  const fetchPage = useRef(options.fetchPage)
  fetchPage.current = options.fetchPage

  const pages = useRef(new Map<number, Row[]>())
  const inFlight = useRef(new Set<number>())
  const generation = useRef(0)
  const range = useRef<RowRange>({ start: 0, end: 0 })
  const settleTimer = useRef<number | undefined>(undefined)
  const [total, setTotal] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const [reloads, setReloads] = useState(0)

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) return
      const asked = generation.current
      inFlight.current.add(page)
      setLoading(true)

      fetchPage.current(page * pageSize, pageSize).then(
        (answer) => {
          if (asked !== generation.current) return
          inFlight.current.delete(page)
          pages.current.set(page, answer.rows)
          for (const old of pagesToForget(
            pages.current.keys(),
            range.current,
            pageSize,
            pageBudget,
          ))
            pages.current.delete(old)
          setTotal(answer.total)
          setError(null)
          setLoading(inFlight.current.size > 0)
          setVersion((count) => count + 1)
        },
        (failure: unknown) => {
          if (asked !== generation.current) return
          inFlight.current.delete(page)
          setError(describeError(failure))
          setLoading(inFlight.current.size > 0)
        },
      )
    },
    [pageSize, pageBudget],
  )

  // A new query starts from an empty cache and its first page; the old answers are ignored.
  useEffect(() => {
    generation.current += 1
    pages.current = new Map()
    inFlight.current = new Set()
    range.current = { start: 0, end: 0 }
    setTotal(null)
    setError(null)
    load(0)
    return () => {
      window.clearTimeout(settleTimer.current)
      settleTimer.current = undefined
    }
  }, [queryKey, reloads, load])

  const loadAroundRange = useCallback(() => {
    if (total === null) return
    for (const page of pagesAround(range.current, pageSize, total, marginRows)) load(page)
  }, [total, pageSize, marginRows, load])

  // Once the first answer says how long the list is, the range already on screen is filled.
  useEffect(loadAroundRange, [loadAroundRange])

  const showRange = useCallback(
    (visible: RowRange) => {
      const jumped = isJump(range.current, visible)
      range.current = visible
      if (!jumped && settleTimer.current !== undefined) return
      window.clearTimeout(settleTimer.current)
      settleTimer.current = window.setTimeout(() => {
        settleTimer.current = undefined
        loadAroundRange()
      }, settleMs)
    },
    [loadAroundRange, settleMs],
  )

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    // The cache is a ref; the version changes whenever a page arrives, and with it this reader.
    [pageSize, version],
  )

  const reload = useCallback(() => setReloads((count) => count + 1), [])
  return { total, rowAt, showRange, loading, error, reload }
}
