import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { YtdQueries } from '../../../../src/main/review/ytd-queries'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

describe('YtdQueries', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let queries: YtdQueries

  beforeEach(() => {
    fixture = openPayrollFixture()
    queries = new YtdQueries(fixture.db)
  })
  afterEach(() => fixture.close())

  it('sums the year’s statements by pay date: gross, each tax, pre-tax deductions and net', () => {
    const summary = queries.summary({ connectionId: CONNECTION, year: 2025 })

    expect(summary).toEqual({
      year: 2025,
      paymentCount: 1,
      statementCount: 2,
      grossPayCents: 600_001,
      employeeTaxesCents: 104_800,
      employerTaxesCents: 12_400,
      preTaxDeductionsCents: 25_200,
      netPayCents: 450_000,
      lines: [
        { kind: 'tax', label: 'Federal Income Tax', totalCents: 80_000 },
        { kind: 'tax', label: 'Social Security', totalCents: 24_800 },
        { kind: 'employer_tax', label: 'Social Security', totalCents: 12_400 },
        { kind: 'pre_tax_deduction', label: '401k', totalCents: 25_200 },
      ],
    })
  })

  it('leaves out payments paid in another year', () => {
    const summary = queries.summary({ connectionId: CONNECTION, year: 2024 })

    expect(summary).toMatchObject({ paymentCount: 0, statementCount: 0, grossPayCents: 0 })
  })

  it('narrows to one person, and agrees with the per-person list', () => {
    const ben = queries.summary({ connectionId: CONNECTION, year: 2025, individualId: 'ben' })
    const people = queries.people({ connectionId: CONNECTION, year: 2025, offset: 0, limit: 10 })

    expect(ben).toMatchObject({
      individualId: 'ben',
      grossPayCents: 200_001,
      employeeTaxesCents: 30_000,
      employerTaxesCents: 12_400,
      preTaxDeductionsCents: 0,
      netPayCents: 150_000,
    })
    expect(people.total).toBe(2)
    // By last name as stored: `<b>Baker</b>` sorts before `Able`.
    expect(people.rows).toEqual([
      {
        individualId: 'ben',
        personName: 'Ben <b>Baker</b>',
        statementCount: 1,
        grossPayCents: 200_001,
        employeeTaxesCents: 30_000,
        preTaxDeductionsCents: 0,
        netPayCents: 150_000,
      },
      {
        individualId: 'ann',
        personName: 'Ann Able',
        statementCount: 1,
        grossPayCents: 400_000,
        employeeTaxesCents: 74_800,
        preTaxDeductionsCents: 25_200,
        netPayCents: 300_000,
      },
    ])
  })
})
