/**
 * What a snapshot knows about its own completeness: items Finch has not finished collecting
 * (202 `data_sync_in_progress`, assisted connections), items that failed one by one inside a
 * batch answer, and each product's freshness (Finch's `Finch-Data-Retrieved` and
 * `Finch-Last-Attempted-Update-*` headers, and when this app last read it). The unprefixed views
 * show the live snapshot's.
 */
import type { Migration } from '../migrate'

export const syncBookkeeping: Migration = {
  version: 6,
  name: 'sync-bookkeeping',
  up(db) {
    db.exec(`
      CREATE TABLE snapshot_pending_item (
        snapshot_id INTEGER NOT NULL REFERENCES sync_snapshot (snapshot_id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        product TEXT NOT NULL,
        -- null when the whole product answered 202
        item_id TEXT,
        finch_code TEXT,
        message TEXT,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX snapshot_pending_item_by_snapshot ON snapshot_pending_item (snapshot_id, product);

      CREATE TABLE snapshot_item_error (
        snapshot_id INTEGER NOT NULL REFERENCES sync_snapshot (snapshot_id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        product TEXT NOT NULL,
        item_id TEXT,
        status_code INTEGER,
        error_name TEXT,
        finch_code TEXT,
        message TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX snapshot_item_error_by_snapshot ON snapshot_item_error (snapshot_id, product);

      CREATE TABLE snapshot_product_freshness (
        snapshot_id INTEGER NOT NULL REFERENCES sync_snapshot (snapshot_id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        product TEXT NOT NULL,
        -- fresh | carried | pending | unavailable | not_granted
        status TEXT NOT NULL,
        item_count INTEGER,
        requests INTEGER NOT NULL,
        retries INTEGER NOT NULL,
        rate_limited INTEGER NOT NULL,
        data_retrieved_at TEXT,
        last_attempted_update_at TEXT,
        last_attempted_update_result TEXT,
        -- when this app last read the product successfully (carried over when not re-read)
        synced_at TEXT,
        PRIMARY KEY (snapshot_id, product)
      ) STRICT;

      CREATE VIEW pending_item AS
        SELECT p.connection_id, p.product, p.item_id, p.finch_code, p.message, p.first_seen_at,
          p.last_seen_at
        FROM snapshot_pending_item p
        JOIN connection c ON c.connection_id = p.connection_id AND c.live_snapshot_id = p.snapshot_id;

      CREATE VIEW item_error AS
        SELECT e.connection_id, e.product, e.item_id, e.status_code, e.error_name, e.finch_code,
          e.message, e.recorded_at
        FROM snapshot_item_error e
        JOIN connection c ON c.connection_id = e.connection_id AND c.live_snapshot_id = e.snapshot_id;

      CREATE VIEW product_freshness AS
        SELECT f.connection_id, f.product, f.status, f.item_count, f.requests, f.retries,
          f.rate_limited, f.data_retrieved_at, f.last_attempted_update_at,
          f.last_attempted_update_result, f.synced_at
        FROM snapshot_product_freshness f
        JOIN connection c ON c.connection_id = f.connection_id AND c.live_snapshot_id = f.snapshot_id;
    `)
  },
}
