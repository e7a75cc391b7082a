/**
 * The cache's record of client companies and their connections: which client each connection
 * belongs to, what Finch's introspection last said about it, and the purge that removes a
 * disconnected connection's data for good. Connection rows themselves are written through the
 * payroll cache, in the same transaction as the client and introspection rows.
 */
import { STALE_AFTER_DAYS } from '../../shared/review'
import type {
  ClientSummary,
  ConnectionAccount,
  ConnectionOverview,
  ConnectionSummary,
} from '../../shared/domain'
import type { CacheDatabase } from '../cache/open-database'
import type { NewConnection, PayrollCache } from '../cache/payroll-cache'

export interface ClientRecord {
  customerId: string
  name: string
  createdAt: string
}

export interface PurgeReport {
  /** Rows deleted per table, not counting rows that cascaded. */
  deleted: Record<string, number>
  /** Whether the client went too, because this was its last connection. */
  clientRemoved: boolean
  /** Tables the purge could not reach (see `purgeCoverage`); empty unless the schema drifted. */
  uncovered: string[]
}

export interface PurgeCoverage {
  direct: string[]
  cascaded: string[]
  fullText: string[]
  uncovered: string[]
}

/** Tables that hold no connection's data. */
const GLOBAL_TABLES = ['client']

/** The tables FTS3, FTS4 and FTS5 keep beside a full-text index. */
const SHADOW_SUFFIXES = [
  'data',
  'idx',
  'content',
  'docsize',
  'config',
  'segments',
  'segdir',
  'stat',
]

interface AccountRow {
  connection_id: string
  account_status: string
  status_message: string | null
  last_successful_sync: string | null
  manual: number | null
  authentication_methods_json: string
  entities_json: string
  checked_at: string
}

const DAY_MS = 24 * 60 * 60_000

interface ForeignKey {
  table: string
  on_delete: string
}

export class ConnectionStore {
  constructor(
    private readonly db: CacheDatabase,
    private readonly cache: PayrollCache,
  ) {}

  getClient(customerId: string): ClientRecord | null {
    const row = this.db
      .prepare('SELECT customer_id, name, created_at FROM client WHERE customer_id = ?')
      .get(customerId) as { customer_id: string; name: string; created_at: string } | undefined
    return row ? { customerId: row.customer_id, name: row.name, createdAt: row.created_at } : null
  }

  /** The client with this name, compared as people read names: case and width do not count. */
  findClientByName(name: string): ClientRecord | null {
    const rows = this.db.prepare('SELECT customer_id, name, created_at FROM client').all() as {
      customer_id: string
      name: string
      created_at: string
    }[]
    const match = rows.find(
      (row) => row.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0,
    )
    return match
      ? { customerId: match.customer_id, name: match.name, createdAt: match.created_at }
      : null
  }

