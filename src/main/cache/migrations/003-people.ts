/**
 * People beyond the directory: Finch's individual (personal details, emails, phones, residence,
 * SSN) and employment (title, department, manager, dates, class code, location, income and its
 * history, custom fields) objects. The SSN is kept, encrypted at rest like every page, but the
 * live `individual` view leaves it out: default reads can only see its last four digits.
 */
import type { Migration } from '../migrate'
import {
  VERSION_COLUMNS_SQL,
  liveChildViewSql,
  liveViewSql,
  removedIndexSql,
} from './live-view-sql'

const INDIVIDUAL_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'individual_id',
  'first_name',
  'middle_name',
  'last_name',
  'preferred_name',
  'dob',
  'gender',
  'ethnicity',
  'marital_status',
  'emails_json',
  'phone_numbers_json',
  'residence_json',
  'ssn_last4',
  'has_encrypted_ssn',
  'raw_json',
]

const EMPLOYMENT_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'individual_id',
  'first_name',
  'middle_name',
  'last_name',
  'title',
  'department',
  'manager_id',
  'employment_type',
  'employment_subtype',
  'employment_status',
  'flsa_status',
  'class_code',
  'is_active',
  'start_date',
  'end_date',
  'latest_rehire_date',
  'location_line1',
  'location_line2',
  'location_city',
  'location_state',
  'location_postal_code',
  'location_country',
  'location_name',
  'location_source_id',
  'income_amount_cents',
  'income_currency',
  'income_unit',
  'income_effective_date',
  'highly_compensated_employee',
  'key_employee',
  'union_code',
  'union_local',
  'source_id',
  'work_id',
  'custom_fields_json',
  'raw_json',
]

export const people: Migration = {
  version: 3,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE individual_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        individual_id TEXT NOT NULL,
        first_name TEXT,
        middle_name TEXT,
        last_name TEXT,
        preferred_name TEXT,
        dob TEXT,
        gender TEXT,
        ethnicity TEXT,
        marital_status TEXT,
        emails_json TEXT,
        phone_numbers_json TEXT,
        residence_json TEXT,
        ssn TEXT,
        encrypted_ssn TEXT,
        ssn_last4 TEXT,
        has_encrypted_ssn INTEGER NOT NULL,
        -- Finch's object without ssn and encrypted_ssn, which live only in their own columns.
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX individual_version_by_person ON individual_version (connection_id, individual_id);
      ${removedIndexSql('individual_version')}

      CREATE TABLE employment_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        individual_id TEXT NOT NULL,
        first_name TEXT,
        middle_name TEXT,
        last_name TEXT,
        title TEXT,
        department TEXT,
        manager_id TEXT,
        employment_type TEXT,
        employment_subtype TEXT,
        employment_status TEXT,
        flsa_status TEXT,
        class_code TEXT,
        is_active INTEGER,
        start_date TEXT,
        end_date TEXT,
        latest_rehire_date TEXT,
        location_line1 TEXT,
        location_line2 TEXT,
        location_city TEXT,
        location_state TEXT,
        location_postal_code TEXT,
        location_country TEXT,
        location_name TEXT,
        location_source_id TEXT,
        income_amount_cents INTEGER,
        income_currency TEXT,
        income_unit TEXT,
        income_effective_date TEXT,
        highly_compensated_employee INTEGER,
        key_employee INTEGER,
        union_code TEXT,
        union_local TEXT,
        source_id TEXT,
        work_id TEXT,
        custom_fields_json TEXT,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX employment_version_by_person ON employment_version (connection_id, individual_id);
      CREATE INDEX employment_version_by_department ON employment_version (connection_id, department);
      CREATE INDEX employment_version_by_manager ON employment_version (connection_id, manager_id);
      CREATE INDEX employment_version_by_active ON employment_version (connection_id, is_active);
      ${removedIndexSql('employment_version')}

      -- Income history, one row per entry of Finch's income_history (null entries stay in raw_json).
      CREATE TABLE employment_income_version (
        employment_row INTEGER NOT NULL REFERENCES employment_version (row_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        amount_cents INTEGER,
        currency TEXT,
        unit TEXT,
        effective_date TEXT,
        PRIMARY KEY (employment_row, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE employment_custom_field_version (
        employment_row INTEGER NOT NULL REFERENCES employment_version (row_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT,
        value_json TEXT,
        PRIMARY KEY (employment_row, position)
      ) STRICT, WITHOUT ROWID;

      ${liveViewSql('individual', 'individual_version', INDIVIDUAL_COLUMNS)}
      ${liveViewSql('employment', 'employment_version', EMPLOYMENT_COLUMNS)}

      ${liveChildViewSql(
        'employment_income',
        'employment_income_version',
        ['employment_row', 'position', 'amount_cents', 'currency', 'unit', 'effective_date'],
        { table: 'employment_version', key: 'row_id', reference: 'employment_row' },
      )}
      ${liveChildViewSql(
        'employment_custom_field',
        'employment_custom_field_version',
        ['employment_row', 'position', 'name', 'value_json'],
        { table: 'employment_version', key: 'row_id', reference: 'employment_row' },
      )}
    `)
  },
}
