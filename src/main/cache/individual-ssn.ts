/**
 * The one read of a full SSN. The live `individual` view leaves the number out, so every other
 * read sees at most its last four digits; this function reads one person's SSN from the live
 * snapshot's `individual_version` row, for the reveal the accountant confirms and the audit
 * trail records. Nothing else in the app should call it.
 */
import type { CacheDatabase } from './open-database'

/** The person's full SSN in the connection's live snapshot, or null when there is none. */
export function readIndividualSsn(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): string | null {
  const row = db
    .prepare(
      `SELECT v.ssn FROM individual_version v
       WHERE v.connection_id = @connection AND v.individual_id = @individual
         AND v.added_snapshot <= (SELECT live_snapshot_id FROM connection
           WHERE connection_id = @connection)
         AND (v.removed_snapshot IS NULL OR v.removed_snapshot >
           (SELECT live_snapshot_id FROM connection WHERE connection_id = @connection))`,
    )
    .get({ connection: connectionId, individual: individualId }) as
    { ssn: string | null } | undefined
  const ssn = row?.ssn?.trim()
  return ssn ? ssn : null
}

/** Whether the person's live row holds a full SSN, without reading it. */
export function hasIndividualSsn(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): boolean {
  const row = db
    .prepare(
      `SELECT 1 AS present FROM individual_version v
       WHERE v.connection_id = @connection AND v.individual_id = @individual
         AND v.ssn IS NOT NULL AND trim(v.ssn) <> ''
         AND v.added_snapshot <= (SELECT live_snapshot_id FROM connection
           WHERE connection_id = @connection)
         AND (v.removed_snapshot IS NULL OR v.removed_snapshot >
           (SELECT live_snapshot_id FROM connection WHERE connection_id = @connection))`,
    )
    .get({ connection: connectionId, individual: individualId })
  return row !== undefined
}
