/**
 * A connection's snapshots: the live one every reader sees, and at most one staging snapshot a
 * sync is writing beside it. Starting a staging snapshot first rolls back any other that was
 * left behind; a swap makes it live in one tiny transaction; rows the swap replaced are purged
 * afterwards in small chunks. Opening the cache rolls back snapshots whose sync was killed.
 */
import type { CacheDatabase } from './open-database'
import { StagingSnapshot } from './staging-snapshot'
import { ROWS_PER_CHUNK, VERSIONED_TABLES } from './versioned-tables'

export type SnapshotMode = 'full' | 'incremental' | 'company'

export interface SnapshotInfo {
  snapshotId: number
  connectionId: string
  mode: string
  paymentsFrom: string | null
  paymentsTo: string | null
  /** When the data in it was last read in full (an incremental sync inherits its base's). */
  fullSyncAt: string | null
  createdAt: string
  swappedAt: string | null
}

export interface StagingPlan {
  mode: SnapshotMode
  paymentsFrom: string | null
  paymentsTo: string | null
  fullSyncAt: string | null
  now: string
}

interface SnapshotRow {
  snapshot_id: number
  connection_id: string
  mode: string
  state: string
  owner_pid: number | null
  payments_from: string | null
  payments_to: string | null
  full_sync_at: string | null
  created_at: string
  swapped_at: string | null
}

/** Staging snapshots being written by this process, whichever database handle opened them. */
const activeStaging = new Set<number>()

export function markStagingActive(snapshotId: number, active: boolean): void {
  if (active) activeStaging.add(snapshotId)
  else activeStaging.delete(snapshotId)
}

export class SnapshotStore {
  constructor(private readonly db: CacheDatabase) {}

  live(connectionId: string): SnapshotInfo | null {
    const row = this.db
      .prepare(
        `SELECT s.* FROM sync_snapshot s JOIN connection c
           ON c.connection_id = s.connection_id AND c.live_snapshot_id = s.snapshot_id
         WHERE c.connection_id = ?`,
      )
      .get(connectionId) as SnapshotRow | undefined
    return row ? toSnapshotInfo(row) : null
  }

  /** Opens a staging snapshot beside the live one, after rolling back any left behind. */
  begin(connectionId: string, plan: StagingPlan): StagingSnapshot {
    for (const leftover of this.stagingSnapshots(connectionId)) {
      if (!this.ownerGone(leftover)) {
        throw new Error(
          `snapshot ${leftover.snapshot_id} of this connection is still being written`,
        )
      }
      this.rollBack(leftover.snapshot_id, connectionId)
    }

    const base = this.live(connectionId)
    const snapshotId = Number(
      this.db
        .prepare(
          `INSERT INTO sync_snapshot (connection_id, mode, state, base_snapshot_id, owner_pid,
             payments_from, payments_to, full_sync_at, created_at)
           VALUES (?, ?, 'staging', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          connectionId,
          plan.mode,
          base?.snapshotId ?? null,
          process.pid,
          plan.paymentsFrom,
          plan.paymentsTo,
          plan.fullSyncAt,
          plan.now,
        ).lastInsertRowid,
    )
    markStagingActive(snapshotId, true)
    return new StagingSnapshot(this.db, this, {
      snapshotId,
      connectionId,
      baseId: base?.snapshotId ?? null,
    })
  }

  /**
   * Run when the cache opens: rolls back every staging snapshot whose sync is gone (killed or
   * crashed), recording it as an interrupted sync run, then purges rows no snapshot needs.
   */
  recoverInterrupted(now: string): number {
    let recovered = 0
    for (const leftover of this.stagingSnapshots(null)) {
      if (!this.ownerGone(leftover)) continue
      this.rollBack(leftover.snapshot_id, leftover.connection_id)
      this.db
        .prepare(
          `INSERT INTO sync_run (connection_id, started_at, finished_at, status, error_code,
             error_message, counts_json, snapshot_id, mode, failure_kind)
           VALUES (?, ?, ?, 'failed', 'internal', ?, '{}', ?, ?, 'interrupted')`,
        )
        .run(
          leftover.connection_id,
          leftover.created_at,
          now,
          'The sync stopped before it finished (the app was closed or crashed); the previous data was kept.',
          leftover.snapshot_id,
          leftover.mode,
        )
      recovered += 1
    }
    this.purgeRemoved()
    return recovered
  }

  /**
   * Deletes a staging snapshot's rows and clears the marks it put on rows it meant to replace.
   * Every step is idempotent, so a rollback cut short by a crash finishes at the next open.
   */
  rollBack(snapshotId: number, connectionId: string): void {
    for (const { table, key } of VERSIONED_TABLES) {
      // Walks the table by key once (the unary + keeps the planner off the connection index):
      // an index scan per chunk would revisit the same entries over and over.
      const select = this.db.prepare(
        `SELECT ${key} AS id FROM ${table}
         WHERE ${key} > ? AND +connection_id = ? AND +added_snapshot = ?
         ORDER BY ${key} LIMIT ${ROWS_PER_CHUNK}`,
      )
      const remove = this.db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`)
      let after = 0
      for (;;) {
        const ids = select.all(after, connectionId, snapshotId) as { id: number }[]
        if (ids.length === 0) break
        this.db.transaction(() => {
          for (const { id } of ids) remove.run(id)
        })()
        after = ids[ids.length - 1]!.id
      }
      const unmark = this.db.prepare(
        `UPDATE ${table} SET removed_snapshot = NULL WHERE ${key} IN
           (SELECT ${key} FROM ${table} WHERE removed_snapshot = ? LIMIT ${ROWS_PER_CHUNK})`,
      )
      while (unmark.run(snapshotId).changes > 0);
    }
    this.db.prepare('DELETE FROM sync_snapshot WHERE snapshot_id = ?').run(snapshotId)
    markStagingActive(snapshotId, false)
  }

