/**
 * The audit trail: one row per sensitive act (an SSN revealed, an export, a sync), with who did
 * it and when. Rows carry no foreign key to `connection` on purpose: the record of what was seen
 * must outlive a connection being purged. `detail_json` never holds the revealed value itself.
 */
import type { Migration } from '../migrate'

export const auditTrail: Migration = {
  version: 9,
  name: 'audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_event (
        id INTEGER PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        connection_id TEXT,
        subject TEXT,
        detail_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE INDEX audit_event_by_time ON audit_event (occurred_at);
      CREATE INDEX audit_event_by_connection ON audit_event (connection_id, occurred_at);
    `)
  },
}