  /** Saves a connection that just finished Connect, its client and its introspection, at once. */
  saveConnected(connection: NewConnection, account: ConnectionAccount): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR IGNORE INTO client (customer_id, name, created_at) VALUES (?, ?, ?)')
        .run(connection.customerId, connection.customerName, connection.connectedAt)
      this.cache.saveConnection(connection)
      this.writeAccount(connection.connectionId, account)
    })()
  }

  saveAccount(connectionId: string, account: ConnectionAccount): void {
    this.writeAccount(connectionId, account)
  }

  listClients(now = Date.now()): ClientSummary[] {
    const clients = new Map<string, ClientSummary>()
    const rows = this.db
      .prepare('SELECT customer_id, name, created_at FROM client ORDER BY name COLLATE NOCASE')
      .all() as { customer_id: string; name: string; created_at: string }[]
    for (const row of rows) {
      clients.set(row.customer_id, {
        customerId: row.customer_id,
        name: row.name,
        createdAt: row.created_at,
        connections: [],
      })
    }

    for (const overview of this.overviews(this.cache.listConnections(), now)) {
      let client = clients.get(overview.customerId)
      if (!client) {
        // A connection written before clients existed, or by a path that skipped them.
        client = {
          customerId: overview.customerId,
          name: overview.customerName,
          createdAt: overview.connectedAt,
          connections: [],
        }
        clients.set(client.customerId, client)
      }
      client.connections.push(overview)
    }
    return [...clients.values()]
  }

  connectionOverview(connectionId: string, now = Date.now()): ConnectionOverview | null {
    const connection = this.cache.getConnection(connectionId)
    return connection ? (this.overviews([connection], now)[0] ?? null) : null
  }

  /**
   * Which tables a purge reaches, read from the schema itself so tables added by later
   * migrations are covered without anyone listing them here: tables with a `connection_id`
   * column are deleted from directly, tables whose rows cascade from those go with them, and
   * full-text indexes are merged. `uncovered` names any table none of that reaches; a test
   * holds it empty, and a purge logs it.
   */
  purgeCoverage(): PurgeCoverage {
    const tables = this.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string; sql: string | null }[]
    const fullText = tables
      .filter((t) => /^CREATE VIRTUAL TABLE\b[\s\S]*\bUSING\s+fts[345]\b/i.test(t.sql ?? ''))
      .map((t) => t.name)
    const isShadow = (name: string) =>
      fullText.some((index) => SHADOW_SUFFIXES.some((suffix) => name === `${index}_${suffix}`))
    const candidates = tables
      .map((t) => t.name)
      .filter((name) => !fullText.includes(name) && !isShadow(name))

    const direct = candidates.filter((name) => this.columnsOf(name).includes('connection_id'))
    const covered = new Set(direct)
    const cascaded: string[] = []
    let grew = true
    while (grew) {
      grew = false
      for (const name of candidates) {
        if (covered.has(name)) continue
        const parents = this.db
          .prepare('SELECT "table", on_delete FROM pragma_foreign_key_list(?)')
          .all(name) as ForeignKey[]
        if (parents.some((fk) => fk.on_delete === 'CASCADE' && covered.has(fk.table))) {
          covered.add(name)
          cascaded.push(name)
          grew = true
        }
      }
    }
    const uncovered = candidates.filter(
      (name) => !covered.has(name) && !GLOBAL_TABLES.includes(name),
    )
    return { direct, cascaded, fullText, uncovered }
  }

  /**
   * Deletes every row of the connection from every table, and its client if no connection is
   * left; merges the full-text indexes, whose deleted terms otherwise linger in their segments;
   * then rebuilds the file with VACUUM and truncates the write-ahead log. `secure_delete`
   * already zeroes freed space; VACUUM also leaves no free pages and no stale copies of pages in
   * the log, so the deleted payroll data is gone from the file, not merely unlinked.
   */
  purgeConnection(connectionId: string): PurgeReport {
    const deleted: Record<string, number> = {}
    let clientRemoved = false
    const coverage = this.purgeCoverage()
    const customerId = this.cache.getConnection(connectionId)?.customerId ?? null

    this.db.transaction(() => {
      // Child tables may reference each other; their checks run once everything is gone.
      this.db.pragma('defer_foreign_keys = ON')
      const direct = [...coverage.direct.filter((t) => t !== 'connection'), 'connection']
      for (const table of direct) {
        if (!coverage.direct.includes(table)) continue
        deleted[table] = this.db
          .prepare(`DELETE FROM ${quoteName(table)} WHERE connection_id = ?`)
          .run(connectionId).changes
      }
      if (customerId) {
        const left = this.db
          .prepare('SELECT count(*) AS n FROM connection WHERE customer_id = ?')
          .get(customerId) as { n: number }
        if (left.n === 0) {
          clientRemoved =
            this.db.prepare('DELETE FROM client WHERE customer_id = ?').run(customerId).changes > 0
        }
      }
      // Merging the index costs time in proportion to every connection's people, not this one's.
      for (const index of coverage.fullText) {
        this.db
          .prepare(`INSERT INTO ${quoteName(index)} (${quoteName(index)}) VALUES ('optimize')`)
          .run()
      }
    })()

    this.db.exec('VACUUM')
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    return { deleted, clientRemoved, uncovered: coverage.uncovered }
  }

  private columnsOf(table: string): string[] {
    const rows = this.db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as {
      name: string
    }[]
    return rows.map((row) => row.name)
  }

  private overviews(connections: ConnectionSummary[], now: number): ConnectionOverview[] {
    const accounts = new Map(
      (this.db.prepare('SELECT * FROM connection_introspection').all() as AccountRow[]).map(
        (row) => [row.connection_id, toAccount(row)],
      ),
    )
    const failures = this.latestSyncFailures()
    return connections.map((connection) => {
      const account = accounts.get(connection.connectionId) ?? null
      return {
        ...connection,
        account,
        lastSyncError: failures.get(connection.connectionId) ?? null,
        freshness: freshnessOf(connection.lastSyncedAt, account, now),
      }
    })
  }

  /** The newest sync attempt's message per connection, where that attempt failed. */
  private latestSyncFailures(): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT r.connection_id, r.status, r.error_message FROM sync_run r
         WHERE r.id = (SELECT max(id) FROM sync_run WHERE connection_id = r.connection_id)`,
      )
      .all() as { connection_id: string; status: string; error_message: string | null }[]
    return new Map(
      rows
        // A cancelled sync kept the previous data whole; it is not reported as a failure.
        .filter((row) => row.status === 'failed')
        .map((row) => [row.connection_id, row.error_message ?? 'The last sync failed.']),
    )
  }

  private writeAccount(connectionId: string, account: ConnectionAccount): void {
    this.db
      .prepare(
        `INSERT INTO connection_introspection (connection_id, account_status, status_message,
           last_successful_sync, manual, authentication_methods_json, entities_json, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (connection_id) DO UPDATE SET account_status = excluded.account_status,
           status_message = excluded.status_message,
           last_successful_sync = excluded.last_successful_sync, manual = excluded.manual,
           authentication_methods_json = excluded.authentication_methods_json,
           entities_json = excluded.entities_json, checked_at = excluded.checked_at`,
      )
      .run(
        connectionId,
        account.status,
        account.message,
        account.lastSuccessfulSync,
        account.manual === null ? null : account.manual ? 1 : 0,
        JSON.stringify(account.authenticationMethods),
        JSON.stringify(account.entities),
        account.checkedAt,
      )
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

function toAccount(row: AccountRow): ConnectionAccount {
  return {
    status: row.account_status,
    message: row.status_message,
    lastSuccessfulSync: row.last_successful_sync,
    manual: row.manual === null ? null : row.manual === 1,
    authenticationMethods: JSON.parse(
      row.authentication_methods_json,
    ) as ConnectionAccount['authenticationMethods'],
    entities: JSON.parse(row.entities_json) as ConnectionAccount['entities'],
    checkedAt: row.checked_at,
  }
}

/**
 * Stale when the cache is older than the review workspace allows, or when Finch's own copy has
 * missed two of its refresh cycles (daily for automated connections, weekly for assisted ones).
 */
export function freshnessOf(
  lastSyncedAt: string | null,
  account: ConnectionAccount | null,
  now: number,
): ConnectionOverview['freshness'] {
  if (!lastSyncedAt) return 'never_synced'
  if (now - Date.parse(lastSyncedAt) > STALE_AFTER_DAYS * DAY_MS) return 'stale'
  const finchAsOf = account?.lastSuccessfulSync ? Date.parse(account.lastSuccessfulSync) : NaN
  const cycleMs = account?.manual ? 7 * DAY_MS : DAY_MS
  if (!Number.isNaN(finchAsOf) && now - finchAsOf > 2 * cycleMs) return 'stale'
  return 'fresh'
}
