/**
 * Opens the cache at start and recovers from a damaged file: one that opens with its key but
 * fails `quick_check` (or a read during migration) is renamed aside with a timestamp, never
 * deleted, and a new cache takes its place. The connection list is carried over when the damaged
 * file still yields it, so each client can be synced again with the token still in the keychain.
 * A missing or wrong key is not damage and is thrown as before.
 */
import { existsSync, renameSync } from 'node:fs'
import Database, { SqliteError } from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../shared/app-error'
import type { StartupNotice } from '../../shared/domain'
import type { Logger } from '../log/logger'
import type { CacheDatabase, OpenDatabaseOptions } from './open-database'
import { DamagedCache, openDatabase } from './open-database'

export interface RecoveredCache {
  database: CacheDatabase
  notices: StartupNotice[]
}

/** The connection columns worth keeping: who the client is and what Finch granted. */
interface KeptConnection {
  connection_id: string
  environment: string
  company_id: string
  customer_id: string
  customer_name: string
  provider_id: string
  connection_type: string
  products_json: string
  connected_at: string
}

export function openRecoveringDatabase(
  options: OpenDatabaseOptions,
  logger: Logger,
  now: () => Date = () => new Date(),
): RecoveredCache {
  try {
    return { database: openDatabase(options), notices: [] }
  } catch (error) {
    if (error instanceof SqliteError && error.code === 'SQLITE_FULL') {
      // Opening writes (it rolls back a sync the last run left unfinished), so a full disk stops it.
      throw new AppError(
        'storage_failed',
        'The disk holding the payroll cache is full. Free some space and start the app again.',
        { cause: error },
      )
    }
    if (!isDamage(error)) throw error
    logger.error('the cache is damaged; moving it aside', error)
  }

  const kept = salvageConnections(options)
  const movedTo = moveAside(options.path, now())
  const database = openDatabase(options)
  restoreConnections(database, kept)
  logger.warn(`moved the damaged cache aside; ${kept.length} connection(s) kept for a new sync`)

  const lost =
    kept.length > 0
      ? `Its ${kept.length} connection(s) were kept; sync each client to read its payroll again.`
      : 'Its connection list could not be read: connect each client again (their old keychain entries stay unused).'
  return {
    database,
    notices: [
      {
        kind: 'cache_moved_aside',
        message: `The payroll cache was damaged and has been moved aside. ${lost}`,
        movedTo,
        connectionsKept: kept.length,
      },
    ],
  }
}

function isDamage(error: unknown): boolean {
  if (error instanceof DamagedCache) return true
  return error instanceof SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)
}

/** Reads what it can of the connection list from the damaged file; nothing when that fails. */
function salvageConnections(options: OpenDatabaseOptions): KeptConnection[] {
  let db: CacheDatabase | null = null
  try {
    db = new Database(options.path, {
      readonly: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${options.keyHex}'"`)
    return db
      .prepare(
        `SELECT connection_id, environment, company_id, customer_id, customer_name, provider_id,
           connection_type, products_json, connected_at FROM connection`,
      )
      .all() as KeptConnection[]
  } catch {
    return []
  } finally {
    db?.close()
  }
}

/** Renames the file and its WAL and shared-memory companions with one timestamp. */
function moveAside(path: string, at: Date): string {
  const movedTo = `${path}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix)
  }
  return movedTo
}

/** The kept connections start with no snapshot, as if just connected, so a sync reads them. */
function restoreConnections(db: CacheDatabase, kept: KeptConnection[]): void {
  const client = db.prepare(
    `INSERT INTO client (customer_id, name, created_at) VALUES (?, ?, ?)
     ON CONFLICT (customer_id) DO NOTHING`,
  )
  const connection = db.prepare(
    `INSERT INTO connection (connection_id, environment, company_id, customer_id, customer_name,
       provider_id, connection_type, products_json, status, connected_at)
     VALUES (@connection_id, @environment, @company_id, @customer_id, @customer_name,
       @provider_id, @connection_type, @products_json, 'connected', @connected_at)`,
  )
  db.transaction(() => {
    for (const row of kept) {
      client.run(row.customer_id, row.customer_name, row.connected_at)
      connection.run(row)
    }
  })()
}
