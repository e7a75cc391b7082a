/**
 * The year-end summary as a file: CSV or Excel through the table writers, or a PDF drawn with
 * the checks' PDF writer. Every person's row comes first and the company's total last, the same
 * figures the checks page shows. The file is built in memory and then saved or offered for
 * download like any other export, and the export is recorded in the audit trail.
 */
import { PassThrough } from 'node:stream'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { TaxType, YearEndFigures, YearEndFormat } from '../../shared/checks'
import { TAX_TYPES } from '../../shared/checks'
import type { ExportOutcome } from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'
import { writeCsv } from '../export/csv-writer'
import type { ExportColumn, ExportSheet } from '../export/export-columns'
import type { ExportService, SaveFileFilter } from '../export/export-service'
import { suggestedFileName } from '../export/export-file-name'
import { writeXlsx } from '../export/xlsx-writer'
import { recordAuditEvent } from '../review/audit-trail'
import type { Cell } from './checks-pdf'
import { PdfWriter, money, printable } from './checks-pdf'
import { readYearEndPage, yearEndBatches } from './year-end-summary'

/** One line of the export: a person, or the company's total with no id. */
export interface YearEndLine extends YearEndFigures {
  individualId: string | null
  personName: string
}

export const TAX_TYPE_NAMES: Record<TaxType, string> = {
  federal: 'Federal',
  fica: 'Social Security & Medicare',
  state: 'State',
  local: 'Local',
  other: 'Other',
}

const centsColumn = (
  header: string,
  value: (row: YearEndLine) => number,
): ExportColumn<YearEndLine> => ({
  header,
  kind: 'cents',
  value,
  width: 16,
})

const YEAR_END_COLUMNS: ExportColumn<YearEndLine>[] = [
  { header: 'Person', kind: 'text', value: (row) => row.personName, width: 28 },
  { header: 'Individual ID', kind: 'text', value: (row) => row.individualId, width: 38 },
  { header: 'Statements', kind: 'integer', value: (row) => row.statementCount, width: 10 },
  centsColumn('Gross pay', (row) => row.grossPayCents),
  ...TAX_TYPES.map((type) =>
    centsColumn(`Employee tax: ${TAX_TYPE_NAMES[type]}`, (row) => row.employeeTaxCents[type]),
  ),
  centsColumn('Employee taxes', (row) => row.employeeTaxesCents),
  centsColumn('Pre-tax deductions', (row) => row.preTaxDeductionsCents),
  centsColumn('Post-tax deductions', (row) => row.postTaxDeductionsCents),
  centsColumn('Net pay', (row) => row.netPayCents),
  centsColumn('Employer contributions', (row) => row.employerContributionsCents),
  ...TAX_TYPES.map((type) =>
    centsColumn(`Employer tax: ${TAX_TYPE_NAMES[type]}`, (row) => row.employerTaxCents[type]),
  ),
  centsColumn('Employer taxes', (row) => row.employerTaxesCents),
  {
    header: 'Statements lacking gross or net',
    kind: 'integer',
    value: (row) => row.incompleteStatementCount,
    width: 12,
  },
]

export function yearEndSheet(
  db: CacheDatabase,
  connectionId: string,
  year: number,
): ExportSheet<YearEndLine> {
  return {
    name: `Year-end ${year}`,
    columns: YEAR_END_COLUMNS,
    batches: yearEndLines(db, connectionId, year),
  }
}

function* yearEndLines(
  db: CacheDatabase,
  connectionId: string,
  year: number,
): Generator<YearEndLine[]> {
  for (const batch of yearEndBatches(db, connectionId, year)) {
    yield batch.map((row) => ({ ...row, personName: row.personName ?? 'Unnamed person' }))
  }
  const { totals } = readYearEndPage(db, { connectionId, year, offset: 0, limit: 1 })
  yield [{ ...totals, individualId: null, personName: 'Company total' }]
}

/** A3 landscape, in points: wide enough for every column of the year at a readable size. */
const A3_LANDSCAPE: [number, number] = [1191, 842]

