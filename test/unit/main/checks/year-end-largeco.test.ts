/**
 * The year-end summary of the sandbox's largeco, synced over HTTP into a real cache, against
 * totals worked out straight from the sandbox's own data: two years of pay for about 120 people,
 * with bonuses, severance, a reversal and nulls where providers leave gaps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import { buildYearEndFile } from '../../../../src/main/checks/year-end-export'
import { addFigures, readYearEndPage } from '../../../../src/main/checks/year-end-summary'
import type { TaxType, YearEndFigures, YearEndPerson } from '../../../../src/shared/checks'
import { TAX_TYPES } from '../../../../src/shared/checks'
import { createScenario } from '../../../../src/sandbox/data'
import type { SyncHarness } from '../../../integration/sync/sync-harness'
import { startSyncHarness } from '../../../integration/sync/sync-harness'

const YEAR = 2025

function taxType(type: string | null | undefined): TaxType {
  return (TAX_TYPES as readonly string[]).includes(type ?? '') && type !== 'other'
    ? (type as TaxType)
    : 'other'
}

/** The year's totals summed in plain TypeScript from the generator's statements. */
function expectedTotals(
  year: number,
  scenario: 'largeco' | 'hostile' = 'largeco',
): { people: number; figures: YearEndFigures } {
  const dataset = createScenario(scenario)
  const zeroTaxes = () => ({ federal: 0, fica: 0, state: 0, local: 0, other: 0 })
  const figures: YearEndFigures = {
    statementCount: 0,
    incompleteStatementCount: 0,
    grossPayCents: 0,
    employeeTaxCents: zeroTaxes(),
    employeeTaxesCents: 0,
    preTaxDeductionsCents: 0,
    postTaxDeductionsCents: 0,
    employerContributionsCents: 0,
    employerTaxCents: zeroTaxes(),
    employerTaxesCents: 0,
    netPayCents: 0,
  }
  const people = new Set<string>()
  const payments = dataset.payments.filter((payment) =>
    (payment.pay_date ?? '').startsWith(`${year}-`),
  )
  for (const payment of payments) {
    for (const statement of dataset.payStatements(payment.id) as PayStatement[]) {
      people.add(statement.individual_id!)
      figures.statementCount += 1
      const gross = statement.gross_pay?.amount ?? null
      const net = statement.net_pay?.amount ?? null
      if (gross === null || net === null) figures.incompleteStatementCount += 1
      figures.grossPayCents += gross ?? 0
      figures.netPayCents += net ?? 0
      for (const tax of statement.taxes ?? []) {
        if (!tax) continue
        const side = tax.employer === true ? figures.employerTaxCents : figures.employeeTaxCents
        side[taxType(tax.type)] += tax.amount ?? 0
      }
      for (const deduction of statement.employee_deductions ?? []) {
        if (!deduction) continue
        if (deduction.pre_tax === true) figures.preTaxDeductionsCents += deduction.amount ?? 0
        else figures.postTaxDeductionsCents += deduction.amount ?? 0
      }
      for (const contribution of statement.employer_contributions ?? []) {
        figures.employerContributionsCents += contribution?.amount ?? 0
      }
    }
  }
  const sum = (cents: Record<TaxType, number>) => TAX_TYPES.reduce((t, k) => t + cents[k], 0)
  figures.employeeTaxesCents = sum(figures.employeeTaxCents)
  figures.employerTaxesCents = sum(figures.employerTaxCents)
  return { people: people.size, figures }
}

describe('the year-end summary of largeco', () => {
  let harness: SyncHarness

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'largeco' })
    await harness.sync.sync(harness.connectionId)
  }, 180_000)

  afterAll(() => harness.close())

  it('has company totals equal to the generator’s own sums and to the sum of every row', () => {
    const expected = expectedTotals(YEAR)
    const rows: YearEndPerson[] = []
    let totals: YearEndFigures | undefined
    for (let offset = 0; ; offset += 25) {
      const page = readYearEndPage(harness.cache.database, {
        connectionId: harness.connectionId,
        year: YEAR,
        offset,
        limit: 25,
      })
      totals = page.totals
      rows.push(...page.rows)
      if (page.rows.length < 25) break
    }

    expect(totals).toEqual(expected.figures)
    expect(rows).toHaveLength(expected.people)
    expect(new Set(rows.map((row) => row.individualId)).size).toBe(rows.length)
    expect(
      addFigures(rows.map(({ individualId: _id, personName: _name, ...figures }) => figures)),
    ).toEqual(totals)
    expect(totals!.grossPayCents).toBeGreaterThan(0)
    expect(totals!.employeeTaxCents.fica).toBeGreaterThan(0)
    expect(totals!.employerContributionsCents).toBeGreaterThan(0)
  })

  it('exports every person and the company total as CSV, in exact decimals', async () => {
    const page = readYearEndPage(harness.cache.database, {
      connectionId: harness.connectionId,
      year: YEAR,
      offset: 0,
      limit: 1,
    })

    const bytes = await buildYearEndFile(
      harness.cache.database,
      { connectionId: harness.connectionId, year: YEAR, format: 'csv' },
      'Harborline Outfitters, Inc.',
      new Date('2026-12-04T12:00:00Z'),
    )

    const lines = Buffer.from(bytes).toString('utf8').trim().split('\r\n')
    expect(lines).toHaveLength(1 + page.total + 1)
    expect(lines[0]).toContain('Employee tax: Social Security & Medicare')
    const last = lines.at(-1)!.split(',')
    expect(last[0]).toBe('Company total')
    const gross = page.totals.grossPayCents
    expect(last[3]).toBe(`${Math.trunc(gross / 100)}.${String(gross % 100).padStart(2, '0')}`)
  })

  it('draws the same summary as a PDF and as an Excel workbook', async () => {
    const request = { connectionId: harness.connectionId, year: YEAR }
    const date = new Date('2026-12-04T12:00:00Z')

    const pdf = await buildYearEndFile(
      harness.cache.database,
      { ...request, format: 'pdf' },
      'Harborline',
      date,
    )
    const xlsx = await buildYearEndFile(
      harness.cache.database,
      { ...request, format: 'xlsx' },
      'Harborline',
      date,
    )

    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(Buffer.from(xlsx.subarray(0, 2)).toString('latin1')).toBe('PK')
  })
})

describe('the year-end summary of the hostile company', () => {
  let harness: SyncHarness

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'hostile' })
    await harness.sync.sync(harness.connectionId)
  }, 180_000)

  afterAll(() => harness.close())

  it('adds up despite null entries and unknown types, and exports every format', async () => {
    const year = 2026
    const page = readYearEndPage(harness.cache.database, {
      connectionId: harness.connectionId,
      year,
      offset: 0,
      limit: 500,
    })
    const files = await Promise.all(
      (['csv', 'xlsx', 'pdf'] as const).map((format) =>
        buildYearEndFile(
          harness.cache.database,
          { connectionId: harness.connectionId, year, format },
          '=HYPERLINK("x")',
          new Date('2026-12-04T12:00:00Z'),
        ),
      ),
    )

    expect(page.totals).toEqual(expectedTotals(year, 'hostile').figures)
    const csv = Buffer.from(files[0]!).toString('utf8')
    expect(csv.split('\r\n').filter((line) => /^[=+@-]/.test(line))).toEqual([])
    expect(Buffer.from(files[2]!.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  }, 60_000)
})
