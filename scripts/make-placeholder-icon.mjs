// Draws the placeholder app icon, build/icon.png (1024 × 1024, from which electron-builder makes
// the .icns and .ico), so no binary image has to be kept by hand: a blue rounded square with three
// ledger lines. Replace build/icon.png with the real artwork when there is one.
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const RADIUS = 200
const background = [31, 95, 191, 255]
const ink = [255, 255, 255, 255]
const clear = [0, 0, 0, 0]
const lines = [
  { y: 330, from: 250, to: 774 },
  { y: 490, from: 250, to: 774 },
  { y: 650, from: 250, to: 560 },
]
const LINE_HALF_HEIGHT = 34

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - 1 - RADIUS)
  const cy = Math.min(Math.max(y, RADIUS), SIZE - 1 - RADIUS)
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2
}

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return clear
  const onLine = lines.some(
    (line) => Math.abs(y - line.y) <= LINE_HALF_HEIGHT && x >= line.from && x <= line.to,
  )
  return onLine ? ink : background
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) {
  const start = y * (SIZE * 4 + 1)
  rows[start] = 0 // no filter
  for (let x = 0; x < SIZE; x++) rows.set(colourAt(x, y), start + 1 + x * 4)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace

mkdirSync('build', { recursive: true })
writeFileSync(
  'build/icon.png',
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
)
console.log('[icon] wrote build/icon.png')
