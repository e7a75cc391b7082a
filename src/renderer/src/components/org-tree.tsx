/**
 * The org chart by manager as a WAI-ARIA tree view. Only the top of the chart is read at first;
 * each manager's reports are read from main when they are first expanded, a page at a time, so
 * a 10,000-person company opens as fast as a small one.
 */
import type { KeyboardEvent } from 'react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { formatSortableName } from '../format/format-person-name'
import { ErrorAlert } from './error-alert'
import type { LoadedReports, TreeRow } from './org-tree-model'
import { ROOT, flattenTree, treeKeyAction } from './org-tree-model'

export const ORG_PAGE_SIZE = 100

export function OrgTree({
  connectionId,
  refreshKey,
}: {
  connectionId: string
  refreshKey: number
}) {
  const api = useApi()
  const [reports, setReports] = useState<ReadonlyMap<string, LoadedReports>>(new Map())
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [focusIndex, setFocusIndex] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const tree = useRef<HTMLUListElement>(null)
  const moveFocus = useRef(false)
  const generation = useRef(0)

  const load = useCallback(
    (parentKey: string, offset: number) => {
      const asked = generation.current
      setReports((previous) => withLoading(previous, parentKey))
      api.org
        .reports({
          connectionId,
          managerId: parentKey === ROOT ? null : parentKey,
          offset,
          limit: ORG_PAGE_SIZE,
        })
        .then(
          (page) => {
            if (asked !== generation.current) return
            setError(null)
            setReports((previous) => {
              const kept = previous.get(parentKey)?.nodes.slice(0, offset) ?? []
              const next = new Map(previous)
              next.set(parentKey, {
                nodes: [...kept, ...page.nodes],
                total: page.total,
                loading: false,
              })
              return next
            })
          },
          (failure: unknown) => {
            if (asked !== generation.current) return
            setError(describeError(failure))
            setReports((previous) => withoutLoading(previous, parentKey))
          },
        )
    },
    [api, connectionId],
  )

  // A new company or a fresh sync starts the chart again from its top.
  useEffect(() => {
    generation.current += 1
    setReports(new Map())
    setExpanded(new Set())
    setFocusIndex(0)
    load(ROOT, 0)
  }, [load, refreshKey])

  const rows = flattenTree(reports, expanded)
  const focused = Math.min(focusIndex, Math.max(0, rows.length - 1))

  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    tree.current?.querySelector<HTMLElement>(`[data-tree-index="${focused}"]`)?.focus()
  }, [focused])

  function expand(id: string) {
    setExpanded((previous) => new Set(previous).add(id))
    if (!reports.has(id)) load(id, 0)
  }

  function collapse(id: string) {
    setExpanded((previous) => {
      const next = new Set(previous)
      next.delete(id)
      return next
    })
  }

  function act(index: number, key: string): boolean {
    const action = treeKeyAction(key, index, rows)
    if (!action) return false
    if (action.type === 'focus') {
      moveFocus.current = true
      setFocusIndex(action.index)
    }
    if (action.type === 'expand') expand(action.id)
    if (action.type === 'collapse') collapse(action.id)
    if (action.type === 'load-more') {
      load(action.parentKey, reports.get(action.parentKey)?.nodes.length ?? 0)
    }
    return true
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (act(focused, event.key)) event.preventDefault()
  }

  const rootLoading = reports.get(ROOT)?.loading ?? true
  const busyManager = rows.find(
    (row) => row.kind === 'person' && row.expanded && reports.get(row.node.individualId)?.loading,
  )

  return (
    <div className="org-chart">
      {error && <ErrorAlert onRetry={() => load(ROOT, 0)}>{error}</ErrorAlert>}
      <p role="status" className="secondary-text org-status">
        {rootLoading
          ? 'Loading the org chart…'
          : busyManager?.kind === 'person'
            ? `Loading the reports of ${formatSortableName(busyManager.node)}…`
            : rows.length === 0
              ? 'Nobody is in the directory yet. Sync to read it from Finch.'
              : ''}
      </p>
      {rows.length > 0 && (
        <ul
          ref={tree}
          role="tree"
          aria-label="Org chart by manager"
          className="org-tree"
          data-testid="org-tree"
          onKeyDown={onKeyDown}
        >
          {rows.map((row, index) => (
            <OrgTreeItem
              key={row.kind === 'person' ? row.node.individualId : `more-${row.parentKey}`}
              row={row}
              index={index}
              focusable={index === focused}
              busy={row.kind === 'person' && (reports.get(row.node.individualId)?.loading ?? false)}
              onActivate={() => {
                setFocusIndex(index)
                act(index, 'Enter')
              }}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

function OrgTreeItem({
  row,
  index,
  focusable,
  busy,
  onActivate,
}: {
  row: TreeRow
  index: number
  focusable: boolean
  busy: boolean
  onActivate: () => void
}) {
  const indent = { paddingInlineStart: `calc(${row.level - 1} * var(--org-indent) + 8px)` }
  const count = new Intl.NumberFormat()

  if (row.kind === 'more') {
    return (
      <li
        role="treeitem"
        aria-level={row.level}
        className="org-item org-more"
        style={indent}
        tabIndex={focusable ? 0 : -1}
        data-tree-index={index}
        data-testid="org-more"
        onClick={onActivate}
      >
        {`Show more (${count.format(row.shown)} of ${count.format(row.total)} shown)`}
      </li>
    )
  }

  const { node } = row
  const hasReports = node.reportCount > 0
  return (
    <li
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.position}
      aria-expanded={hasReports ? row.expanded : undefined}
      aria-busy={busy || undefined}
      className="org-item"
      style={indent}
      tabIndex={focusable ? 0 : -1}
      data-tree-index={index}
      data-testid="org-node"
      onClick={onActivate}
    >
      <span className="org-toggle" aria-hidden="true">
        {hasReports ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="org-name">{formatSortableName(node)}</span>
      {node.department && <span className="org-department">{node.department}</span>}
      {hasReports && (
        <span className="org-count">
          {node.reportCount === 1 ? '1 report' : `${count.format(node.reportCount)} reports`}
        </span>
      )}
    </li>
  )
}

function withLoading(
  reports: ReadonlyMap<string, LoadedReports>,
  key: string,
): ReadonlyMap<string, LoadedReports> {
  const next = new Map(reports)
  const current = reports.get(key)
  next.set(key, { nodes: current?.nodes ?? [], total: current?.total ?? 0, loading: true })
  return next
}

function withoutLoading(
  reports: ReadonlyMap<string, LoadedReports>,
  key: string,
): ReadonlyMap<string, LoadedReports> {
  const current = reports.get(key)
  if (!current) return reports
  return new Map(reports).set(key, { ...current, loading: false })
}
