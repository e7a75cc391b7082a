/**
 * Year-to-date figures, derived at sync time beside the register's totals: per payment and
 * person, the statements' count, hours, gross, net and every line category (each employee and
 * employer tax type, deductions before and after tax, employer contributions), and per payment
 * the year-to-date line labels (taxes by who pays them, deductions before or after tax). A year
 * is then a sum over one row per person and payment instead of over every line: 3.7 million
 * lines for 10,000 people paid 26 times. Both tables hang off a register row, so they follow it
 * through snapshots, rollbacks and purges. On top, each person's figures per calendar year of a
 * synced snapshot (see `person-years.ts`). Register rows and live snapshots from before this
 * migration are filled in here.
 */
import type { Migration } from '../migrate'
import {
  FIGURE_COLUMNS,
  YTD_LINES_SQL,
  YTD_LINE_KIND_SQL,
  YTD_LINE_LABEL_SQL,
  statementFiguresSql,
} from '../person-totals'
import { writePersonYears } from '../person-years'
import { liveChildViewSql } from './live-view-sql'

const PARENT = {
  table: 'payment_register_version',
  key: 'register_row',
  reference: 'register_row',
}

/** The statements a register row was summed from: its payment's, as of its own snapshot. */
const REGISTER_STATEMENTS = `payment_register_version r JOIN pay_statement_version s
  ON s.connection_id = r.connection_id AND s.payment_id = r.payment_id
    AND s.added_snapshot <= r.added_snapshot
    AND (s.removed_snapshot IS NULL OR s.removed_snapshot > r.added_snapshot)`

export const personTotals: Migration = {
  version: 12,
  name: 'person-totals',
  up(db) {
    db.exec(`
      CREATE TABLE payment_person_total_version (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        individual_id TEXT NOT NULL,
        statement_count INTEGER NOT NULL,
        -- Statements without a gross or a net amount.
        incomplete_count INTEGER NOT NULL,
        total_hours REAL NOT NULL,
        ${FIGURE_COLUMNS.slice(3)
          .map((column) => `${column} INTEGER NOT NULL`)
          .join(',\n        ')},
        PRIMARY KEY (register_row, individual_id)
      ) STRICT, WITHOUT ROWID;

      -- One person's year reads their few rows rather than every person's.
      CREATE INDEX payment_person_total_version_by_person
        ON payment_person_total_version (individual_id, register_row);

      -- kind: tax | employer_tax | pre_tax_deduction | post_tax_deduction.
      CREATE TABLE payment_ytd_line_version (
        register_row INTEGER NOT NULL
          REFERENCES payment_register_version (register_row) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        total_cents INTEGER NOT NULL,
        PRIMARY KEY (register_row, kind, label)
      ) STRICT, WITHOUT ROWID;

      -- One row per person and calendar year of a snapshot, with the directory's name for the
      -- list's order; person_year_summed marks a snapshot whose years are all here.
      CREATE TABLE person_year_total (
        connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
        snapshot_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        individual_id TEXT NOT NULL,
        last_name TEXT,
        first_name TEXT,
        statement_count INTEGER NOT NULL,
        incomplete_count INTEGER NOT NULL,
        total_hours REAL NOT NULL,
        ${FIGURE_COLUMNS.slice(3)
          .map((column) => `${column} INTEGER NOT NULL`)
          .join(',\n        ')},
        PRIMARY KEY (connection_id, snapshot_id, year, individual_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX person_year_total_in_order ON person_year_total (connection_id, snapshot_id,
        year, last_name COLLATE NOCASE, first_name COLLATE NOCASE, individual_id);

      CREATE TABLE person_year_summed (
        connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
        snapshot_id INTEGER NOT NULL,
        payment_count INTEGER NOT NULL,
        register_count INTEGER NOT NULL,
        PRIMARY KEY (connection_id, snapshot_id)
      ) STRICT, WITHOUT ROWID;

      ${liveChildViewSql(
        'payment_person_total',
        'payment_person_total_version',
        ['register_row', 'individual_id', ...FIGURE_COLUMNS],
        PARENT,
      )}
      ${liveChildViewSql(
        'payment_ytd_line',
        'payment_ytd_line_version',
        ['register_row', 'kind', 'label', 'total_cents'],
        PARENT,
      )}
    `)

    // Every register row already written, live or of a sync that has not finished.
    db.exec(`
      INSERT INTO payment_person_total_version (register_row, individual_id,
        ${FIGURE_COLUMNS.join(', ')})
      ${statementFiguresSql({
        keys: 'r.register_row, s.individual_id',
        from: REGISTER_STATEMENTS,
        where: '1',
      })};

      INSERT INTO payment_ytd_line_version (register_row, kind, label, total_cents)
      SELECT r.register_row, ${YTD_LINE_KIND_SQL} AS kind, ${YTD_LINE_LABEL_SQL} AS label,
        coalesce(sum(l.amount_cents), 0)
      FROM ${REGISTER_STATEMENTS}
        JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
      WHERE ${YTD_LINES_SQL}
      GROUP BY 1, 2, 3;
    `)

    const live = db
      .prepare(
        'SELECT connection_id, live_snapshot_id FROM connection WHERE live_snapshot_id IS NOT NULL',
      )
      .all() as { connection_id: string; live_snapshot_id: number }[]
    for (const connection of live) {
      writePersonYears(db, {
        connectionId: connection.connection_id,
        snapshotId: connection.live_snapshot_id,
        keepSnapshotId: connection.live_snapshot_id,
      })
    }
  },
}
