/** The first schema: connections, their company and directory snapshots, and sync runs. */
import type { Migration } from '../migrate'

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE connection (
        connection_id TEXT PRIMARY KEY,
        environment TEXT NOT NULL,
        company_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        connection_type TEXT NOT NULL,
        products_json TEXT NOT NULL,
        status TEXT NOT NULL,
        connected_at TEXT NOT NULL,
        last_synced_at TEXT
      ) STRICT;

      CREATE TABLE company (
        connection_id TEXT PRIMARY KEY REFERENCES connection(connection_id) ON DELETE CASCADE,
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

      CREATE TABLE directory_entry (
        connection_id TEXT NOT NULL REFERENCES connection(connection_id) ON DELETE CASCADE,
        individual_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        first_name TEXT,
        middle_name TEXT,
        last_name TEXT,
        department TEXT,
        manager_id TEXT,
        is_active INTEGER,
        raw_json TEXT NOT NULL,
        PRIMARY KEY (connection_id, individual_id)
      ) STRICT;

      CREATE INDEX directory_entry_by_name
        ON directory_entry (connection_id, last_name, first_name);

      CREATE TABLE sync_run (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        counts_json TEXT
      ) STRICT;
    `)
  },
}
