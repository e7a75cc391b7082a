/**
 * The SQL of live views: the rows of versioned tables that belong to their connection's live
 * snapshot. Migrations embed this output, so it must never change; a different view needs new
 * functions.
 *
 * A row belongs to snapshot S when `added_snapshot <= S` and it was not removed by S or earlier.
 * Snapshot ids only grow, so a staging snapshot's rows (added later than the live id) and the
 * rows it replaces (removed later than the live id) leave the live view untouched until the swap.
 */

/** True for a row (under `alias`) of its connection's live snapshot. */
function liveCondition(alias: string): string {
  const live = `(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = ${alias}.connection_id)`
  return `${alias}.added_snapshot <= ${live}
      AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > ${live})`
}

export function liveViewSql(view: string, table: string, columns: readonly string[]): string {
  return `CREATE VIEW ${view} AS
    SELECT ${columns.map((column) => `v.${column}`).join(', ')}
    FROM ${table} v
    WHERE ${liveCondition('v')};`
}

/** A view of child rows (no version columns of their own) whose parent row is live. */
export function liveChildViewSql(
  view: string,
  table: string,
  columns: readonly string[],
  parent: { table: string; key: string; reference: string },
): string {
  return `CREATE VIEW ${view} AS
    SELECT ${columns.map((column) => `ch.${column}`).join(', ')}
    FROM ${table} ch
    WHERE EXISTS (SELECT 1 FROM ${parent.table} v
      WHERE v.${parent.key} = ch.${parent.reference} AND ${liveCondition('v')});`
}

/** Every versioned table starts with these columns. */
export const VERSION_COLUMNS_SQL = `
    connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
    added_snapshot INTEGER NOT NULL,
    removed_snapshot INTEGER`

/** Rows waiting to be purged are found through this partial index, which costs nothing to fill. */
export function removedIndexSql(table: string): string {
  return `CREATE INDEX ${table}_removed ON ${table} (removed_snapshot)
    WHERE removed_snapshot IS NOT NULL;`
}
