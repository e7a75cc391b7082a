/**
 * Writes an export as CSV (RFC 4180): a UTF-8 byte-order mark so Excel reads non-Latin names
 * correctly, CRLF line ends, fields quoted when they hold a comma, quote or line break, or a
 * semicolon or tab (the separators Excel uses in other locales, which would otherwise split a
 * field and start a new, unneutralized cell). Text is neutralized against formula injection;
 * money is a plain decimal such as `-1234.50`.
 */
import type { Writable } from 'node:stream'
import { neutralizeText } from './cell-neutralization'
import type { ExportColumn, ExportSheet, ExportValue } from './export-columns'
import { centsToDecimal, isoDay, roundHours } from './export-columns'

const BYTE_ORDER_MARK = '\uFEFF'
const NEEDS_QUOTES = /[",;\t\r\n]/

/** Writes every batch, ends the stream and returns how many data rows were written. */
export async function writeCsv<Row>(sheet: ExportSheet<Row>, target: Writable): Promise<number> {
  let rowCount = 0
  const header = sheet.columns.map((column) => quoteField(neutralizeText(column.header)))
  await write(target, BYTE_ORDER_MARK + csvLine(header))

  for (const batch of sheet.batches) {
    const lines = batch.map((row) =>
      csvLine(sheet.columns.map((column) => quoteField(csvCell(column, row)))),
    )
    rowCount += batch.length
    await write(target, lines.join(''))
  }

  await new Promise<void>((resolve, reject) => {
    target.once('error', reject)
    target.end(resolve)
  })
  return rowCount
}

/** Quotes a field that holds a separator, a double quote or a line break; doubles its quotes. */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A cell's text before quoting. Only text is neutralized: a negative amount such as `-12.50` is
 * a number to a spreadsheet, not a formula, and must stay one.
 */
export function csvCell<Row>(column: ExportColumn<Row>, row: Row): string {
  const value: ExportValue = column.value(row)
  if (value === null) return ''

  switch (column.kind) {
    case 'cents':
      return typeof value === 'number' ? centsToDecimal(value) : neutralizeText(String(value))
    case 'integer':
      return typeof value === 'number' ? String(value) : neutralizeText(String(value))
    case 'hours':
      return typeof value === 'number' ? String(roundHours(value)) : neutralizeText(String(value))
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : neutralizeText(String(value))
    case 'date':
      return isoDay(String(value)) ?? neutralizeText(String(value))
    case 'text':
      return neutralizeText(String(value))
  }
}

function csvLine(fields: string[]): string {
  return fields.join(',') + '\r\n'
}

/** Writes and waits for the stream to drain when its buffer is full. */
function write(target: Writable, chunk: string): Promise<void> {
  if (target.write(chunk, 'utf8')) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      target.off('drain', onDrain)
      reject(error)
    }
    const onDrain = () => {
      target.off('error', onError)
      resolve()
    }
    target.once('drain', onDrain)
    target.once('error', onError)
  })
}
