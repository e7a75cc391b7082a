import { describe, expect, it } from 'vitest'
import type { SnapshotInfo } from '../../../../src/main/cache/snapshot-store'
import { planSync } from '../../../../src/main/sync/sync-plan'
import { syncSettings } from '../../../../src/main/sync/sync-settings'

const now = new Date('2026-12-01T12:00:00Z')
const settings = syncSettings()

function live(overrides: Partial<SnapshotInfo> = {}): SnapshotInfo {
  return {
    snapshotId: 4,
    connectionId: 'c',
    mode: 'full',
    paymentsFrom: '2025-01-01',
    paymentsTo: '2026-11-28',
    fullSyncAt: '2026-11-28T09:00:00Z',
    createdAt: '2026-11-28T09:00:00Z',
    swappedAt: '2026-11-28T09:01:00Z',
    ...overrides,
  }
}

describe('planning a sync', () => {
  it('reads everything from Jan 1 of last year on a first sync', () => {
    expect(planSync(null, settings, 'auto', now)).toEqual({
      mode: 'full',
      paymentsFrom: '2025-01-01',
      paymentsTo: '2026-12-01',
      recentFrom: null,
      fullSyncAt: now.toISOString(),
    })
  })

  it('re-reads the last 60 days when a recent full read is live', () => {
    expect(planSync(live(), settings, 'auto', now)).toMatchObject({
      mode: 'incremental',
      recentFrom: '2026-09-29',
      fullSyncAt: '2026-11-28T09:00:00Z',
    })
  })

  it('reaches back far enough to leave no gap after a snapshot older than the window', () => {
    expect(
      planSync(live({ paymentsTo: '2026-08-01' }), settings, 'incremental', now),
    ).toMatchObject({
      mode: 'incremental',
      recentFrom: '2026-06-02',
    })
  })

  it('reads everything again after a week, or when the window now starts earlier', () => {
    expect(planSync(live({ fullSyncAt: '2026-11-20T09:00:00Z' }), settings, 'auto', now).mode).toBe(
      'full',
    )
    expect(planSync(live({ paymentsFrom: '2025-06-01' }), settings, 'incremental', now).mode).toBe(
      'full',
    )
    expect(planSync(live(), settings, 'full', now).mode).toBe('full')
  })
})
