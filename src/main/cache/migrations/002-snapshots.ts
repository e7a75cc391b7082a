/**
 * Snapshots: every synced row now carries the snapshot that added it and the one that removed it,
 * and each connection names its live snapshot. A sync writes a new snapshot beside the live one
 * and swaps the live id in one tiny transaction. `company` and `directory_entry` become views of
 * the live rows, so every existing reader keeps working unchanged; their rows move to
 * `company_version` and `directory_entry_version`, as one live snapshot per connection.
 */
import type { Migration } from '../migrate'
import { VERSION_COLUMNS_SQL, liveViewSql, removedIndexSql } from './live-view-sql'

const COMPANY_COLUMNS = [
  'connection_id',
  'legal_name',
  'ein',
  'entity_type',
  'entity_subtype',
  'primary_email',
  'primary_phone',
  'departments_json',
  'locations_json',
  'accounts_json',
  'raw_json',
  'retrieved_at',
]

const DIRECTORY_COLUMNS = [
  'connection_id',
  'individual_id',
  'position',
  'first_name',
  'middle_name',
  'last_name',
  'department',
  'manager_id',
  'is_active',
  'raw_json',
]

export const snapshots: Migration = {
  version: 2,
  name: 'snapshots',
  up(db) {
    db.exec(`
      ALTER TABLE connection ADD COLUMN live_snapshot_id INTEGER;

      CREATE TABLE sync_snapshot (
        snapshot_id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connection (connection_id) ON DELETE CASCADE,
        mode TEXT NOT NULL,
        state TEXT NOT NULL,
        base_snapshot_id INTEGER,
        owner_pid INTEGER,
        payments_from TEXT,
        payments_to TEXT,
        full_sync_at TEXT,
        created_at TEXT NOT NULL,
        swapped_at TEXT
      ) STRICT;

      CREATE INDEX sync_snapshot_by_connection ON sync_snapshot (connection_id, state);

      ALTER TABLE sync_run ADD COLUMN snapshot_id INTEGER;
      ALTER TABLE sync_run ADD COLUMN mode TEXT;
      ALTER TABLE sync_run ADD COLUMN failure_kind TEXT;
      ALTER TABLE sync_run ADD COLUMN requests INTEGER;
      ALTER TABLE sync_run ADD COLUMN retries INTEGER;
      ALTER TABLE sync_run ADD COLUMN rate_limited INTEGER;

      CREATE INDEX sync_run_by_connection ON sync_run (connection_id, id);

      CREATE TABLE company_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        legal_name TEXT,
        ein TEXT,
        entity_type TEXT,
        entity_subtype TEXT,
        primary_email TEXT,
        primary_phone TEXT,
        departments_json TEXT NOT NULL,
        locations_json TEXT NOT NULL,
        accounts_json TEXT NOT NULL,
        raw_json TEXT NOT NULL,
        retrieved_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX company_version_by_connection ON company_version (connection_id);
      ${removedIndexSql('company_version')}

      CREATE TABLE directory_entry_version (
        row_id INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        individual_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        first_name TEXT,
        middle_name TEXT,
        last_name TEXT,
        department TEXT,
        manager_id TEXT,
        is_active INTEGER,
        raw_json TEXT NOT NULL
      ) STRICT;

      CREATE INDEX directory_entry_version_by_person
        ON directory_entry_version (connection_id, individual_id);
      CREATE INDEX directory_entry_version_by_name
        ON directory_entry_version (connection_id, last_name, first_name);
      CREATE INDEX directory_entry_version_by_department
        ON directory_entry_version (connection_id, department);
      CREATE INDEX directory_entry_version_by_manager
        ON directory_entry_version (connection_id, manager_id);
      CREATE INDEX directory_entry_version_by_active
        ON directory_entry_version (connection_id, is_active);
      ${removedIndexSql('directory_entry_version')}

      INSERT INTO sync_snapshot (connection_id, mode, state, created_at, swapped_at)
        SELECT c.connection_id, 'migrated', 'live', coalesce(c.last_synced_at, c.connected_at),
          coalesce(c.last_synced_at, c.connected_at)
        FROM connection c
        WHERE c.connection_id IN (SELECT connection_id FROM company
          UNION SELECT connection_id FROM directory_entry);

      UPDATE connection SET live_snapshot_id =
        (SELECT s.snapshot_id FROM sync_snapshot s WHERE s.connection_id = connection.connection_id);

      INSERT INTO company_version (added_snapshot, ${COMPANY_COLUMNS.join(', ')})
        SELECT (SELECT live_snapshot_id FROM connection c WHERE c.connection_id = company.connection_id),
          ${COMPANY_COLUMNS.join(', ')}
        FROM company;

      INSERT INTO directory_entry_version (added_snapshot, ${DIRECTORY_COLUMNS.join(', ')})
        SELECT (SELECT live_snapshot_id FROM connection c
            WHERE c.connection_id = directory_entry.connection_id),
          ${DIRECTORY_COLUMNS.join(', ')}
        FROM directory_entry;

      DROP TABLE company;
      DROP TABLE directory_entry;

      ${liveViewSql('company', 'company_version', ['row_id', 'added_snapshot', ...COMPANY_COLUMNS])}
      ${liveViewSql('directory_entry', 'directory_entry_version', [
        'row_id',
        'added_snapshot',
        ...DIRECTORY_COLUMNS,
      ])}
    `)
  },
}
