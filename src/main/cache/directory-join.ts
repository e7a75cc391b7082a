/**
 * Joins a person's live directory entry by id through the by-person index, named outright.
 * Without statistics SQLite prefers an index that covers the row but matches only the
 * connection (the directory's name-order index) over the one that matches connection and
 * person, and then reads the whole directory once per joined row: a 10,000-person register
 * window took most of a second that way. Naming the index keeps each lookup to one seek.
 */

/** Every row of the live snapshot under `alias`, for the connection given as SQL. */
function liveSql(alias: string, connectionSql: string): string {
  const live = `(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = ${connectionSql})`
  return `${alias}.added_snapshot <= ${live}
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > ${live})`
}

/**
 * `LEFT JOIN` of the live directory entry (as `alias`, with the view's columns) whose connection
 * and individual id are the SQL expressions given.
 */
export function directoryJoinSql(
  alias: string,
  connectionSql: string,
  individualSql: string,
): string {
  return `LEFT JOIN directory_entry_version ${alias}
      INDEXED BY directory_entry_version_by_person
    ON ${alias}.connection_id = ${connectionSql} AND ${alias}.individual_id = ${individualSql}
      AND ${liveSql(alias, connectionSql)}`
}
