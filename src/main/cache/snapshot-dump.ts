/**
 * A canonical dump of a connection's live snapshot: every synced value of every table, keyed by
 * Finch's identifiers rather than row ids, sorted, without snapshot ids or the times this app
 * read things. Two snapshots of the same Finch data dump the same whatever happened on the way
 * (retries, incremental reads, a crash). Used to check that, and to diagnose caches.
 */
import { createHash } from 'node:crypto'
import type { CacheDatabase } from './open-database'

export interface TableDump {
  rows: number
  sha256: string
}

export type SnapshotDump = Record<string, TableDump>

/** Rows of `alias` in the connection's live snapshot. */
function live(alias: string): string {
  return `${alias}.connection_id = @connection
    AND ${alias}.added_snapshot <= (SELECT live_snapshot_id FROM connection WHERE connection_id = @connection)
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot >
      (SELECT live_snapshot_id FROM connection WHERE connection_id = @connection))`
}

const NOT_DUMPED = new Set([
  'row_id',
  'statement_row',
  'doc_row',
  'register_row',
  'employment_row',
  'connection_id',
  'added_snapshot',
  'removed_snapshot',
  'retrieved_at',
])

export function dumpLiveSnapshot(db: CacheDatabase, connectionId: string): SnapshotDump {
  const params = { connection: connectionId }
  const dump: SnapshotDump = {}
  const columns = (table: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[])
      .map((column) => column.name)
      .filter((name) => !NOT_DUMPED.has(name))

  const queries: Record<string, string> = {}
  for (const table of [
    'company_version',
    'directory_entry_version',
    'individual_version',
    'employment_version',
    'payment_version',
    'pay_statement_version',
    'benefit_version',
    'benefit_enrollment_version',
    'pay_group_version',
    'person_search_version',
    'payment_register_version',
  ]) {
    const list = columns(table).map((name) => `t.${name}`)
    queries[table] = `SELECT ${list.join(', ')} FROM ${table} t WHERE ${live('t')}`
  }
  const lineColumns = columns('pay_statement_line_version').map((name) => `l.${name}`)
  queries.pay_statement_line_version = `
    SELECT s.payment_id, s.individual_id, s.position AS statement_position, ${lineColumns.join(', ')}
    FROM pay_statement_line_version l JOIN pay_statement_version s ON s.statement_row = l.statement_row
    WHERE ${live('s')}`
  for (const child of ['employment_income_version', 'employment_custom_field_version']) {
    const childColumns = columns(child).map((name) => `h.${name}`)
    queries[child] = `
      SELECT e.individual_id, ${childColumns.join(', ')}
      FROM ${child} h JOIN employment_version e ON e.row_id = h.employment_row
      WHERE ${live('e')}`
  }
  const columnTotals = columns('payment_register_column_version').map((name) => `k.${name}`)
  queries.payment_register_column_version = `
    SELECT r.payment_id, ${columnTotals.join(', ')}
    FROM payment_register_column_version k
      JOIN payment_register_version r ON r.register_row = k.register_row
    WHERE ${live('r')}`
  for (const child of ['payment_person_total_version', 'payment_ytd_line_version']) {
    const childColumns = columns(child).map((name) => `k.${name}`)
    queries[child] = `
      SELECT r.payment_id, ${childColumns.join(', ')}
      FROM ${child} k JOIN payment_register_version r ON r.register_row = k.register_row
      WHERE ${live('r')}`
  }
  const liveSnapshot = '(SELECT live_snapshot_id FROM connection WHERE connection_id = @connection)'
  queries.pending_item = `SELECT product, item_id, finch_code FROM snapshot_pending_item
    WHERE snapshot_id = ${liveSnapshot}`
  queries.item_error = `SELECT product, item_id, status_code, error_name, finch_code, message
    FROM snapshot_item_error WHERE snapshot_id = ${liveSnapshot}`
  queries.product_freshness = `SELECT product, status FROM snapshot_product_freshness
    WHERE snapshot_id = ${liveSnapshot}`

  for (const [name, sql] of Object.entries(queries)) {
    const rows = (db.prepare(sql).raw(true).all(params) as unknown[][]).map((row) =>
      JSON.stringify(row),
    )
    rows.sort()
    const hash = createHash('sha256')
    for (const row of rows) hash.update(row).update('\n')
    dump[name.replace(/_version$/, '')] = { rows: rows.length, sha256: hash.digest('hex') }
  }
  return dump
}
