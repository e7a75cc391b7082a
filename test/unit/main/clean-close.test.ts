import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  FULL_CHECK_INTERVAL_MS,
  cleanCloseRecordPath,
  noteCacheDamage,
  takeCleanClose,
} from '../../../src/main/cache/clean-close'
import { DamagedCache, closeDatabase, openDatabase } from '../../../src/main/cache/open-database'
import { makeTempDir } from '../../support/temp-dir'

describe('skipping the whole-file check after a clean close', () => {
  let dir: { path: string; remove(): void }
  let path: string
  const keyHex = randomBytes(32).toString('hex')
  const opened = Date.parse('2026-12-01T09:00:00Z')

  beforeEach(() => {
    dir = makeTempDir('payroll-desk-clean-close-')
    path = join(dir.path, 'cache.db')
    const db = openDatabase({ path, keyHex, now: () => opened })
    db.exec('CREATE TABLE filler (body BLOB)')
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)')
    for (let i = 0; i < 200; i += 1) insert.run(randomBytes(2000))
    closeDatabase(db)
  })
  afterEach(() => dir.remove())

  it('leaves a record after a clean close that the next open takes away', () => {
    const record = JSON.parse(readFileSync(cleanCloseRecordPath(path), 'utf8'))
    expect(record).toMatchObject({ size: statSync(path).size, lastFullCheckAt: opened })

    const later = opened + 60_000
    expect(takeCleanClose(path, later)).toBe(opened)
    expect(existsSync(cleanCloseRecordPath(path))).toBe(false)
    // Taken once: a session that then ends badly leaves no record, so the next open checks.
    expect(takeCleanClose(path, later)).toBeNull()
  })

  it('carries the time of the last full check across clean sessions until it is a week old', () => {
    for (const at of [opened + 1000, opened + 2000])
      closeDatabase(openDatabase({ path, keyHex, now: () => at }))
    expect(JSON.parse(readFileSync(cleanCloseRecordPath(path), 'utf8')).lastFullCheckAt).toBe(
      opened,
    )
    expect(takeCleanClose(path, opened + FULL_CHECK_INTERVAL_MS + 1)).toBeNull()
  })

  it('still trusts a record that is just under a week old', () => {
    expect(takeCleanClose(path, opened + FULL_CHECK_INTERVAL_MS)).toBe(opened)
  })

  it('checks the whole file again when it changed after the clean close', () => {
    scramblePage(path, 20)
    expect(() => openDatabase({ path, keyHex, now: () => opened + 1000 })).toThrow(DamagedCache)
  })

  it('checks the whole file when the app did not close it (no record)', () => {
    const db = openDatabase({ path, keyHex, now: () => opened + 1000 })
    db.close() // as a crash would: no record is written
    expect(existsSync(cleanCloseRecordPath(path))).toBe(false)
    scramblePage(path, 20)
    expect(() => openDatabase({ path, keyHex, now: () => opened + 2000 })).toThrow(DamagedCache)
  })

  it('treats a malformed record as no record and removes it', () => {
    writeFileSync(cleanCloseRecordPath(path), '{"size": "big", "__proto__": {}}')
    expect(takeCleanClose(path, opened + 1000)).toBeNull()
    expect(existsSync(cleanCloseRecordPath(path))).toBe(false)
    writeFileSync(cleanCloseRecordPath(path), 'not json')
    expect(takeCleanClose(path, opened + 1000)).toBeNull()
  })

  it('does not trust a record from the future', () => {
    expect(takeCleanClose(path, opened - 1)).toBeNull()
  })

  // Last: once damage is seen, this process vouches for no file at close.
  it('does not vouch for a file at close once a read met a damaged page', () => {
    const { mtimeNs, size } = statSync(path, { bigint: true })
    scramblePage(path, Number(size / 4096n) - 2) // the filler rows were written last
    // Damage that leaves the size and the modification time (to the nanosecond) as they were.
    const stamp = `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`
    execFileSync('touch', ['-m', '-d', stamp, path])

    const db = openDatabase({ path, keyHex, now: () => opened + 1000 })
    let thrown: unknown
    try {
      db.prepare('SELECT count(*), sum(length(body)) FROM filler').get()
    } catch (error) {
      thrown = error
    }
    expect(noteCacheDamage(thrown)).toBe(true)
    expect(noteCacheDamage(new Error('SQLITE_CORRUPT'))).toBe(false)
    closeDatabase(db)

    expect(existsSync(cleanCloseRecordPath(path))).toBe(false)
    expect(() => openDatabase({ path, keyHex, now: () => opened + 2000 })).toThrow(DamagedCache)
  })
})

/** Overwrites one 4 KiB page in the middle of the file with random bytes. */
function scramblePage(path: string, page: number): void {
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, randomBytes(4096), 0, 4096, page * 4096)
  } finally {
    closeSync(fd)
  }
}
