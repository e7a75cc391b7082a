/**
 * Opens the encrypted cache: SQLCipher (through better-sqlite3-multiple-ciphers) with a random
 * 256-bit raw key that lives only in the keychain. A wrong or missing key is reported as such,
 * never mistaken for corruption. Opening also rolls back the staging snapshot of any sync that
 * was killed, so its half-written rows never outlive it.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../shared/app-error'
import { recordCleanClose, takeCleanClose } from './clean-close'
import { runMigrations } from './migrate'
import { SnapshotStore } from './snapshot-store'

export type CacheDatabase = Database.Database

export interface OpenDatabaseOptions {
  path: string
  /** 64 hex characters: the raw SQLCipher key. */
  keyHex: string
  /** Path to a better_sqlite3.node built for the running ABI (Electron needs its own build). */
  nativeBinding?: string
  /** The clock, for deciding whether the last full integrity check is recent enough. */
  now?: () => number
}

/** When each open database last had its whole file checked, for the record its clean close leaves. */
const lastFullCheck = new WeakMap<CacheDatabase, number>()

export function openDatabase(options: OpenDatabaseOptions): CacheDatabase {
  if (!/^[0-9a-f]{64}$/.test(options.keyHex)) {
    throw new AppError('storage_failed', 'The database key in the keychain is not valid.')
  }

  const now = options.now ?? Date.now
  const checkedAt = takeCleanClose(options.path, now())
  const db = new Database(
    options.path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${options.keyHex}'"`)
    verifyKey(db)
    if (checkedAt === null) verifyIntegrity(db)
    lastFullCheck.set(db, checkedAt ?? now())
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // A purge must leave no readable pages behind, even though pages are encrypted anyway.
    db.pragma('secure_delete = ON')
    runMigrations(db)
    new SnapshotStore(db).recoverInterrupted(new Date().toISOString())
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Closes the database and, once it closed without error, leaves the record that lets the next
 * open skip the whole-file check while the file stays as it was left.
 */
export function closeDatabase(db: CacheDatabase): void {
  const path = db.name
  const checkedAt = lastFullCheck.get(db)
  db.close()
  if (checkedAt !== undefined && !db.memory) recordCleanClose(path, checkedAt)
}

/** The file opens with its key but its pages do not hold together (damaged or cut short). */
export class DamagedCache extends Error {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The payroll cache is damaged (${detail}).`, options)
    this.name = 'DamagedCache'
  }
}

/**
 * `quick_check` reads every page once (it skips only index-content checks), so damage is found
 * at start rather than in the middle of a sync or a review. Its cost grows with the file, so it
 * is skipped while the file is as a clean close left it (see clean-close.ts).
 */
function verifyIntegrity(db: CacheDatabase): void {
  let verdict: unknown
  try {
    verdict = db.pragma('quick_check(1)', { simple: true })
  } catch (cause) {
    throw new DamagedCache('quick_check could not read it', { cause })
  }
  if (verdict !== 'ok') throw new DamagedCache('quick_check found a damaged page')
}

function verifyKey(db: CacheDatabase): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (cause) {
    // SQLCipher checks each page's HMAC: a wrong key already fails on page 1 (SQLITE_NOTADB), so
    // a later page that does not read (SQLITE_CORRUPT) means the key is right and the file is not.
    if (cause instanceof Database.SqliteError && cause.code === 'SQLITE_CORRUPT') {
      throw new DamagedCache('its schema does not read', { cause })
    }
    throw new AppError(
      'storage_failed',
      'The payroll cache cannot be opened with the key in this keychain: it was made with another key or is damaged.',
      { cause },
    )
  }
}
