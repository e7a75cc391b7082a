/**
 * Says whether a connection's cache can be trusted as current: stale when its last sync is older
 * than `STALE_AFTER_DAYS`, unreachable when the last attempt could not reach Finch.
 */
import type { ConnectionFreshness } from '../../../shared/review'
import { STALE_AFTER_DAYS } from '../../../shared/review'

const DAY_MS = 24 * 60 * 60 * 1000

export type FreshnessNotice =
  | { kind: 'unreachable'; lastSyncedAt: string | null; attemptedAt: string | null }
  | { kind: 'stale'; lastSyncedAt: string; days: number }
  | null

export function freshnessNotice(
  freshness: ConnectionFreshness,
  nowMs: number,
  staleAfterDays = STALE_AFTER_DAYS,
): FreshnessNotice {
  const attempt = freshness.lastAttempt
  if (attempt?.status === 'failed' && attempt.errorCode === 'finch_unreachable') {
    return {
      kind: 'unreachable',
      lastSyncedAt: freshness.lastSyncedAt,
      attemptedAt: attempt.finishedAt,
    }
  }

  if (freshness.lastSyncedAt === null) return null
  const syncedMs = Date.parse(freshness.lastSyncedAt)
  if (Number.isNaN(syncedMs)) return null
  const days = Math.floor((nowMs - syncedMs) / DAY_MS)
  return days >= staleAfterDays
    ? { kind: 'stale', lastSyncedAt: freshness.lastSyncedAt, days }
    : null
}
