/**
 * People search over caches synced before it existed: migration 7 made the index but filled it
 * only as later syncs touched people, so such a cache found nobody until its next sync. Every
 * live snapshot without search documents is indexed here, as of that snapshot.
 */
import type { Migration } from '../migrate'
import { indexPeopleOfSnapshot } from '../people-search'

export const peopleSearchBackfill: Migration = {
  version: 14,
  name: 'people-search-backfill',
  up(db) {
    const unindexed = db
      .prepare(
        `SELECT c.connection_id, c.live_snapshot_id FROM connection c
         WHERE c.live_snapshot_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM person_search_version p
             WHERE p.connection_id = c.connection_id
               AND p.added_snapshot <= c.live_snapshot_id
               AND (p.removed_snapshot IS NULL OR p.removed_snapshot > c.live_snapshot_id))`,
      )
      .all() as { connection_id: string; live_snapshot_id: number }[]
    for (const connection of unindexed) {
      indexPeopleOfSnapshot(db, connection.connection_id, connection.live_snapshot_id)
    }
  },
}
