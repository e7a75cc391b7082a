import { describe, expect, it } from 'vitest'
import type { OrgNode } from '../../../src/shared/review'
import type { LoadedReports } from '../../../src/renderer/src/components/org-tree-model'
import {
  ROOT,
  flattenTree,
  treeKeyAction,
} from '../../../src/renderer/src/components/org-tree-model'

function node(id: string, reportCount: number): OrgNode {
  return {
    individualId: id,
    firstName: id,
    middleName: null,
    lastName: null,
    department: null,
    managerId: null,
    managerName: null,
    email: null,
    isActive: true,
    reportCount,
  }
}

const reports = new Map<string, LoadedReports>([
  [ROOT, { nodes: [node('chief', 2)], total: 1, loading: false }],
  ['chief', { nodes: [node('lead', 1), node('solo', 0)], total: 3, loading: false }],
  ['lead', { nodes: [node('member', 0)], total: 1, loading: false }],
])

describe('flattenTree', () => {
  it('lists expanded managers followed by their loaded reports, with a row for the rest', () => {
    const rows = flattenTree(reports, new Set(['chief']))

    expect(rows.map((row) => (row.kind === 'person' ? row.node.individualId : 'more'))).toEqual([
      'chief',
      'lead',
      'solo',
      'more',
    ])
    expect(rows[1]).toMatchObject({ level: 2, position: 1, setSize: 3, expanded: false })
    expect(rows[3]).toMatchObject({ kind: 'more', parentKey: 'chief', shown: 2, total: 3 })
  })
})

describe('treeKeyAction', () => {
  const rows = flattenTree(reports, new Set(['chief', 'lead']))

  it('expands a closed manager with ArrowRight, then moves to the first report', () => {
    const closed = flattenTree(reports, new Set(['chief']))

    expect(treeKeyAction('ArrowRight', 1, closed)).toEqual({ type: 'expand', id: 'lead' })
    expect(treeKeyAction('ArrowRight', 1, rows)).toEqual({ type: 'focus', index: 2 })
  })

  it('collapses an open manager with ArrowLeft, or moves to the manager of a report', () => {
    expect(treeKeyAction('ArrowLeft', 1, rows)).toEqual({ type: 'collapse', id: 'lead' })
    expect(treeKeyAction('ArrowLeft', 2, rows)).toEqual({ type: 'focus', index: 1 })
    expect(treeKeyAction('ArrowLeft', 0, flattenTree(reports, new Set()))).toBeNull()
  })

  it('moves with ArrowUp, ArrowDown, Home and End, and toggles or loads more with Enter', () => {
    expect(treeKeyAction('ArrowDown', 0, rows)).toEqual({ type: 'focus', index: 1 })
    expect(treeKeyAction('ArrowUp', 0, rows)).toBeNull()
    expect(treeKeyAction('End', 0, rows)).toEqual({ type: 'focus', index: rows.length - 1 })
    expect(treeKeyAction('Home', 3, rows)).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction('Enter', 0, rows)).toEqual({ type: 'collapse', id: 'chief' })
    expect(treeKeyAction('Enter', rows.length - 1, rows)).toEqual({
      type: 'load-more',
      parentKey: 'chief',
    })
    expect(treeKeyAction('Enter', 3, rows)).toBeNull()
  })
})
