/**
 * The people section of a company page: the directory as a virtualized table with search and
 * filters, or as an org chart by manager, and exports of what the table shows. Rows come from
 * main a page at a time around what is on screen.
 */
import { useCallback, useId, useMemo, useState } from 'react'
import type { DirectoryRow } from '../../../shared/domain'
import type { DirectoryFilters } from '../../../shared/review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatDirectoryEmpty } from '../format/format-directory-empty'
import { formatPageRange } from '../format/format-page-range'
import { useAsyncValue } from '../hooks/use-async-value'
import { useDebouncedValue } from '../hooks/use-debounced-value'
import type { RowRange } from '../table/page-window'
import { useWindowedRows } from '../table/use-windowed-rows'
import { ErrorAlert } from './error-alert'
import { OrgTree } from './org-tree'
import { PeopleFilters } from './people-filters'
import { PeopleTable } from './people-table'

const SEARCH_DELAY_MS = 200

type PeopleLayout = 'list' | 'org'

export function PeoplePanel({
  connectionId,
  refreshKey,
  onOpenPerson,
}: {
  connectionId: string
  /** Changes whenever the cache was refilled, so everything is read again. */
  refreshKey: number
  /** Opens one person's page, from a row of the table. */
  onOpenPerson?: (individualId: string) => void
}) {
  const api = useApi()
  const id = useId()
  const [layout, setLayout] = useState<PeopleLayout>('list')
  const [searchText, setSearchText] = useState('')
  const search = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS)
  const [filters, setFilters] = useState<DirectoryFilters>({})
  const [range, setRange] = useState<RowRange | null>(null)

  const query = useMemo(() => ({ ...filters, ...(search ? { search } : {}) }), [filters, search])
  const rows = useWindowedRows<DirectoryRow>({
    queryKey: JSON.stringify([connectionId, query, refreshKey]),
    fetchPage: (offset, limit) => api.directory.query({ connectionId, offset, limit, ...query }),
  })

  // Asked after the first page, whose answer is what the accountant waits for.
  const facets = useAsyncValue(
    () => api.directory.facets({ connectionId }),
    [api, connectionId, refreshKey],
  )

  const { showRange } = rows
  const onRangeChange = useCallback(
    (visible: RowRange) => {
      setRange(visible)
      showRange(visible)
    },
    [showRange],
  )

  const total = rows.total ?? 0
  const emptyMessage = formatDirectoryEmpty({
    search,
    filtered: Object.keys(filters).length > 0,
    loaded: rows.total !== null,
  })
  const shownRows = range && total > 0 ? Math.min(range.end, total - 1) - range.start + 1 : 0
  const people = facets.value?.total

  return (
    <section className="panel people-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <div>
          <h2 id={`${id}-title`} className="panel-title">
            People
          </h2>
          {people !== undefined && (
            <p className="secondary-text" data-testid="people-count">
              {people === 1 ? '1 person' : `${new Intl.NumberFormat().format(people)} people`}
            </p>
          )}
        </div>
        <div className="layout-switch" role="group" aria-label="Show people as">
          <LayoutButton current={layout} layout="list" onChoose={setLayout}>
            List
          </LayoutButton>
          <LayoutButton current={layout} layout="org" onChoose={setLayout}>
            Org chart
          </LayoutButton>
        </div>
      </div>

      {layout === 'org' ? (
        <OrgTree connectionId={connectionId} refreshKey={refreshKey} />
      ) : (
        <>
          <div className="people-toolbar">
            <div className="search-field">
              <label htmlFor={`${id}-search`}>Search people</label>
              <input
                id={`${id}-search`}
                type="search"
                maxLength={200}
                autoComplete="off"
                spellCheck={false}
                value={searchText}
                aria-describedby={`${id}-search-hint`}
                onChange={(event) => setSearchText(event.target.value)}
              />
              <span id={`${id}-search-hint`} className="visually-hidden">
                Searches names, emails, job titles and departments.
              </span>
            </div>
            <PeopleFilters facets={facets.value} filters={filters} onChange={setFilters} />
          </div>

          {facets.status === 'failed' && (
            <ErrorAlert onRetry={facets.reload}>{facets.message}</ErrorAlert>
          )}
          {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}

          <PeopleTable
            rowCount={rows.total ?? 0}
            rowAt={rows.rowAt}
            loading={rows.loading}
            emptyMessage={emptyMessage}
            onRangeChange={onRangeChange}
            {...(onOpenPerson ? { onOpenPerson } : {})}
          />

          <div className="table-footer">
            <p className="page-range" data-testid="page-range">
              {total > 0 && range
                ? `Showing ${formatPageRange(range.start, shownRows, total)}`
                : rows.total === null
                  ? 'Loading people…'
                  : 'No people to show'}
            </p>
            <ExportActions
              label="Export people"
              target={{ table: 'directory', connectionId, ...query }}
            />
          </div>
        </>
      )}
    </section>
  )
}

function LayoutButton({
  current,
  layout,
  onChoose,
  children,
}: {
  current: PeopleLayout
  layout: PeopleLayout
  onChoose: (layout: PeopleLayout) => void
  children: string
}) {
  return (
    <button
      type="button"
      className="button layout-button"
      aria-pressed={current === layout}
      onClick={() => onChoose(layout)}
    >
      {children}
    </button>
  )
}
