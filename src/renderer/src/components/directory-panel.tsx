/**
 * The directory section of a company page: a search box and one page of people at a time. Only
 * the visible page is ever asked for, since a large employer has tens of thousands of people.
 */
import { useEffect, useId, useState } from 'react'
import { useApi } from '../api/api-context'
import { formatPageRange } from '../format/format-page-range'
import { useAsyncValue } from '../hooks/use-async-value'
import { useDebouncedValue } from '../hooks/use-debounced-value'
import { DirectoryTable } from './directory-table'
import { ErrorAlert } from './error-alert'
import { PageControls } from './page-controls'

export const DIRECTORY_PAGE_SIZE = 50
const SEARCH_DELAY_MS = 200

export function DirectoryPanel({
  connectionId,
  refreshKey,
}: {
  connectionId: string
  /** Changes whenever the cache was refilled, so the page is read again. */
  refreshKey: number
}) {
  const api = useApi()
  const searchId = useId()
  const [searchText, setSearchText] = useState('')
  const search = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS)
  const [offset, setOffset] = useState(0)
  const [searchShown, setSearchShown] = useState(search)

  // A new search starts from its first page; adjusting during render avoids a wasted fetch.
  if (search !== searchShown) {
    setSearchShown(search)
    setOffset(0)
  }

  const page = useAsyncValue(
    () =>
      api.directory.page({
        connectionId,
        offset,
        limit: DIRECTORY_PAGE_SIZE,
        ...(search ? { search } : {}),
      }),
    [api, connectionId, offset, search, refreshKey],
  )

  const rows = page.value?.rows ?? []
  const total = page.value?.total ?? 0
  const lastOffset = lastPageOffset(total)
  const overshot = page.status === 'ready' && page.value.rows.length === 0 && offset > lastOffset

  // A sync can shrink the directory under the page being read; step back to its last page.
  useEffect(() => {
    if (overshot) setOffset(lastOffset)
  }, [overshot, lastOffset])

  const emptyMessage = search
    ? `No one in the directory matches “${search}”.`
    : page.status === 'loading'
      ? 'Loading the directory…'
      : 'The directory is empty. Sync to read it from Finch.'

  return (
    <section className="panel directory-panel" aria-labelledby={`${searchId}-title`}>
      <div className="panel-header">
        <h2 id={`${searchId}-title`} className="panel-title">
          Directory
        </h2>
        <div className="search-field">
          <label htmlFor={searchId}>Search people</label>
          <input
            id={searchId}
            type="search"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
      </div>

      {page.status === 'failed' && <ErrorAlert onRetry={page.reload}>{page.message}</ErrorAlert>}

      <DirectoryTable rows={rows} busy={page.status === 'loading'} emptyMessage={emptyMessage} />

      <PageControls
        label="Directory pages"
        range={formatPageRange(page.value?.offset ?? 0, rows.length, total)}
        canGoBack={offset > 0}
        canGoForward={offset + DIRECTORY_PAGE_SIZE < total}
        onPrevious={() => setOffset(Math.max(0, offset - DIRECTORY_PAGE_SIZE))}
        onNext={() => setOffset(offset + DIRECTORY_PAGE_SIZE)}
      />
    </section>
  )
}

function lastPageOffset(total: number): number {
  return total === 0 ? 0 : Math.floor((total - 1) / DIRECTORY_PAGE_SIZE) * DIRECTORY_PAGE_SIZE
}
