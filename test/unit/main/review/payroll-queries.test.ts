import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PayrollReviewQueries } from '../../../../src/main/review/payroll-queries'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

describe('PayrollReviewQueries', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let queries: PayrollReviewQueries

  beforeEach(() => {
    fixture = openPayrollFixture()
    queries = new PayrollReviewQueries(fixture.db)
  })
  afterEach(() => fixture.close())

  it('lists pay runs newest first within the date range and pay group', () => {
    const all = queries.payRuns({ connectionId: CONNECTION, offset: 0, limit: 10 })
    const january = queries.payRuns({
      connectionId: CONNECTION,
      from: '2025-01-01',
      to: '2025-01-31',
      offset: 0,
      limit: 10,
    })
    const semimonthly = queries.payRuns({
      connectionId: CONNECTION,
      payGroupId: 'semimonthly',
      offset: 0,
      limit: 10,
    })

    expect(all.rows.map((run) => run.paymentId)).toEqual(['pay-feb', 'pay-jan', 'pay-dec'])
    expect(january.total).toBe(1)
    expect(january.rows[0]).toMatchObject({
      grossPayCents: 600_001,
      employeeTaxesCents: 104_800,
      employerTaxesCents: 12_400,
      netPayCents: 450_000,
      companyDebitCents: 700_000,
      individualCount: 2,
    })
    expect(semimonthly.rows.map((run) => run.paymentId)).toEqual(['pay-dec'])
  })

  it('discovers the register columns from the run and sums them exactly', () => {
    const summary = queries.registerSummary(CONNECTION, 'pay-jan')

    expect(summary?.columns).toEqual([
      { kind: 'tax', label: 'Federal Income Tax', totalCents: 80_000 },
      { kind: 'tax', label: 'Social Security', totalCents: 24_800 },
      { kind: 'employer_tax', label: 'Social Security', totalCents: 12_400 },
      { kind: 'employee_deduction', label: '401k', totalCents: 25_200 },
      { kind: 'employee_deduction', label: 'pet_insurance_v2', totalCents: 7_601 },
      { kind: 'employer_contribution', label: '401k Match', totalCents: 12_000 },
    ])
    expect(summary).toMatchObject({ statementCount: 2, totalHours: 160, grossPayCents: 600_001 })
  })

  it('reconciles the statements against the payment’s own totals and flags a difference', () => {
    const summary = queries.registerSummary(CONNECTION, 'pay-jan')

    expect(summary?.reconciliation).toEqual([
      { field: 'gross', paymentCents: 600_001, registerCents: 600_001, differs: false },
      { field: 'employee_taxes', paymentCents: 104_800, registerCents: 104_800, differs: false },
      { field: 'employer_taxes', paymentCents: 12_400, registerCents: 12_400, differs: false },
      { field: 'net', paymentCents: 450_000, registerCents: 450_000, differs: false },
    ])
    expect(queries.registerSummary(CONNECTION, 'pay-feb')?.reconciliation[0]).toEqual({
      field: 'gross',
      paymentCents: 2,
      registerCents: 0,
      differs: true,
    })
  })

  it('serves register rows a window at a time with amounts aligned to the columns', () => {
    const first = queries.registerPage({
      connectionId: CONNECTION,
      paymentId: 'pay-jan',
      offset: 0,
      limit: 1,
    })
    const second = queries.registerPage({
      connectionId: CONNECTION,
      paymentId: 'pay-jan',
      offset: 1,
      limit: 1,
    })

    // In last-name order: Ben's last name, `<b>Baker</b>`, sorts before `Able`.
    expect(first.total).toBe(2)
    expect(first.rows).toEqual([
      expect.objectContaining({
        personName: 'Ben <b>Baker</b>',
        amountsCents: [30_000, null, 12_400, null, 7_601, null],
      }),
    ])
    expect(second.rows[0]).toMatchObject({
      personName: 'Ann Able',
      totalHours: 80,
      amountsCents: [50_000, 24_800, null, 25_200, null, 12_000],
    })
  })

  it('returns a statement’s lines with hourly rates, skipping null entries', () => {
    const [row] = queries.registerPage({
      connectionId: CONNECTION,
      paymentId: 'pay-jan',
      offset: 0,
      limit: 1,
    }).rows

    const detail = queries.statement(CONNECTION, row!.statementRow)

    expect(detail).toMatchObject({
      paymentId: 'pay-jan',
      payDate: '2025-01-17',
      netPayCents: 150_000,
    })
    expect(
      detail?.lines.map((line) => [line.kind, line.name ?? line.type, line.amountCents]),
    ).toEqual([
      ['earning', 'Hourly', 200_001],
      ['tax', 'Federal Income Tax', 30_000],
      ['tax', 'Social Security', 12_400],
      ['employee_deduction', 'pet_insurance_v2', 7_601],
    ])
    expect(detail?.lines[0]?.rateCents).toBe(2_500)
    expect(detail?.lines[2]?.employer).toBe(true)
  })

  it('answers null for a payment or statement another connection owns', () => {
    expect(queries.registerSummary('conn-2', 'pay-jan')).toBeNull()
    expect(queries.statement('conn-2', 1)).toBeNull()
  })
})
