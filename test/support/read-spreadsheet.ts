/**
 * Reads an exported file back as a spreadsheet program would: the first sheet of an XLSX, or a
 * CSV with its strings kept as written (a reader that typed them would hide what was written),
 * and every cell that holds a formula, which no export may contain.
 */
import ExcelJS from 'exceljs'

export async function readSpreadsheet(
  bytes: Buffer,
  format: 'csv' | 'xlsx',
): Promise<{ rows: unknown[][]; formulaCells: string[] }> {
  const workbook = new ExcelJS.Workbook()
  let sheet: ExcelJS.Worksheet
  if (format === 'xlsx') {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    sheet = workbook.worksheets[0] as ExcelJS.Worksheet
  } else {
    const { Readable } = await import('node:stream')
    // Strings stay strings: a spreadsheet that typed them would only hide what was written.
    sheet = await workbook.csv.read(Readable.from(bytes.toString('utf8').replace(/^\uFEFF/, '')), {
      map: (value: string) => value,
    } as never)
  }

  const rows: unknown[][] = []
  const formulaCells: string[] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined) {
        formulaCells.push(cell.address)
      }
      values[column - 1] = cell.value
    })
    rows.push(values)
  })
  return { rows, formulaCells }
}
