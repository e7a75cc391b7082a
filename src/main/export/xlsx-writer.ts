/**
 * Writes an export as an XLSX workbook, streamed row by row with ExcelJS. Every text cell is a
 * plain shared string, never a formula, and is neutralized as in CSV so it stays inert even if
 * copied into a cell that evaluates; money is a number in dollars with a currency format.
 */
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { neutralizeText } from './cell-neutralization'
import type { ExportColumn, ExportColumnKind, ExportSheet, ExportValue } from './export-columns'
import { centsToDecimal, isoDay, roundHours } from './export-columns'

/** Excel's limit on the characters in one cell; longer text would corrupt the workbook. */
const MAX_CELL_CHARACTERS = 32_767

/** Characters XML 1.0 cannot carry at all; one of them would make the file unreadable. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const NUMBER_FORMATS: Partial<Record<ExportColumnKind, string>> = {
  cents: '"$"#,##0.00;-"$"#,##0.00',
  integer: '0',
  hours: '0.00',
  date: 'yyyy-mm-dd',
}

/** Writes every batch, ends the stream and returns how many data rows were written. */
export async function writeXlsx<Row>(sheet: ExportSheet<Row>, target: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: target,
    useSharedStrings: true,
    useStyles: true,
  })
  workbook.creator = 'Payroll Desk'
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  worksheet.columns = sheet.columns.map((column) => ({
    width: column.width ?? 20,
    ...(NUMBER_FORMATS[column.kind] ? { style: { numFmt: NUMBER_FORMATS[column.kind] } } : {}),
  }))

  const header = worksheet.addRow(sheet.columns.map((column) => xlsxText(column.header)))
  header.font = { bold: true }
  header.commit()

  let rowCount = 0
  for (const batch of sheet.batches) {
    for (const row of batch) {
      worksheet.addRow(sheet.columns.map((column) => xlsxCell(column, row))).commit()
    }
    rowCount += batch.length
  }

  worksheet.commit()
  await workbook.commit()
  return rowCount
}

/** A cell's value: a number, a date or plain text; never an object ExcelJS would read as a formula. */
export function xlsxCell<Row>(column: ExportColumn<Row>, row: Row): string | number | Date | null {
  const value: ExportValue = column.value(row)
  if (value === null) return null

  switch (column.kind) {
    case 'cents':
      return typeof value === 'number' ? Number(centsToDecimal(value)) : xlsxText(String(value))
    case 'integer':
      return typeof value === 'number' ? value : xlsxText(String(value))
    case 'hours':
      return typeof value === 'number' ? roundHours(value) : xlsxText(String(value))
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : xlsxText(String(value))
    case 'date': {
      const day = isoDay(String(value))
      return day ? new Date(`${day}T00:00:00Z`) : xlsxText(String(value))
    }
    case 'text':
      return xlsxText(String(value))
  }
}

/**
 * Neutralized first, so a leading carriage return still earns its quote; then line ends become
 * line feeds, which is how a cell holds a line break (XML readers would turn a bare CR into one
 * anyway).
 */
function xlsxText(text: string): string {
  return neutralizeText(text.replace(XML_ILLEGAL, ''))
    .replace(/\r\n?/g, '\n')
    .slice(0, MAX_CELL_CHARACTERS)
}

/** Sheet names are at most 31 characters and cannot hold `: \ / ? * [ ]`. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Export'
}
