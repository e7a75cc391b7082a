/**
 * The org chart as the tree widget sees it: the loaded part of the reporting lines flattened into
 * the rows on screen, and what each key does per the WAI-ARIA tree view pattern. Pure, so both
 * are tested without a browser.
 */
import type { OrgNode } from '../../../shared/review'

/** The reports loaded so far under one manager, or at the top (key `ROOT`). */
export interface LoadedReports {
  nodes: OrgNode[]
  total: number
  loading: boolean
}

export const ROOT = ''

export type TreeRow =
  | {
      kind: 'person'
      node: OrgNode
      level: number
      position: number
      setSize: number
      parentKey: string
      expanded: boolean
    }
  | { kind: 'more'; parentKey: string; level: number; shown: number; total: number }

/** The rows on screen: each expanded person followed by their loaded reports, depth first. */
export function flattenTree(
  reports: ReadonlyMap<string, LoadedReports>,
  expanded: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = []
  const visit = (parentKey: string, level: number) => {
    const loaded = reports.get(parentKey)
    if (!loaded) return
    loaded.nodes.forEach((node, index) => {
      const isExpanded = node.reportCount > 0 && expanded.has(node.individualId)
      rows.push({
        kind: 'person',
        node,
        level,
        position: index + 1,
        setSize: loaded.total,
        parentKey,
        expanded: isExpanded,
      })
      if (isExpanded) visit(node.individualId, level + 1)
    })
    if (loaded.nodes.length < loaded.total) {
      rows.push({
        kind: 'more',
        parentKey,
        level,
        shown: loaded.nodes.length,
        total: loaded.total,
      })
    }
  }
  visit(ROOT, 1)
  return rows
}

export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'load-more'; parentKey: string }

/** What a key does on the row at `index`; null for a key the tree leaves alone. */
export function treeKeyAction(key: string, index: number, rows: TreeRow[]): TreeAction | null {
  const row = rows[index]
  if (!row) return null
  const last = rows.length - 1

  switch (key) {
    case 'ArrowDown':
      return index < last ? { type: 'focus', index: index + 1 } : null
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : null
    case 'Home':
      return { type: 'focus', index: 0 }
    case 'End':
      return { type: 'focus', index: last }
    case 'ArrowRight':
      if (row.kind !== 'person' || row.node.reportCount === 0) return null
      if (!row.expanded) return { type: 'expand', id: row.node.individualId }
      return rows[index + 1]?.level === row.level + 1 ? { type: 'focus', index: index + 1 } : null
    case 'ArrowLeft': {
      if (row.kind === 'person' && row.expanded) {
        return { type: 'collapse', id: row.node.individualId }
      }
      const parent = parentIndex(rows, index)
      return parent === null ? null : { type: 'focus', index: parent }
    }
    case 'Enter':
    case ' ':
      if (row.kind === 'more') return { type: 'load-more', parentKey: row.parentKey }
      if (row.node.reportCount === 0) return null
      return row.expanded
        ? { type: 'collapse', id: row.node.individualId }
        : { type: 'expand', id: row.node.individualId }
    default:
      return null
  }
}

/** The nearest row above at one level up: the manager of the row at `index`. */
function parentIndex(rows: TreeRow[], index: number): number | null {
  const level = rows[index]?.level ?? 1
  for (let at = index - 1; at >= 0; at--) {
    if ((rows[at]?.level ?? 0) < level) return at
  }
  return null
}
