import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chartFileName, exportChartImage } from '../../../../src/main/dashboard/chart-image'
import type { ExportService } from '../../../../src/main/export/export-service'
import { ExportService as RealExportService } from '../../../../src/main/export/export-service'
import { ipcArgumentSchemas } from '../../../../src/shared/ipc-contract'
import { MAX_IMAGE_BYTES } from '../../../../src/shared/dashboard'

/** A real one-pixel PNG: signature, IHDR, IDAT and IEND chunks (CRCs are not checked here). */
function onePixelPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)])
  }
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function exportServiceSavingTo(path: string | null): ExportService {
  return new RealExportService({
    db: null as never,
    cache: null as never,
    directory: null as never,
    logger: { info: () => undefined } as never,
    chooseSavePath: async () => path,
  })
}

describe('the export.image channel', () => {
  const schema = ipcArgumentSchemas['export.image']
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chart-image-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('accepts a PNG and refuses other bytes, bad base64 and pictures over 10 MB', () => {
    const png = onePixelPng().toString('base64')
    const tooBig = 'iVBORw0KGgo' + 'A'.repeat(Math.ceil(MAX_IMAGE_BYTES / 3) * 4)

    expect(schema.safeParse({ name: 'Pay per run', pngBase64: png }).success).toBe(true)
    expect(
      schema.safeParse({ name: 'x', pngBase64: Buffer.from('GIF89a').toString('base64') }).success,
    ).toBe(false)
    expect(schema.safeParse({ name: 'x', pngBase64: 'not base64!' }).success).toBe(false)
    expect(schema.safeParse({ name: 'x', pngBase64: tooBig }).success).toBe(false)
    expect(schema.safeParse({ name: 'x', pngBase64: png, path: '/etc' }).success).toBe(false)
  })

  it('writes the decoded picture to the path the accountant chose', async () => {
    const path = join(dir, 'chart.png')

    const outcome = await exportChartImage(exportServiceSavingTo(path), {
      name: 'Large Co pay per run',
      pngBase64: onePixelPng().toString('base64'),
    })

    expect(outcome).toEqual({ outcome: 'saved', fileName: 'chart.png', rowCount: 0 })
    expect(readFileSync(path)).toEqual(onePixelPng())
  })

  it('refuses a signature with nothing behind it', async () => {
    const signatureOnly = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

    await expect(
      exportChartImage(exportServiceSavingTo(join(dir, 'x.png')), {
        name: 'x',
        pngBase64: signatureOnly.toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('names the file after the chart and the day, without path or control characters', () => {
    const day = new Date('2026-12-04T10:00:00Z')

    expect(chartFileName('Large Co pay per run', day)).toBe('Large Co pay per run 2026-12-04.png')
    expect(chartFileName('../../etc/passwd\u0000', day)).toBe('etc passwd 2026-12-04.png')
    expect(chartFileName('///', day)).toBe('Chart 2026-12-04.png')
  })
})
