/**
 * The register's totals, derived at sync time: per payment, its statement count, hours, gross and
 * net, and one row per register column (employee tax, employer tax, deduction or contribution by
 * name) with its total. Summing a 10,000-person run's 120,000 lines on every visit is what made
 * the register slow; these rows are written once, when a payment's statements are complete, and
 * follow the statements through snapshots. Existing live snapshots are filled in here.
 */
import type { Migration } from '../migrate'
import {
  VERSION_COLUMNS_SQL,
  liveChildViewSql,
  liveViewSql,
  removedIndexSql,
} from './live-view-sql'

const REGISTER_COLUMNS = [
  'register_row',
  'added_snapshot',
  'connection_id',
  'payment_id',
  'statement_count',
  'total_hours',
  'gross_pay_cents',
  'net_pay_cents',
]

const COLUMN_TOTAL_COLUMNS = ['register_row', 'column_kind', 'label', 'total_cents']

export const paymentRegister: Migration = {
  version: 10,
  name: 'payment-register',
  up(db) {
    db.exec(`
      CREATE TABLE payment_register_version (
        register_row INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        payment_id TEXT NOT NULL,
        statement_count INTEGER NOT NULL,
        total_hours REAL NOT NULL,
        gross_pay_cents INTEGER NOT NULL,
        net_pay_cents INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX payment_register_version_by_payment
        ON payment_register_version (connection_id, payment_id);
      ${removedIndexSql('payment_register_version')}

      -- column_kind: tax | employer_tax | employee_deduction | employer_contribution.
      CREATE TABLE payment_register_column_version (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        column_kind TEXT NOT NULL,
        label TEXT NOT NULL,
        total_cents INTEGER NOT NULL,
        PRIMARY KEY (register_row, column_kind, label)
      ) STRICT, WITHOUT ROWID;

      ${liveViewSql('payment_register', 'payment_register_version', REGISTER_COLUMNS)}
      ${liveChildViewSql(
        'payment_register_column',
        'payment_register_column_version',
        COLUMN_TOTAL_COLUMNS,
        { table: 'payment_register_version', key: 'register_row', reference: 'register_row' },
      )}
    `)

    // The live snapshots synced before this migration get their totals now, from their lines.
    db.exec(`
      INSERT INTO payment_register_version (connection_id, added_snapshot, payment_id,
        statement_count, total_hours, gross_pay_cents, net_pay_cents)
      SELECT s.connection_id, c.live_snapshot_id, s.payment_id, count(*),
        coalesce(sum(s.total_hours), 0), coalesce(sum(s.gross_pay_cents), 0),
        coalesce(sum(s.net_pay_cents), 0)
      FROM pay_statement s JOIN connection c ON c.connection_id = s.connection_id
      GROUP BY s.connection_id, s.payment_id;

      INSERT INTO payment_register_column_version (register_row, column_kind, label, total_cents)
      SELECT r.register_row,
        CASE WHEN l.kind = 'tax' AND l.employer = 1 THEN 'employer_tax' ELSE l.kind END AS kind,
        coalesce(nullif(trim(l.name), ''), nullif(trim(l.type), ''), 'Unnamed') AS label,
        coalesce(sum(l.amount_cents), 0)
      FROM payment_register_version r
        JOIN pay_statement s ON s.connection_id = r.connection_id AND s.payment_id = r.payment_id
        JOIN pay_statement_line l ON l.statement_row = s.statement_row
      WHERE l.is_null_entry = 0 AND l.kind <> 'earning'
      GROUP BY r.register_row, kind, label;
    `)
  },
}