export async function buildYearEndPdf(
  db: CacheDatabase,
  connectionId: string,
  companyName: string,
  year: number,
  date: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(printable(`${companyName}: year-end summary ${year}`))
  doc.setCreator('Payroll Desk')
  const writer = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    A3_LANDSCAPE,
    7.5,
  )

  writer.heading(`${companyName}: year-end summary ${year}, ${date.toISOString().slice(0, 10)}`, 15)
  writer.note(
    `Payments with a pay date in ${year} and their statements. Employee taxes are withheld from ` +
      'pay; pre-tax deductions are those the provider marks pre-tax. Amounts in dollars.',
  )
  writer.gap()

  const headers = [
    'Person',
    'Gross pay',
    ...TAX_TYPES.map((type) => `EE ${shortTax(type)}`),
    'Pre-tax ded.',
    'Post-tax ded.',
    'Net pay',
    'ER contrib.',
    ...TAX_TYPES.map((type) => `ER ${shortTax(type)}`),
  ]
  const widths = [150, ...headers.slice(1).map(() => 58)]
  const cells = (texts: string[]): Cell[] =>
    texts.map((text, i) => ({ text, width: widths[i]!, right: i > 0 }))
  writer.row(cells(headers), true)
  for (const batch of yearEndLines(db, connectionId, year)) {
    for (const line of batch) {
      writer.row(
        cells([
          line.personName,
          money(line.grossPayCents),
          ...TAX_TYPES.map((type) => money(line.employeeTaxCents[type])),
          money(line.preTaxDeductionsCents),
          money(line.postTaxDeductionsCents),
          money(line.netPayCents),
          money(line.employerContributionsCents),
          ...TAX_TYPES.map((type) => money(line.employerTaxCents[type])),
        ]),
        line.individualId === null,
      )
    }
  }
  writer.gap()
  writer.note(
    'EE: withheld from the employee. ER: paid by the employer. Tax columns: federal, Social ' +
      'Security & Medicare (FICA), state, local, and any other type.',
  )
  return doc.save()
}

function shortTax(type: TaxType): string {
  return type === 'fica' ? 'FICA' : TAX_TYPE_NAMES[type]
}

const CONTENT: Record<YearEndFormat, { type: string; filter: SaveFileFilter }> = {
  csv: {
    type: 'text/csv; charset=utf-8',
    filter: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filter: { name: 'Excel workbook', extensions: ['xlsx'] },
  },
  pdf: { type: 'application/pdf', filter: { name: 'PDF document', extensions: ['pdf'] } },
}

/** The whole file's bytes in one of the three formats, and how many people it lists. */
export async function buildYearEndFile(
  db: CacheDatabase,
  request: { connectionId: string; year: number; format: YearEndFormat },
  companyName: string,
  date: Date,
): Promise<Uint8Array> {
  if (request.format === 'pdf') {
    return buildYearEndPdf(db, request.connectionId, companyName, request.year, date)
  }
  const sheet = yearEndSheet(db, request.connectionId, request.year)
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    sink.once('end', resolve)
    sink.once('error', reject)
  })
  await (request.format === 'csv' ? writeCsv(sheet, sink) : writeXlsx(sheet, sink))
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}

/** `Larkspur Moving year-end 2026 2026-12-04.csv`, made safe the way table exports are. */
export function yearEndFileName(
  companyName: string,
  year: number,
  format: YearEndFormat,
  date: Date,
): string {
  return suggestedFileName(
    companyName,
    { subject: ['year-end', String(year), date.toISOString().slice(0, 10)] },
    format,
  )
}

export async function exportYearEnd(
  exports: ExportService,
  db: CacheDatabase,
  request: { connectionId: string; year: number; format: YearEndFormat },
  companyName: string,
): Promise<ExportOutcome> {
  const date = new Date()
  const outcome = await exports.exportFile({
    fileName: yearEndFileName(companyName, request.year, request.format, date),
    contentType: CONTENT[request.format].type,
    filter: CONTENT[request.format].filter,
    bytes: await buildYearEndFile(db, request, companyName, date),
  })
  if (outcome.outcome !== 'cancelled') {
    recordAuditEvent(db, {
      action: 'export',
      connectionId: request.connectionId,
      subject: 'year_end',
      detail: { format: request.format, year: request.year },
    })
  }
  return outcome
}
