/**
 * Opens the encrypted cache: SQLCipher (through better-sqlite3-multiple-ciphers) with a random
 * 256-bit raw key that lives only in the keychain. A wrong or missing key is reported as such,
 * never mistaken for corruption.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../shared/app-error'
import { runMigrations } from './migrate'

export type CacheDatabase = Database.Database

export interface OpenDatabaseOptions {
  path: string
  /** 64 hex characters: the raw SQLCipher key. */
  keyHex: string
  /** Path to a better_sqlite3.node built for the running ABI (Electron needs its own build). */
  nativeBinding?: string
}

export function openDatabase(options: OpenDatabaseOptions): CacheDatabase {
  if (!/^[0-9a-f]{64}$/.test(options.keyHex)) {
    throw new AppError('storage_failed', 'The database key in the keychain is not valid.')
  }

  const db = new Database(
    options.path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${options.keyHex}'"`)
    verifyKey(db)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // A purge must leave no readable pages behind, even though pages are encrypted anyway.
    db.pragma('secure_delete = ON')
    runMigrations(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function verifyKey(db: CacheDatabase): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (cause) {
    throw new AppError(
      'storage_failed',
      'The payroll cache cannot be opened with the key in this keychain: it was made with another key or is damaged.',
      { cause },
    )
  }
}
