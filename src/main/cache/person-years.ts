/**
 * Each person's figures per calendar year of a synced snapshot, summed from the per-payment,
 * per-person figures once a sync has written everything, so the year-to-date list and the
 * year-end summary read one row per person (10,000 rows for a 10,000-person company) in name
 * order instead of adding up a row per person and pay run on every page. A year is the payments
 * whose pay date falls in it, as the readers choose them. Rows belong to one snapshot and are
 * dropped when neither it nor the snapshot before it is live.
 */
import type { CacheDatabase } from './open-database'
import { FIGURE_COLUMNS } from './person-totals'

/** A row (under `alias`) of snapshot `@snapshot`. */
function inSnapshot(alias: string): string {
  return `${alias}.connection_id = @connection AND ${alias}.added_snapshot <= @snapshot
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > @snapshot)`
}

/**
 * Payments and register rows in the snapshot, counted: the years are stored only when these
 * still match, so payroll written outside a sync (a hand-made cache) is summed from its rows.
 */
const COUNTS_SQL = `SELECT
    (SELECT count(*) FROM payment_version p WHERE ${inSnapshot('p')}) AS payments,
    (SELECT count(*) FROM payment_register_version r WHERE ${inSnapshot('r')}) AS registers`

/**
 * Sums snapshot `snapshotId`'s years, and drops the years of every other snapshot of the
 * connection but `keepSnapshotId` (the live one while a sync writes). Writes nothing when a
 * payment of the snapshot has statements but no stored figures: readers then sum its lines.
 */
export function writePersonYears(
  db: CacheDatabase,
  target: { connectionId: string; snapshotId: number; keepSnapshotId: number | null },
): void {
  const params = {
    connection: target.connectionId,
    snapshot: target.snapshotId,
    keep: target.keepSnapshotId ?? -1,
  }
  for (const table of ['person_year_total', 'person_year_summed']) {
    db.prepare(
      `DELETE FROM ${table} WHERE connection_id = @connection
         AND (snapshot_id = @snapshot OR snapshot_id <> @keep)`,
    ).run(params)
  }

  const unsummed = db
    .prepare(
      `SELECT 1 FROM payment_version p WHERE ${inSnapshot('p')}
         AND NOT EXISTS (SELECT 1 FROM payment_register_version r
           WHERE r.payment_id = p.payment_id AND ${inSnapshot('r')})
         AND EXISTS (SELECT 1 FROM pay_statement_version s
           WHERE s.payment_id = p.payment_id AND ${inSnapshot('s')})
       LIMIT 1`,
    )
    .get(params)
  if (unsummed) return

  const sums = FIGURE_COLUMNS.map((column) => `sum(t.${column}) AS ${column}`).join(', ')
  db.prepare(
    `INSERT INTO person_year_total (connection_id, snapshot_id, year, individual_id, last_name,
       first_name, ${FIGURE_COLUMNS.join(', ')})
     SELECT @connection, @snapshot, y.year, y.individual_id, d.last_name, d.first_name,
       ${FIGURE_COLUMNS.map((column) => `y.${column}`).join(', ')}
     FROM (
       SELECT CAST(substr(p.pay_date, 1, 4) AS INTEGER) AS year, t.individual_id, ${sums}
       FROM payment_version p
         JOIN payment_register_version r
           ON r.payment_id = p.payment_id AND ${inSnapshot('r')}
         JOIN payment_person_total_version t ON t.register_row = r.register_row
       WHERE ${inSnapshot('p')} AND p.pay_date GLOB '[0-9][0-9][0-9][0-9]-*'
         AND p.pay_date BETWEEN substr(p.pay_date, 1, 4) || '-01-01'
           AND substr(p.pay_date, 1, 4) || '-12-31'
       GROUP BY 1, 2) y
     LEFT JOIN directory_entry_version d INDEXED BY directory_entry_version_by_person
       ON d.individual_id = y.individual_id AND ${inSnapshot('d')}`,
  ).run(params)
  const counts = db.prepare(COUNTS_SQL).get(params) as { payments: number; registers: number }
  db.prepare(
    `INSERT INTO person_year_summed (connection_id, snapshot_id, payment_count, register_count)
     VALUES (@connection, @snapshot, @payments, @registers)`,
  ).run({ ...params, ...counts })
}

/** Whether the live snapshot's years of `connectionId` are stored and still match its rows. */
export function personYearsStored(db: CacheDatabase, connectionId: string): number | null {
  const row = db
    .prepare(
      `SELECT m.snapshot_id AS snapshot, m.payment_count AS payments,
         m.register_count AS registers
       FROM person_year_summed m JOIN connection c
         ON c.connection_id = m.connection_id AND c.live_snapshot_id = m.snapshot_id
       WHERE m.connection_id = ?`,
    )
    .get(connectionId) as { snapshot: number; payments: number; registers: number } | undefined
  if (!row) return null
  const now = db.prepare(COUNTS_SQL).get({ connection: connectionId, snapshot: row.snapshot }) as {
    payments: number
    registers: number
  }
  return now.payments === row.payments && now.registers === row.registers ? row.snapshot : null
}
