import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readReconciliation } from '../../../../src/main/checks/reconciliation-checks'
import type { PayrollFixture, StatementSpec } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

/** $1,000.00 gross, $150.00 employee tax, $50.00 pre-tax deduction: $800.00 net. */
function balanced(individualId: string): StatementSpec {
  return {
    individualId,
    grossPayCents: 100_000,
    netPayCents: 80_000,
    totalHours: 80,
    lines: [
      { kind: 'earning', type: 'wage', amountCents: 100_000, hours: 80 },
      { kind: 'tax', type: 'federal', amountCents: 15_000, employer: false },
      { kind: 'tax', type: 'fica', amountCents: 7_650, employer: true },
      { kind: 'employee_deduction', type: '401k', amountCents: 5_000, preTax: true },
      { kind: 'employer_contribution', type: '401k', amountCents: 2_500 },
    ],
  }
}

describe('readReconciliation', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
  })
  afterEach(() => fixture.close())

  it('passes statements and payments that tie out to the cent', () => {
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      grossPayCents: 200_000,
      netPayCents: 160_000,
      employeeTaxesCents: 30_000,
      employerTaxesCents: 15_300,
      companyDebitCents: 205_300,
      statements: [balanced('ann'), balanced('bob')],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.statementsChecked).toBe(2)
    expect(report.paymentsChecked).toBe(1)
    expect(report.imbalances).toEqual([])
    expect(report.paymentMismatches).toEqual([])
  })

  it('lists a statement one cent out of balance with its difference', () => {
    const ann = { ...balanced('ann'), netPayCents: 80_001 }
    fixture.addPayment({ paymentId: 'pay-1', payDate: '2026-11-13', statements: [ann] })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.imbalances).toEqual([
      {
        paymentId: 'pay-1',
        payDate: '2026-11-13',
        individualId: 'ann',
        personName: 'Ann Ash',
        grossPayCents: 100_000,
        employeeTaxesCents: 15_000,
        employeeDeductionsCents: 5_000,
        expectedNetCents: 80_000,
        netPayCents: 80_001,
        differenceCents: 1,
      },
    ])
  })

  it('balances a reversal whose amounts are all negative', () => {
    const reversal: StatementSpec = {
      individualId: 'ann',
      grossPayCents: -100_000,
      netPayCents: -80_000,
      lines: [
        { kind: 'earning', type: 'wage', amountCents: -100_000 },
        { kind: 'tax', type: 'federal', amountCents: -15_000, employer: false },
        { kind: 'employee_deduction', type: '401k', amountCents: -5_000 },
      ],
    }
    fixture.addPayment({
      paymentId: 'void-1',
      payDate: '2026-11-20',
      grossPayCents: -100_000,
      netPayCents: -80_000,
      employeeTaxesCents: -15_000,
      employerTaxesCents: 0,
      companyDebitCents: -95_000,
      statements: [reversal],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.imbalances).toEqual([])
    expect(report.paymentMismatches).toEqual([])
    expect(report.cashRequirements[0]).toMatchObject({
      netPayCents: -80_000,
      employeeTaxesCents: -15_000,
      cashRequiredCents: -95_000,
      outsideDebitCents: 0,
    })
  })

  it('balances a zero-hour statement with no lines', () => {
    const empty: StatementSpec = {
      individualId: 'ann',
      grossPayCents: 0,
      netPayCents: 0,
      totalHours: 0,
      lines: [],
    }
    fixture.addPayment({ paymentId: 'pay-1', payDate: '2026-11-13', statements: [empty] })

    expect(readReconciliation(fixture.db, CONNECTION).imbalances).toEqual([])
  })

  it('counts statements lacking gross or net as unchecked, and null lines as zero', () => {
    const nullLine: StatementSpec = {
      individualId: 'ann',
      grossPayCents: 10_000,
      netPayCents: 10_000,
      lines: [{ kind: 'tax', type: 'local', amountCents: null, employer: null }],
    }
    const noGross: StatementSpec = { ...balanced('bob'), grossPayCents: null }
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      statements: [nullLine, noGross],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.statementsChecked).toBe(1)
    expect(report.statementsUnchecked).toBe(1)
    expect(report.imbalances).toEqual([])
  })

  it('treats a tax whose employer flag is null as withheld from the employee', () => {
    const ann = balanced('ann')
    ann.lines[1] = { ...ann.lines[1]!, employer: null }
    fixture.addPayment({ paymentId: 'pay-1', payDate: '2026-11-13', statements: [ann] })

    expect(readReconciliation(fixture.db, CONNECTION).imbalances).toEqual([])
  })

  it('reports each payment total that differs from its statements, and a debit off the rule', () => {
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      grossPayCents: 210_000,
      netPayCents: 160_000,
      employeeTaxesCents: 30_000,
      employerTaxesCents: null,
      companyDebitCents: 190_000,
      statements: [balanced('ann'), balanced('bob')],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.paymentMismatches).toEqual([
      {
        paymentId: 'pay-1',
        payDate: '2026-11-13',
        payGroupNames: [],
        field: 'gross_pay',
        expectedCents: 200_000,
        paymentCents: 210_000,
        differenceCents: 10_000,
      },
    ])
  })

  it('flags a company debit that is not net plus employee and employer taxes', () => {
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      grossPayCents: 100_000,
      netPayCents: 80_000,
      employeeTaxesCents: 15_000,
      employerTaxesCents: 7_650,
      companyDebitCents: 105_150,
      statements: [balanced('ann')],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.paymentMismatches).toEqual([
      expect.objectContaining({
        field: 'company_debit',
        expectedCents: 102_650,
        paymentCents: 105_150,
        differenceCents: 2_500,
      }),
    ])
  })

  it('names each disagreeing run’s pay groups and counts the company’s groups', () => {
    fixture.addPayGroup('biweekly', 'Hourly Biweekly')
    fixture.addPayGroup('nameless', null)
    const off = { grossPayCents: 1, statements: [balanced('ann')] }
    fixture.addPayment({
      ...off,
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      payGroupIds: ['biweekly'],
    })
    fixture.addPayment({
      ...off,
      paymentId: 'pay-2',
      payDate: '2026-11-20',
      payGroupIds: ['nameless'],
    })
    fixture.addPayment({
      ...off,
      paymentId: 'pay-3',
      payDate: '2026-11-27',
      payGroupIds: ['salaried'],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    // Two listed by Finch and one named only on a payment.
    expect(report.payGroupCount).toBe(3)
    expect(report.paymentMismatches.map((row) => [row.paymentId, row.payGroupNames])).toEqual([
      ['pay-3', [null]],
      ['pay-2', [null]],
      ['pay-1', ['Hourly Biweekly']],
    ])
  })

  it('counts one pay group when every run is paid in the same one', () => {
    fixture.addPayGroup('biweekly', 'Hourly Biweekly')
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      payGroupIds: ['biweekly'],
      statements: [balanced('ann')],
    })

    expect(readReconciliation(fixture.db, CONNECTION).payGroupCount).toBe(1)
  })

  it('sets each run’s cash need against its debit, newest first', () => {
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-10-30',
      companyDebitCents: 102_650,
      statements: [balanced('ann')],
    })
    fixture.addPayment({ paymentId: 'pay-2', payDate: '2026-11-13', statements: [] })
    fixture.addPayment({
      paymentId: 'pay-3',
      payDate: '2026-11-27',
      companyDebitCents: null,
      statements: [balanced('ann')],
    })

    const report = readReconciliation(fixture.db, CONNECTION)

    expect(report.paymentsUnchecked).toBe(1)
    expect(report.cashRequirements.map((run) => run.paymentId)).toEqual(['pay-3', 'pay-1'])
    expect(report.cashRequirements[1]).toEqual({
      paymentId: 'pay-1',
      payDate: '2026-10-30',
      payGroupNames: [],
      statementCount: 1,
      netPayCents: 80_000,
      employeeTaxesCents: 15_000,
      employerTaxesCents: 7_650,
      employerContributionsCents: 2_500,
      cashRequiredCents: 105_150,
      companyDebitCents: 102_650,
      outsideDebitCents: 2_500,
    })
    expect(report.cashRequirements[0]!.outsideDebitCents).toBeNull()
  })
})
