/**
 * Payroll: Finch's payments and pay statements, one row per statement, and the statements'
 * lines (earnings, taxes, employee deductions, employer contributions) one row each. Money is
 * integer cents; type names stay as Finch sent them, known or not. A statement's `raw_json` holds
 * every field except its line arrays, which live in the lines table (a null array stays `null`
 * in `raw_json`; a null entry is a line row with `is_null_entry = 1`).
 */
import type { Migration } from '../migrate'
import {
  VERSION_COLUMNS_SQL,
  liveChildViewSql,
  liveViewSql,
  removedIndexSql,
} from './live-view-sql'

const PAYMENT_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'payment_id',
  'pay_date',
  'debit_date',
  'pay_period_start',
  'pay_period_end',
  'gross_pay_cents',
  'gross_pay_currency',
  'net_pay_cents',
  'net_pay_currency',
  'employee_taxes_cents',
  'employee_taxes_currency',
  'employer_taxes_cents',
  'employer_taxes_currency',
  'company_debit_cents',
  'company_debit_currency',
  'individual_count',
  'individual_ids_json',
  'pay_group_ids_json',
  'pay_frequencies_json',
  'raw_json',
]

const STATEMENT_COLUMNS = [
  'statement_row',
  'added_snapshot',
  'connection_id',
  'payment_id',
  'individual_id',
  'position',
  'type',
  'payment_method',
  'total_hours',
  'gross_pay_cents',
  'gross_pay_currency',
  'net_pay_cents',
  'net_pay_currency',
  'raw_json',
]

const LINE_COLUMNS = [
  'statement_row',
  'kind',
  'position',
  'name',
  'type',
  'amount_cents',
  'currency',
  'hours',
  'pre_tax',
  'employer',
  'attributes_json',
  'extra_json',
  'is_null_entry',
]

export const payroll: Migration = {
  version: 4,
  name: 'payroll',
  up(db) {
    db.exec(`
      CREATE TABLE payment_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        payment_id TEXT NOT NULL,
        pay_date TEXT,
        debit_date TEXT,
        pay_period_start TEXT,
        pay_period_end TEXT,
        gross_pay_cents INTEGER,
        gross_pay_currency TEXT,
        net_pay_cents INTEGER,
        net_pay_currency TEXT,
        employee_taxes_cents INTEGER,
        employee_taxes_currency TEXT,
        employer_taxes_cents INTEGER,
        employer_taxes_currency TEXT,
        company_debit_cents INTEGER,
        company_debit_currency TEXT,
        individual_count INTEGER,
        individual_ids_json TEXT,
        pay_group_ids_json TEXT,
        pay_frequencies_json TEXT,
        -- Finch's object without individual_ids, which is kept once, in individual_ids_json.
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX payment_version_by_pay_date ON payment_version (connection_id, pay_date);
      CREATE INDEX payment_version_by_payment ON payment_version (connection_id, payment_id);
      ${removedIndexSql('payment_version')}

      CREATE TABLE pay_statement_version (
        statement_row INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        payment_id TEXT NOT NULL,
        individual_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        type TEXT,
        payment_method TEXT,
        total_hours REAL,
        gross_pay_cents INTEGER,
        gross_pay_currency TEXT,
        net_pay_cents INTEGER,
        net_pay_currency TEXT,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX pay_statement_version_by_payment
        ON pay_statement_version (connection_id, payment_id, position);
      CREATE INDEX pay_statement_version_by_individual
        ON pay_statement_version (connection_id, individual_id);
      ${removedIndexSql('pay_statement_version')}

      -- kind: earning | tax | employee_deduction | employer_contribution; position: the index in
      -- Finch's array. Lines are clustered by statement, so a statement's lines are one seek.
      CREATE TABLE pay_statement_line_version (
        statement_row INTEGER NOT NULL
          REFERENCES pay_statement_version (statement_row) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT,
        type TEXT,
        amount_cents INTEGER,
        currency TEXT,
        hours REAL,
        pre_tax INTEGER,
        employer INTEGER,
        attributes_json TEXT,
        extra_json TEXT,
        is_null_entry INTEGER NOT NULL,
        PRIMARY KEY (statement_row, kind, position)
      ) STRICT, WITHOUT ROWID;

      ${liveViewSql('payment', 'payment_version', PAYMENT_COLUMNS)}
      ${liveViewSql('pay_statement', 'pay_statement_version', STATEMENT_COLUMNS)}
      ${liveChildViewSql('pay_statement_line', 'pay_statement_line_version', LINE_COLUMNS, {
        table: 'pay_statement_version',
        key: 'statement_row',
        reference: 'statement_row',
      })}
    `)
  },
}
