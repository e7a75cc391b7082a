/**
 * What the people table and the dashboard need to answer a 10,000-person company at once: an
 * index in the directory's own order (last name, first name, id, without regard to case) that
 * also carries the version columns, so a window is read from the index without sorting the whole
 * directory; an employment index that answers the location and employment type filters and the
 * headcount; and the dashboard's per-run, per-department totals, summed once per live snapshot
 * instead of from every statement line on every visit.
 */
import type { Migration } from '../migrate'

export const reviewReads: Migration = {
  version: 11,
  name: 'review-reads',
  up(db) {
    db.exec(`
      CREATE INDEX directory_entry_version_in_order ON directory_entry_version (
        connection_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE, individual_id,
        added_snapshot, removed_snapshot);

      -- The people table's location and employment type filters and the dashboard's headcount,
      -- answered from the index alone rather than from the wide employment rows.
      CREATE INDEX employment_version_filters ON employment_version (
        connection_id, individual_id, added_snapshot, removed_snapshot, location_city,
        location_state, employment_type, employment_subtype, start_date, end_date);

      -- One row per pay run and department of a connection's snapshot. Rows of any other
      -- snapshot than the live one are stale and are deleted when the live one is summed.
      CREATE TABLE dashboard_department_total (
        connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
        snapshot_id INTEGER NOT NULL,
        payment_id TEXT NOT NULL,
        department TEXT NOT NULL,
        statement_count INTEGER NOT NULL,
        gross_pay_cents INTEGER,
        net_pay_cents INTEGER,
        employer_taxes_cents INTEGER,
        employer_contributions_cents INTEGER,
        employee_taxes_cents INTEGER,
        employee_deductions_cents INTEGER,
        PRIMARY KEY (connection_id, snapshot_id, payment_id, department)
      ) STRICT, WITHOUT ROWID;

      -- Which pay runs of a snapshot are summed, including runs without statements.
      CREATE TABLE dashboard_summed_payment (
        connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
        snapshot_id INTEGER NOT NULL,
        payment_id TEXT NOT NULL,
        PRIMARY KEY (connection_id, snapshot_id, payment_id)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
