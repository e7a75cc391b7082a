/**
 * Whether the cache file can skip the whole-file `quick_check` at open. `quick_check` reads every
 * page, which takes many seconds on a large cache, so it runs only when the file may have been
 * damaged since it was last checked: the app did not close it cleanly (a crash, a kill, power
 * loss), something else changed the file after it closed, or a week has passed since the last
 * full check. A clean close leaves a small record beside the file with the file's size and
 * modification time; opening takes the record away first, so a session that ends badly leaves
 * none behind. SQLCipher checks each page's HMAC whenever it is read, so a page damaged later
 * still fails loudly rather than reading wrong.
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { SqliteError } from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'

/** How long a cleanly closed file may go without a full `quick_check`. */
export const FULL_CHECK_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000

const cleanCloseRecord = z.strictObject({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  lastFullCheckAt: z.number().int().nonnegative(),
})

type CleanCloseRecord = z.infer<typeof cleanCloseRecord>

export function cleanCloseRecordPath(databasePath: string): string {
  return `${databasePath}.clean-close.json`
}

/**
 * Reads and removes the record of the last clean close. Returns when the file was last fully
 * checked if it is untouched since then and the check is recent enough, else null (check now).
 */
export function takeCleanClose(databasePath: string, now: number): number | null {
  const recordPath = cleanCloseRecordPath(databasePath)
  if (!existsSync(recordPath)) return null
  let record: CleanCloseRecord | null
  try {
    const parsed = cleanCloseRecord.safeParse(JSON.parse(readFileSync(recordPath, 'utf8')))
    record = parsed.success ? parsed.data : null
  } catch {
    record = null
  }
  // Removed before anything else happens, so this session must close cleanly to skip a check.
  unlinkSync(recordPath)
  if (record === null || existsSync(`${databasePath}-wal`)) return null
  const stat = statSync(databasePath, { throwIfNoEntry: false })
  if (!stat || stat.size !== record.size || stat.mtimeMs !== record.mtimeMs) return null
  if (now - record.lastFullCheckAt > FULL_CHECK_INTERVAL_MS || record.lastFullCheckAt > now) {
    return null
  }
  return record.lastFullCheckAt
}

/** Set once this process has read a damaged page: it must not vouch for the file at close. */
let damageSeen = false

/**
 * True when an error is SQLite (or SQLCipher's page check) reporting a damaged file. The first
 * one seen stops this session's clean close from vouching for the file, so the next start runs
 * the whole-file check and moves a damaged cache aside.
 */
export function noteCacheDamage(error: unknown): boolean {
  const damaged = error instanceof SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)
  if (damaged) damageSeen = true
  return damaged
}

/** Called after the database closed without error: records the file as it was left. */
export function recordCleanClose(databasePath: string, lastFullCheckAt: number): void {
  if (damageSeen) return
  const stat = statSync(databasePath, { throwIfNoEntry: false })
  if (!stat || existsSync(`${databasePath}-wal`)) return
  const record: CleanCloseRecord = { size: stat.size, mtimeMs: stat.mtimeMs, lastFullCheckAt }
  const recordPath = cleanCloseRecordPath(databasePath)
  writeFileSync(`${recordPath}.tmp`, JSON.stringify(record), { mode: 0o600 })
  renameSync(`${recordPath}.tmp`, recordPath)
}
