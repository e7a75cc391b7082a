import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib'
import type { PDFRef } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildChecksPdf, printable } from '../../../../src/main/checks/checks-pdf'
import { buildYearEndPdf } from '../../../../src/main/checks/year-end-export'
import type { PayrollFixture } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

/** The first page's drawing operators, inflated: pdf-lib compresses content streams. */
function pageOperators(doc: PDFDocument): string {
  const contents = doc.getPage(0).node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents]
  return streams
    .map((ref) => doc.context.lookup(ref as PDFRef) ?? ref)
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => inflateSync(stream.contents).toString('latin1'))
    .join('\n')
}

/** Standard-font text is drawn from hex strings; this finds one among the operators. */
function drawsText(operators: string, text: string): boolean {
  return operators.includes(`<${Buffer.from(text, 'latin1').toString('hex').toUpperCase()}>`)
}

describe('buildChecksPdf', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      statements: [
        {
          individualId: 'ann',
          grossPayCents: 100_000,
          netPayCents: 85_001,
          lines: [{ kind: 'tax', type: 'federal', amountCents: 15_000, employer: false }],
        },
      ],
    })
  })
  afterEach(() => fixture.close())

  it('draws each finding and run with exact amounts on an A4 landscape page', async () => {
    const bytes = await buildChecksPdf(
      fixture.db,
      CONNECTION,
      'Acme Bakery LLC',
      new Date('2026-12-04T12:00:00Z'),
    )
    const doc = await PDFDocument.load(bytes)
    const operators = pageOperators(doc)

    expect(doc.getPageCount()).toBe(1)
    expect(doc.getPage(0).getSize()).toEqual({ width: 842, height: 595 })
    expect(doc.getTitle()).toBe('Acme Bakery LLC: accountant checks')
    expect(drawsText(operators, 'Ann Ash')).toBe(true)
    expect(drawsText(operators, '850.00')).toBe(true)
    expect(drawsText(operators, '850.01')).toBe(true)
    expect(drawsText(operators, '0.01')).toBe(true)
  })

  it('reduces text Helvetica cannot draw to characters it can', () => {
    expect(printable('Gross − taxes’ “net” 😀 Zoë')).toBe('Gross - taxes\' "net" ?? Zoë')
  })
})

describe('buildYearEndPdf', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
    fixture.addPerson('bob', 'Bob', 'Birch')
    const statement = (individualId: string, grossPayCents: number) => ({
      individualId,
      grossPayCents,
      netPayCents: grossPayCents - 1_000,
      lines: [
        { kind: 'tax' as const, type: 'fica', amountCents: 1_000, employer: false },
        { kind: 'tax' as const, type: 'fica', amountCents: 1_000, employer: true },
      ],
    })
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-03-13',
      statements: [statement('ann', 100_000), statement('bob', 50_000)],
    })
    fixture.addPayment({
      paymentId: 'pay-0',
      payDate: '2025-12-31',
      statements: [statement('ann', 999_999)],
    })
  })
  afterEach(() => fixture.close())

  it('draws every person of the year and the company total on an A3 landscape page', async () => {
    const bytes = await buildYearEndPdf(
      fixture.db,
      CONNECTION,
      'Acme Bakery LLC',
      2026,
      new Date('2026-12-04T12:00:00Z'),
    )
    const doc = await PDFDocument.load(bytes)
    const operators = pageOperators(doc)

    expect(doc.getPage(0).getSize()).toEqual({ width: 1191, height: 842 })
    expect(doc.getTitle()).toBe('Acme Bakery LLC: year-end summary 2026')
    expect(drawsText(operators, 'Ash, Ann')).toBe(true)
    expect(drawsText(operators, 'Birch, Bob')).toBe(true)
    expect(drawsText(operators, 'Company total')).toBe(true)
    expect(drawsText(operators, '1500.00')).toBe(true)
    expect(drawsText(operators, '20.00')).toBe(true)
    expect(drawsText(operators, '9999.99')).toBe(false)
  })
})
