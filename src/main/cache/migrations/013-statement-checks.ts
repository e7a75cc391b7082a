/**
 * The reconciliation checks' per-statement results, derived at sync time beside the register's
 * totals: for each register row, how many of its statements lack gross or net pay, and one row
 * per statement whose gross less employee taxes and deductions is not its net pay; and, for the
 * run variance, the earning and deduction types of each payment and each person's overtime in
 * it. Summing every
 * line of a 10,000-person company's 26 runs on each visit took minutes; with these rows the
 * checks read a few rows per run. The tables follow their register row (and the statement) out
 * through foreign-key cascades. Existing live register rows are filled in here.
 */
import type { Migration } from '../migrate'
import { statementChecksSql } from '../statement-checks'

export const statementChecks: Migration = {
  version: 13,
  name: 'statement-checks',
  up(db) {
    db.exec(`
      -- A register row with a row here had its statements checked when it was written.
      CREATE TABLE payment_register_check (
        register_row INTEGER PRIMARY KEY
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        unchecked_statement_count INTEGER NOT NULL
      ) STRICT;

      -- Only the statements that do not come down to their net pay, so the failures are the rows.
      CREATE TABLE payment_register_imbalance (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        statement_row INTEGER NOT NULL
          REFERENCES pay_statement_version (statement_row) ON DELETE CASCADE,
        employee_taxes_cents INTEGER NOT NULL,
        employee_deductions_cents INTEGER NOT NULL,
        PRIMARY KEY (register_row, statement_row)
      ) STRICT, WITHOUT ROWID;

      -- Purging a statement finds its imbalance row through this index, not a table scan.
      CREATE INDEX payment_register_imbalance_by_statement
        ON payment_register_imbalance (statement_row);

      -- The earning and deduction types a payment's lines carry, for the variance's new types.
      CREATE TABLE payment_register_line_type (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        type TEXT NOT NULL,
        PRIMARY KEY (register_row, kind, type)
      ) STRICT, WITHOUT ROWID;

      -- Each person's overtime in a payment (sums of hours and cents, null where none was
      -- given), only for people with an overtime line, for the variance's overtime spikes.
      CREATE TABLE payment_register_overtime (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        individual_id TEXT NOT NULL,
        hours REAL,
        cents INTEGER,
        PRIMARY KEY (register_row, individual_id)
      ) STRICT, WITHOUT ROWID;
    `)

    const liveRegisterRows = db
      .prepare(
        `SELECT r.register_row AS registerRow, r.connection_id AS connectionId,
           r.payment_id AS paymentId, r.added_snapshot AS snapshotId
         FROM payment_register_version r JOIN connection c ON c.connection_id = r.connection_id
         WHERE r.added_snapshot <= c.live_snapshot_id
           AND (r.removed_snapshot IS NULL OR r.removed_snapshot > c.live_snapshot_id)`,
      )
      .all() as { registerRow: number; connectionId: string; paymentId: string }[]
    const writes = Object.values(statementChecksSql('live')).map((sql) => db.prepare(sql))
    for (const row of liveRegisterRows) {
      const params = { row: row.registerRow, connection: row.connectionId, payment: row.paymentId }
      for (const write of writes) write.run(params)
    }
  },
}
