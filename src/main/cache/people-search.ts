/**
 * The people search documents: one per person and snapshot, built from the directory entry,
 * individual and employment rows the snapshot holds. A staging snapshot rebuilds only the
 * documents of people whose rows it added or removed, so an incremental sync that changed five
 * people reindexes five documents.
 */
import type { CacheDatabase } from './open-database'

export interface PersonMatch {
  individualId: string
  names: string | null
  preferredName: string | null
  title: string | null
  department: string | null
}

const TOUCHED_PEOPLE = `
  SELECT individual_id FROM directory_entry_version
    WHERE connection_id = @connection AND (added_snapshot = @snapshot OR removed_snapshot = @snapshot)
  UNION SELECT individual_id FROM individual_version
    WHERE connection_id = @connection AND (added_snapshot = @snapshot OR removed_snapshot = @snapshot)
  UNION SELECT individual_id FROM employment_version
    WHERE connection_id = @connection AND (added_snapshot = @snapshot OR removed_snapshot = @snapshot)`

/** Rows of table `alias` that belong to the staging snapshot. */
function inSnapshot(alias: string): string {
  return `${alias}.connection_id = @connection AND ${alias}.added_snapshot <= @snapshot
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > @snapshot)`
}

export function rebuildPeopleSearch(
  db: CacheDatabase,
  connectionId: string,
  snapshotId: number,
  baseId: number | null,
): void {
  const params = { connection: connectionId, snapshot: snapshotId, base: baseId }
  db.transaction(() => {
    db.prepare(
      `UPDATE person_search_version SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND added_snapshot <= @base AND removed_snapshot IS NULL
         AND individual_id IN (${TOUCHED_PEOPLE})`,
    ).run(params)

    db.prepare(documentsOf(TOUCHED_PEOPLE)).run(params)
  })()
}

/**
 * Indexes everyone in a snapshot that has no search documents: a cache synced before people
 * search existed (migration 14). Later syncs then rebuild only the people they touch.
 */
export function indexPeopleOfSnapshot(
  db: CacheDatabase,
  connectionId: string,
  snapshotId: number,
): number {
  return db.prepare(documentsOf(SNAPSHOT_PEOPLE)).run({
    connection: connectionId,
    snapshot: snapshotId,
  }).changes
}

const SNAPSHOT_PEOPLE = `
  SELECT individual_id FROM directory_entry_version d WHERE ${inSnapshot('d')}
  UNION SELECT individual_id FROM individual_version i WHERE ${inSnapshot('i')}
  UNION SELECT individual_id FROM employment_version e WHERE ${inSnapshot('e')}`

/** Inserts, as of the snapshot, one search document per person that `people` selects. */
function documentsOf(people: string): string {
  return `INSERT INTO person_search_version (connection_id, added_snapshot, individual_id, names,
         preferred_name, emails, title, department)
       SELECT @connection, @snapshot, t.individual_id,
         nullif(trim(coalesce(i.first_name, d.first_name, '') || ' ' ||
           coalesce(i.middle_name, d.middle_name, '') || ' ' ||
           coalesce(i.last_name, d.last_name, '')), ''),
         i.preferred_name,
         (SELECT group_concat(json_extract(x.value, '$.data'), ' ')
            FROM json_each(i.emails_json) x),
         e.title,
         coalesce(e.department, d.department)
       FROM (${people}) t
       LEFT JOIN directory_entry_version d ON d.individual_id = t.individual_id AND ${inSnapshot('d')}
       LEFT JOIN individual_version i ON i.individual_id = t.individual_id AND ${inSnapshot('i')}
       LEFT JOIN employment_version e ON e.individual_id = t.individual_id AND ${inSnapshot('e')}
       WHERE d.row_id IS NOT NULL OR i.row_id IS NOT NULL OR e.row_id IS NOT NULL
       GROUP BY t.individual_id`
}

/**
 * Every word must match the start of a word in some field (names, preferred name, emails,
 * title, department); results come best first.
 */
export function searchPeople(
  db: CacheDatabase,
  connectionId: string,
  text: string,
  limit: number,
): PersonMatch[] {
  const query = matchQuery(text)
  if (!query) return []
  return (
    db
      .prepare(
        `SELECT s.individual_id, s.names, s.preferred_name, s.title, s.department
         FROM person_search_index f JOIN person_search s ON s.doc_row = f.rowid
         WHERE person_search_index MATCH ? AND s.connection_id = ?
         ORDER BY f.rank LIMIT ?`,
      )
      .all(query, connectionId, limit) as {
      individual_id: string
      names: string | null
      preferred_name: string | null
      title: string | null
      department: string | null
    }[]
  ).map((row) => ({
    individualId: row.individual_id,
    names: row.names,
    preferredName: row.preferred_name,
    title: row.title,
    department: row.department,
  }))
}

/** Each word becomes a quoted prefix term, so no input can reach FTS5's query syntax. */
export function matchQuery(text: string): string | null {
  const words = text
    .split(/[^\p{L}\p{N}@._'-]+/u)
    .map((word) => word.replace(/^[@._'-]+|[@._'-]+$/g, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8)
  if (words.length === 0) return null
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ')
}
