/**
 * When a connection's data was last synced, for Finch's `Finch-Data-Retrieved` headers. Finch
 * refreshes automated connections every 24 hours and assisted ones every 7 days, counted here
 * from when the token was issued; a completed forced sync counts as a refresh too.
 */
const DAY_MS = 86_400_000

export function lastSyncAt(
  connectedAt: number,
  now: number,
  manual: boolean,
  lastForcedSync: number | undefined,
): number {
  const period = manual ? 7 * DAY_MS : DAY_MS
  const scheduled = connectedAt + Math.max(0, Math.floor((now - connectedAt) / period)) * period
  return Math.max(scheduled, lastForcedSync ?? -Infinity)
}

export function dataHeaders(syncedAt: number): Record<string, string> {
  const iso = new Date(syncedAt).toISOString()
  return {
    'Finch-Data-Retrieved': iso,
    'Finch-Last-Attempted-Update-Date': iso,
    'Finch-Last-Attempted-Update-Result': 'success',
  }
}