  /** Deletes, in small transactions, every row no live or staging snapshot can see any more. */
  purgeRemoved(connectionId: string | null = null): number {
    let purged = 0
    while (true) {
      const deleted = this.purgeChunk(connectionId)
      if (deleted === 0) break
      purged += deleted
    }
    this.deleteRetiredSnapshots(connectionId)
    return purged
  }

  /** The same, yielding to the event loop between chunks so the app stays responsive. */
  async purgeRemovedGradually(connectionId: string): Promise<number> {
    let purged = 0
    while (true) {
      const deleted = this.purgeChunk(connectionId)
      if (deleted === 0) break
      purged += deleted
      await new Promise((resolve) => setImmediate(resolve))
    }
    this.deleteRetiredSnapshots(connectionId)
    return purged
  }

  /** One transaction of at most ROWS_PER_CHUNK rows per table. */
  private purgeChunk(connectionId: string | null): number {
    let deleted = 0
    this.db.transaction(() => {
      for (const { table, key } of VERSIONED_TABLES) {
        const result = this.db
          .prepare(
            `DELETE FROM ${table} WHERE ${key} IN (
               SELECT ${key} FROM ${table} v
               WHERE v.removed_snapshot <= (SELECT max(live_snapshot_id) FROM connection)
                 AND (? IS NULL OR v.connection_id = ?)
                 AND v.removed_snapshot <= (SELECT c.live_snapshot_id FROM connection c
                   WHERE c.connection_id = v.connection_id)
               LIMIT ${ROWS_PER_CHUNK})`,
          )
          .run(connectionId, connectionId)
        deleted += result.changes
      }
    })()
    return deleted
  }

  private deleteRetiredSnapshots(connectionId: string | null): void {
    this.db
      .prepare(
        `DELETE FROM sync_snapshot WHERE state = 'retired' AND (? IS NULL OR connection_id = ?)`,
      )
      .run(connectionId, connectionId)
  }

  private stagingSnapshots(connectionId: string | null): SnapshotRow[] {
    return this.db
      .prepare(
        `SELECT * FROM sync_snapshot WHERE state = 'staging' AND (? IS NULL OR connection_id = ?)`,
      )
      .all(connectionId, connectionId) as SnapshotRow[]
  }

  /** A staging snapshot is abandoned when no live process is writing it. */
  private ownerGone(row: SnapshotRow): boolean {
    if (row.owner_pid === null) return true
    if (row.owner_pid === process.pid) return !activeStaging.has(row.snapshot_id)
    try {
      process.kill(row.owner_pid, 0)
      return false
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH'
    }
  }
}

function toSnapshotInfo(row: SnapshotRow): SnapshotInfo {
  return {
    snapshotId: row.snapshot_id,
    connectionId: row.connection_id,
    mode: row.mode,
    paymentsFrom: row.payments_from,
    paymentsTo: row.payments_to,
    fullSyncAt: row.full_sync_at,
    createdAt: row.created_at,
    swappedAt: row.swapped_at,
  }
}
