/**
 * Company benefits, who is enrolled in each with their own deduction and contribution, and pay
 * groups with their members. Finch gives an enrollment amount in cents for `fixed` and in basis
 * points for `percent`, so each lands in a column named for its unit.
 */
import type { Migration } from '../migrate'
import { VERSION_COLUMNS_SQL, liveViewSql, removedIndexSql } from './live-view-sql'

const BENEFIT_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'benefit_id',
  'type',
  'description',
  'frequency',
  'company_contribution_json',
  'raw_json',
]

const ENROLLMENT_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'benefit_id',
  'individual_id',
  'employee_deduction_type',
  'employee_deduction_cents',
  'employee_deduction_basis_points',
  'company_contribution_type',
  'company_contribution_cents',
  'company_contribution_basis_points',
  'company_contribution_tiers_json',
  'annual_maximum_cents',
  'catch_up',
  'hsa_contribution_limit',
  'raw_json',
]

const PAY_GROUP_COLUMNS = [
  'row_id',
  'added_snapshot',
  'connection_id',
  'pay_group_id',
  'name',
  'pay_frequencies_json',
  'individual_count',
  'individual_ids_json',
  'raw_json',
]

export const benefitsAndPayGroups: Migration = {
  version: 5,
  name: 'benefits-and-pay-groups',
  up(db) {
    db.exec(`
      CREATE TABLE benefit_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        benefit_id TEXT NOT NULL,
        type TEXT,
        description TEXT,
        frequency TEXT,
        company_contribution_json TEXT,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX benefit_version_by_benefit ON benefit_version (connection_id, benefit_id);
      ${removedIndexSql('benefit_version')}

      CREATE TABLE benefit_enrollment_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        benefit_id TEXT NOT NULL,
        individual_id TEXT NOT NULL,
        employee_deduction_type TEXT,
        employee_deduction_cents INTEGER,
        employee_deduction_basis_points INTEGER,
        company_contribution_type TEXT,
        company_contribution_cents INTEGER,
        company_contribution_basis_points INTEGER,
        company_contribution_tiers_json TEXT,
        annual_maximum_cents INTEGER,
        catch_up INTEGER,
        hsa_contribution_limit TEXT,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX benefit_enrollment_version_by_benefit
        ON benefit_enrollment_version (connection_id, benefit_id);
      CREATE INDEX benefit_enrollment_version_by_individual
        ON benefit_enrollment_version (connection_id, individual_id);
      ${removedIndexSql('benefit_enrollment_version')}

      CREATE TABLE pay_group_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        pay_group_id TEXT NOT NULL,
        name TEXT,
        pay_frequencies_json TEXT,
        individual_count INTEGER,
        individual_ids_json TEXT,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX pay_group_version_by_pay_group ON pay_group_version (connection_id, pay_group_id);
      ${removedIndexSql('pay_group_version')}

      ${liveViewSql('benefit', 'benefit_version', BENEFIT_COLUMNS)}
      ${liveViewSql('benefit_enrollment', 'benefit_enrollment_version', ENROLLMENT_COLUMNS)}
      ${liveViewSql('pay_group', 'pay_group_version', PAY_GROUP_COLUMNS)}
    `)
  },
}
