/**
 * Decides whether a sync reads everything (full) or only what can have changed (incremental):
 * the recent payments, new and changed people, and whatever the live snapshot still lacks. A
 * full read is due on the first sync, after `fullSyncAfterDays`, or when the payment window now
 * starts earlier than the live snapshot's.
 */
import type { SnapshotInfo } from '../cache/snapshot-store'
import type { SyncSettings } from './sync-settings'

export type SyncMode = 'full' | 'incremental'
export type RequestedMode = SyncMode | 'auto'

export interface SyncPlan {
  mode: SyncMode
  /** Pay dates the snapshot covers, inclusive. */
  paymentsFrom: string
  paymentsTo: string
  /** Incremental only: payments paid on or after this day are read again; older ones are kept. */
  recentFrom: string | null
  /** When the data was last read in full, once this snapshot is live. */
  fullSyncAt: string
}

const DAY_MS = 86_400_000

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function planSync(
  live: SnapshotInfo | null,
  settings: SyncSettings,
  requested: RequestedMode,
  now: Date,
): SyncPlan {
  const today = now.toISOString().slice(0, 10)
  const paymentsFrom = settings.paymentsFrom(today)
  const full: SyncPlan = {
    mode: 'full',
    paymentsFrom,
    paymentsTo: today,
    recentFrom: null,
    fullSyncAt: now.toISOString(),
  }
  if (requested === 'full' || !live?.fullSyncAt || !live.paymentsFrom || !live.paymentsTo) {
    return full
  }
  const tooOld = now.getTime() - Date.parse(live.fullSyncAt) >= settings.fullSyncAfterDays * DAY_MS
  if ((requested === 'auto' && tooOld) || live.paymentsFrom > paymentsFrom) return full

  // Re-read the recent days, and never leave a gap after the live snapshot's last day.
  const recent = addDays(today, -settings.recentPaymentDays)
  const sinceLast = addDays(live.paymentsTo, -settings.recentPaymentDays)
  const recentFrom = [recent, sinceLast].sort()[0]!
  return {
    mode: 'incremental',
    paymentsFrom,
    paymentsTo: today,
    recentFrom: recentFrom < paymentsFrom ? paymentsFrom : recentFrom,
    fullSyncAt: live.fullSyncAt,
  }
}
