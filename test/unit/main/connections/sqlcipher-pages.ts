/**
 * Decrypts every page of a SQLCipher 4 database file (and every frame of its write-ahead log)
 * with the raw key, independently of SQLite, so a test can search the plaintext of all the
 * bytes on disk, including free pages and stale log frames that no SELECT would ever show.
 *
 * SQLCipher 4's layout, as the cache uses it (`cipher='sqlcipher'`, `legacy=4`, a raw 256-bit
 * key): 4096-byte pages, each ending in 80 reserved bytes (a 16-byte IV, then a 64-byte HMAC);
 * the bytes before them are AES-256-CBC without padding. Page 1 starts with the 16-byte salt in
 * clear, so its ciphertext begins at offset 16. https://www.zetetic.net/sqlcipher/design/
 */
import { createDecipheriv } from 'node:crypto'

const PAGE_SIZE = 4096
const RESERVED = 80
const IV_BYTES = 16
const WAL_HEADER = 32
const WAL_FRAME_HEADER = 24

export function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? 16 : 0
  const end = PAGE_SIZE - RESERVED
  const iv = page.subarray(end, end + IV_BYTES)
  const decipher = createDecipheriv('aes-256-cbc', key, iv)
  decipher.setAutoPadding(false)
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()])
}

/** Every page of the main database file, decrypted. */
export function decryptDatabaseFile(file: Buffer, keyHex: string): Buffer[] {
  const key = Buffer.from(keyHex, 'hex')
  const pages: Buffer[] = []
  for (let offset = 0; offset + PAGE_SIZE <= file.length; offset += PAGE_SIZE) {
    pages.push(decryptPage(file.subarray(offset, offset + PAGE_SIZE), offset / PAGE_SIZE + 1, key))
  }
  return pages
}

/** Every frame of a write-ahead log, decrypted, whether or not it was checkpointed. */
export function decryptWalFile(wal: Buffer, keyHex: string): Buffer[] {
  const key = Buffer.from(keyHex, 'hex')
  const pages: Buffer[] = []
  for (
    let offset = WAL_HEADER;
    offset + WAL_FRAME_HEADER + PAGE_SIZE <= wal.length;
    offset += WAL_FRAME_HEADER + PAGE_SIZE
  ) {
    const pageNumber = wal.readUInt32BE(offset)
    const page = wal.subarray(offset + WAL_FRAME_HEADER, offset + WAL_FRAME_HEADER + PAGE_SIZE)
    pages.push(decryptPage(page, pageNumber, key))
  }
  return pages
}

/**
 * Whether page 1 decrypted to a SQLite header: the page size (4096, big-endian) at its offset 16
 * and the 80 reserved bytes at offset 20. This proves the decryption itself works, so an empty
 * search afterwards means the data is gone, not that the key or layout was wrong.
 */
export function looksLikeSqliteHeader(firstPage: Buffer): boolean {
  // The first 16 bytes of page 1 (the salt) are not part of the decrypted buffer.
  return firstPage.readUInt16BE(0) === PAGE_SIZE && firstPage[4] === RESERVED
}

/** Which of `needles` appear in any of the pages, as UTF-8. */
export function findInPages(pages: Buffer[], needles: string[]): string[] {
  const text = Buffer.concat(pages)
  return needles.filter((needle) => text.includes(Buffer.from(needle, 'utf8')))
}
