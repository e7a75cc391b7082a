/**
 * Client companies and what Finch's introspection said about each connection. A client groups
 * the connections made for one `customer_id`; existing connections get their client from the
 * name and id they were made with. The introspection row goes with its connection.
 */
import type { Migration } from '../migrate'

export const connectionClients: Migration = {
  version: 8,
  name: 'connection-clients',
  up(db) {
    db.exec(`
      CREATE TABLE client (
        customer_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      INSERT INTO client (customer_id, name, created_at)
        SELECT customer_id, min(customer_name), min(connected_at) FROM connection GROUP BY customer_id;

      CREATE TABLE connection_introspection (
        connection_id TEXT PRIMARY KEY REFERENCES connection(connection_id) ON DELETE CASCADE,
        account_status TEXT NOT NULL,
        status_message TEXT,
        last_successful_sync TEXT,
        manual INTEGER,
        authentication_methods_json TEXT NOT NULL,
        entities_json TEXT NOT NULL,
        checked_at TEXT NOT NULL
      ) STRICT;
    `)
  },
}
