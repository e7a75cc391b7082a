/**
 * The accountant checks as a printable PDF, drawn in main with pdf-lib: every finding, then the
 * cash requirement per pay run. The standard Helvetica font only knows Windows-1252, so text
 * from the provider is reduced to characters it can draw.
 */
import type { PDFFont, PDFPage } from 'pdf-lib'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import { COMPANY_DEBIT_RULE, GROSS_TO_NET_RULE } from '../../shared/checks'
import type { CacheDatabase } from '../cache/open-database'
import { centsToDecimal } from '../export/export-columns'
import { suggestedFileName } from '../export/export-file-name'
import { checkFindings } from './check-export-sheets'
import { readReconciliation } from './reconciliation-checks'

const PAGE_WIDTH = 842 // A4 landscape, in points
const PAGE_HEIGHT = 595
const MARGIN = 36
const LINE_HEIGHT = 13
const FONT_SIZE = 8.5

export type Cell = { text: string; width: number; right?: boolean }

/** A4 landscape, in points. */
export const A4_LANDSCAPE: [number, number] = [PAGE_WIDTH, PAGE_HEIGHT]

/** Characters Helvetica's encoding lacks become their nearest ASCII or a question mark. */
export function printable(text: string): string {
  return text
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '?')
}

export function money(cents: number | null): string {
  return cents === null ? '-' : centsToDecimal(cents)
}

/** Draws headings, notes and table rows down the page, starting a new page when one is full. */
export class PdfWriter {
  private page: PDFPage
  private y: number

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly pageSize: [number, number] = A4_LANDSCAPE,
    private readonly fontSize = FONT_SIZE,
  ) {
    this.page = doc.addPage(pageSize)
    this.y = pageSize[1] - MARGIN
  }

  heading(text: string, size = 13): void {
    this.ensure(size + LINE_HEIGHT)
    this.y -= size + 4
    this.page.drawText(printable(text), { x: MARGIN, y: this.y, size, font: this.bold })
    this.y -= 6
  }

  note(text: string): void {
    this.ensure(LINE_HEIGHT)
    this.y -= LINE_HEIGHT
    this.page.drawText(printable(text), {
      x: MARGIN,
      y: this.y,
      size: this.fontSize,
      font: this.font,
      color: rgb(0.3, 0.3, 0.3),
    })
  }

  row(cells: Cell[], header = false): void {
    this.ensure(LINE_HEIGHT)
    this.y -= LINE_HEIGHT
    let x = MARGIN
    const font = header ? this.bold : this.font
    for (const cell of cells) {
      const text = this.fit(printable(cell.text), cell.width - 4, font)
      const textWidth = font.widthOfTextAtSize(text, this.fontSize)
      const at = cell.right ? x + cell.width - 4 - textWidth : x
      this.page.drawText(text, { x: at, y: this.y, size: this.fontSize, font })
      x += cell.width
    }
  }

  gap(): void {
    this.y -= LINE_HEIGHT
  }

  private fit(text: string, width: number, font: PDFFont): string {
    if (font.widthOfTextAtSize(text, this.fontSize) <= width) return text
    // No Helvetica glyph is narrower than 0.18 of the font size, so nothing past this many
    // characters can fit; cutting there first keeps a 5,000-character name from being measured
    // thousands of times.
    let cut = text.slice(0, Math.ceil(width / (this.fontSize * 0.18)))
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, this.fontSize) > width) {
      cut = cut.slice(0, -1)
    }
    return `${cut}...`
  }

  private ensure(height: number): void {
    if (this.y - height >= MARGIN) return
    this.page = this.doc.addPage(this.pageSize)
    this.y = this.pageSize[1] - MARGIN
  }
}

export async function buildChecksPdf(
  db: CacheDatabase,
  connectionId: string,
  companyName: string,
  date: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(printable(`${companyName}: accountant checks`))
  doc.setCreator('Payroll Desk')
  const writer = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  )

  writer.heading(`${companyName}: accountant checks, ${date.toISOString().slice(0, 10)}`, 15)
  writer.note(`${GROSS_TO_NET_RULE}. ${COMPANY_DEBIT_RULE}.`)
  writer.gap()

  const findings = checkFindings(db, connectionId)
  writer.heading(`Findings (${findings.length})`)
  const findingWidths = [120, 62, 150, 120, 80, 70, 70, 70]
  writer.row(
    ['Check', 'Pay date', 'Payment ID', 'Person', 'Figure', 'Expected', 'Actual', 'Difference'].map(
      (text, i) => ({ text, width: findingWidths[i]!, right: i >= 5 }),
    ),
    true,
  )
  if (findings.length === 0) writer.note('Nothing to report: every check passed.')
  for (const finding of findings) {
    writer.row(
      [
        finding.check,
        finding.payDate ?? '-',
        finding.paymentId ?? '-',
        finding.person ?? '-',
        finding.figure ?? '-',
        money(finding.expectedCents),
        money(finding.actualCents),
        money(finding.differenceCents),
      ].map((text, i) => ({ text, width: findingWidths[i]!, right: i >= 5 })),
    )
  }
  writer.gap()

  const cash = readReconciliation(db, connectionId).cashRequirements
  writer.heading('Cash requirement per pay run')
  writer.note('Cash required = net pay + employee taxes + employer taxes + employer contributions.')
  const cashWidths = [70, 90, 90, 90, 100, 90, 90, 90]
  writer.row(
    [
      'Pay date',
      'Net pay',
      'Employee taxes',
      'Employer taxes',
      'Employer contrib.',
      'Cash required',
      'Company debit',
      'Outside debit',
    ].map((text, i) => ({ text, width: cashWidths[i]!, right: i >= 1 })),
    true,
  )
  for (const run of cash) {
    writer.row(
      [
        run.payDate ?? '-',
        money(run.netPayCents),
        money(run.employeeTaxesCents),
        money(run.employerTaxesCents),
        money(run.employerContributionsCents),
        money(run.cashRequiredCents),
        money(run.companyDebitCents),
        money(run.outsideDebitCents),
      ].map((text, i) => ({ text, width: cashWidths[i]!, right: i >= 1 })),
    )
  }

  return doc.save()
}

/** `Harbor Line Logistics checks 2026-11-30.pdf`, made safe the way table exports are. */
export function checksPdfFileName(companyName: string, date: Date): string {
  return suggestedFileName(
    companyName,
    { subject: ['checks', date.toISOString().slice(0, 10)] },
    'pdf',
  )
}
