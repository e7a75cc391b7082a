/**
 * The register's totals as a sync writes them: once a payment's statements are all in the
 * staging snapshot, its statement count, hours, gross, net and each column's total are summed
 * from those statements and stored beside them, so opening the register reads a few rows
 * instead of every line of the run. The readers sum the lines themselves when a payment has no
 * stored totals (a payment whose statements failed on its first read), so the totals are a
 * shortcut, never the only source.
 */
import type { CacheDatabase } from './open-database'

/**
 * The register column of a line (under alias `l`): a tax paid by the employer is its own column
 * beside the employee's tax of the same name; a line without a name keeps its type's text, and
 * one with neither is called `Unnamed`. Earnings are summed in the gross column, so they and null
 * entries are no column's.
 */
export const LINE_COLUMN_SQL = `CASE WHEN l.kind = 'tax' AND l.employer = 1 THEN 'employer_tax'
    ELSE l.kind END AS column_kind,
  coalesce(nullif(trim(l.name), ''), nullif(trim(l.type), ''), 'Unnamed') AS label`

export const COLUMN_LINES_SQL = `l.is_null_entry = 0 AND l.kind <> 'earning'`

export interface PaymentRegisterTarget {
  connectionId: string
  snapshotId: number
  paymentId: string
}

/**
 * Stores the totals of the statements `snapshotId` wrote for one payment. Call it in the
 * transaction that settles the payment as complete, after the base snapshot's statements (and
 * with them its totals) were hidden.
 */
export function writePaymentRegister(db: CacheDatabase, target: PaymentRegisterTarget): void {
  const params = {
    connection: target.connectionId,
    snapshot: target.snapshotId,
    payment: target.paymentId,
  }
  const registerRow = db
    .prepare(
      `INSERT INTO payment_register_version (connection_id, added_snapshot, payment_id,
         statement_count, total_hours, gross_pay_cents, net_pay_cents)
       SELECT @connection, @snapshot, @payment, count(*), coalesce(sum(s.total_hours), 0),
         coalesce(sum(s.gross_pay_cents), 0), coalesce(sum(s.net_pay_cents), 0)
       FROM pay_statement_version s
       WHERE s.connection_id = @connection AND s.payment_id = @payment
         AND s.added_snapshot = @snapshot`,
    )
    .run(params).lastInsertRowid

  db.prepare(
    `INSERT INTO payment_register_column_version (register_row, column_kind, label, total_cents)
     SELECT @row, ${LINE_COLUMN_SQL}, coalesce(sum(l.amount_cents), 0)
     FROM pay_statement_version s
       JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
     WHERE s.connection_id = @connection AND s.payment_id = @payment
       AND s.added_snapshot = @snapshot AND ${COLUMN_LINES_SQL}
     GROUP BY column_kind, label`,
  ).run({ ...params, row: registerRow })
}

/** Hides a payment's stored totals of the base snapshot from `snapshotId`. */
export function replacePaymentRegister(
  db: CacheDatabase,
  target: PaymentRegisterTarget & { baseId: number | null },
): void {
  db.prepare(
    `UPDATE payment_register_version SET removed_snapshot = @snapshot
     WHERE connection_id = @connection AND payment_id = @payment
       AND added_snapshot <= @base AND removed_snapshot IS NULL`,
  ).run({
    connection: target.connectionId,
    snapshot: target.snapshotId,
    payment: target.paymentId,
    base: target.baseId,
  })
}
