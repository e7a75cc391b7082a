/**
 * The versioned tables of the cache, for the code that rolls snapshots back and purges them.
 * Child tables (statement lines, income history, custom fields) and the search index follow
 * their parent rows through foreign-key cascades and triggers.
 */
export interface VersionedTable {
  table: string
  /** The INTEGER PRIMARY KEY (the rowid alias). */
  key: string
}

export const VERSIONED_TABLES: readonly VersionedTable[] = [
  { table: 'company_version', key: 'row_id' },
  { table: 'directory_entry_version', key: 'row_id' },
  { table: 'individual_version', key: 'row_id' },
  { table: 'employment_version', key: 'row_id' },
  { table: 'payment_version', key: 'row_id' },
  { table: 'pay_statement_version', key: 'statement_row' },
  { table: 'benefit_version', key: 'row_id' },
  { table: 'benefit_enrollment_version', key: 'row_id' },
  { table: 'pay_group_version', key: 'row_id' },
  { table: 'person_search_version', key: 'doc_row' },
  { table: 'payment_register_version', key: 'register_row' },
]

/** How many rows one purge or rollback transaction deletes, so no transaction grows large. */
export const ROWS_PER_CHUNK = 2_000
