/**
 * How fresh a connection's cache is: when it was last filled and how the latest sync attempt
 * ended, so the company page can say the data is old or that Finch could not be reached.
 */
import type { ConnectionFreshness } from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'

export function readFreshness(db: CacheDatabase, connectionId: string): ConnectionFreshness {
  const connection = db
    .prepare('SELECT last_synced_at FROM connection WHERE connection_id = ?')
    .get(connectionId) as { last_synced_at: string | null } | undefined
  const attempt = db
    .prepare(
      `SELECT status, finished_at, error_code FROM sync_run
       WHERE connection_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(connectionId) as
    { status: string; finished_at: string | null; error_code: string | null } | undefined

  return {
    connectionId,
    lastSyncedAt: connection?.last_synced_at ?? null,
    lastAttempt: attempt
      ? {
          status: attempt.status === 'succeeded' ? 'succeeded' : 'failed',
          finishedAt: attempt.finished_at,
          errorCode: attempt.error_code,
        }
      : null,
  }
}
