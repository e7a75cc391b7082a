import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addFigures,
  readYearEndFor,
  readYearEndPage,
} from '../../../../src/main/checks/year-end-summary'
import { writePaymentRegister } from '../../../../src/main/cache/payment-register'
import { writePersonTotals } from '../../../../src/main/cache/person-totals'
import { personYearsStored, writePersonYears } from '../../../../src/main/cache/person-years'
import type { YearEndFigures, YearEndPerson } from '../../../../src/shared/checks'
import type { LineSpec, PayrollFixture, StatementSpec } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

/** Ann's January statement: every kind of line, unknown and missing types, null flags. */
const ANN_JANUARY: StatementSpec = {
  individualId: 'ann',
  grossPayCents: 100_000,
  netPayCents: 70_750,
  lines: [
    { kind: 'earning', type: 'salary', amountCents: 100_000 },
    { kind: 'tax', type: 'federal', amountCents: 10_000, employer: false },
    { kind: 'tax', type: 'fica', amountCents: 6_200, employer: false },
    { kind: 'tax', type: 'fica', amountCents: 1_450, employer: false },
    { kind: 'tax', type: 'state', amountCents: 3_000, employer: null },
    { kind: 'tax', type: 'local', amountCents: 500 },
    { kind: 'tax', type: 'sdi_new', amountCents: 100, employer: false },
    { kind: 'tax', type: 'fica', amountCents: 6_200, employer: true },
    { kind: 'tax', type: 'fica', amountCents: 1_450, employer: true },
    { kind: 'tax', type: 'federal', amountCents: 60, employer: true },
    { kind: 'tax', type: 'state', amountCents: 270, employer: true },
    { kind: 'tax', amountCents: 40, employer: true },
    { kind: 'tax', type: 'federal', amountCents: null, employer: false },
    { kind: 'employee_deduction', type: '401k', amountCents: 5_000, preTax: true },
    { kind: 'employee_deduction', type: 'garnishment', amountCents: 2_000, preTax: null },
    { kind: 'employee_deduction', type: 'roth_401k', amountCents: 1_000, preTax: false },
    { kind: 'employer_contribution', type: '401k', amountCents: 2_500 },
    { kind: 'employer_contribution', type: 'hsa', amountCents: null },
  ],
}

const ANN_MARCH: StatementSpec = {
  individualId: 'ann',
  grossPayCents: 20_000,
  netPayCents: 18_000,
  lines: [
    { kind: 'earning', type: 'bonus', amountCents: 20_000 },
    { kind: 'tax', type: 'federal', amountCents: 2_000, employer: false },
  ],
}

/** A voided paycheck, as providers send it: the original with every amount negated. */
function reversal(statement: StatementSpec): StatementSpec {
  const negate = (cents: number | null) => (cents === null ? null : -cents)
  return {
    ...statement,
    grossPayCents: negate(statement.grossPayCents),
    netPayCents: negate(statement.netPayCents),
    lines: statement.lines.map<LineSpec>((line) => ({
      ...line,
      amountCents: negate(line.amountCents),
    })),
  }
}

function withoutIdentity(row: YearEndPerson): YearEndFigures {
  const figures: Partial<YearEndPerson> = { ...row }
  delete figures.individualId
  delete figures.personName
  return figures as YearEndFigures
}

/**
 * Stores the figures of every payment but `p-mar` as a sync would, so the summary reads stored
 * figures for those and sums the lines of `p-mar` (as for a payment whose statements failed).
 * With `everything`, `p-mar`'s too, and then each person's years, as a sync that read every
 * statement finishes.
 */
function storeFigures(fixture: PayrollFixture, everything = false): void {
  const { live } = fixture.db
    .prepare('SELECT live_snapshot_id AS live FROM connection WHERE connection_id = ?')
    .get(CONNECTION) as { live: number }
  const payments = fixture.db
    .prepare(`SELECT payment_id FROM payment WHERE connection_id = ? AND payment_id <> ?`)
    .all(CONNECTION, everything ? '' : 'p-mar') as { payment_id: string }[]
  for (const { payment_id: paymentId } of payments) {
    const target = { connectionId: CONNECTION, snapshotId: live, paymentId }
    writePaymentRegister(fixture.db, target)
    writePersonTotals(fixture.db, target)
  }
  if (everything) {
    writePersonYears(fixture.db, {
      connectionId: CONNECTION,
      snapshotId: live,
      keepSnapshotId: live,
    })
    expect(personYearsStored(fixture.db, CONNECTION)).toBe(live)
  }
}

const WAYS = ['summed from lines', 'mostly stored by the sync', 'stored per year by the sync']

describe.each(WAYS)('readYearEndPage, %s', (way) => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash', 'Marie')
    fixture.addPerson('bob', 'Bob', 'Birch')
    const annLate: StatementSpec = {
      individualId: 'ann',
      grossPayCents: 50_000,
      netPayCents: 40_000,
      lines: [
        { kind: 'tax', type: 'federal', amountCents: 5_000, employer: false },
        { kind: 'employee_deduction', type: '401k', amountCents: 5_000, preTax: true },
      ],
    }
    const bobIncomplete: StatementSpec = {
      individualId: 'bob',
      grossPayCents: null,
      netPayCents: null,
      lines: [{ kind: 'tax', type: 'federal', amountCents: 1_000, employer: false }],
    }
    const cyUnnamed: StatementSpec = {
      individualId: 'cy',
      grossPayCents: 1,
      netPayCents: 1,
      lines: [],
    }
    fixture.addPayment({ paymentId: 'p-2025', payDate: '2025-12-31', statements: [annLate] })
    fixture.addPayment({
      paymentId: 'p-jan',
      payDate: '2026-01-01',
      statements: [ANN_JANUARY, bobIncomplete],
    })
    fixture.addPayment({ paymentId: 'p-mar', payDate: '2026-03-15', statements: [ANN_MARCH] })
    fixture.addPayment({
      paymentId: 'p-void',
      payDate: '2026-06-30',
      statements: [reversal(ANN_MARCH)],
    })
    fixture.addPayment({
      paymentId: 'p-dec',
      payDate: '2026-12-31',
      statements: [annLate, cyUnnamed],
    })
    fixture.addPayment({ paymentId: 'p-2027', payDate: '2027-01-01', statements: [annLate] })
    if (way !== 'summed from lines') storeFigures(fixture, way === 'stored per year by the sync')
  })
  afterEach(() => fixture.close())

  it('sums each person’s year by tax type, deduction kind and side, reversals included', () => {
    const page = readYearEndPage(fixture.db, {
      connectionId: CONNECTION,
      year: 2026,
      offset: 0,
      limit: 10,
    })

    const ann = page.rows.find((row) => row.individualId === 'ann')!
    expect(ann).toEqual({
      individualId: 'ann',
      personName: 'Ash, Ann Marie',
      statementCount: 4,
      incompleteStatementCount: 0,
      grossPayCents: 150_000,
      employeeTaxCents: { federal: 15_000, fica: 7_650, state: 3_000, local: 500, other: 100 },
      employeeTaxesCents: 26_250,
      preTaxDeductionsCents: 10_000,
      postTaxDeductionsCents: 3_000,
      employerContributionsCents: 2_500,
      employerTaxCents: { federal: 60, fica: 7_650, state: 270, local: 0, other: 40 },
      employerTaxesCents: 8_020,
      netPayCents: 110_750,
    })
    expect(page.rows.find((row) => row.individualId === 'bob')).toMatchObject({
      statementCount: 1,
      incompleteStatementCount: 1,
      grossPayCents: 0,
      netPayCents: 0,
      employeeTaxesCents: 1_000,
    })
  })

  it('gives company totals equal to the sum of every person’s row, page by page', () => {
    const rows: YearEndPerson[] = []
    let totals: YearEndFigures | undefined
    for (let offset = 0; ; offset += 1) {
      const page = readYearEndPage(fixture.db, {
        connectionId: CONNECTION,
        year: 2026,
        offset,
        limit: 1,
      })
      totals = page.totals
      expect(page.total).toBe(3)
      if (page.rows.length === 0) break
      rows.push(...page.rows)
    }

    // Named as the directory names them, middle names included, in last-name order.
    expect(rows.map((row) => row.personName)).toEqual([null, 'Ash, Ann Marie', 'Birch, Bob'])
    expect(addFigures(rows.map(withoutIdentity))).toEqual(totals)
    expect(totals).toMatchObject({
      statementCount: 6,
      incompleteStatementCount: 1,
      grossPayCents: 150_001,
      employeeTaxesCents: 27_250,
      employerTaxesCents: 8_020,
      netPayCents: 110_751,
    })
  })

  it('counts only payments dated in the year, and lists the years that have any', () => {
    const page = readYearEndPage(fixture.db, {
      connectionId: CONNECTION,
      year: 2025,
      offset: 0,
      limit: 10,
    })

    expect(page.years).toEqual([2027, 2026, 2025])
    expect(page.rows).toHaveLength(1)
    expect(page.totals.grossPayCents).toBe(50_000)
  })

  it('answers an empty year with zero totals', () => {
    const page = readYearEndPage(fixture.db, {
      connectionId: CONNECTION,
      year: 2019,
      offset: 0,
      limit: 10,
    })

    expect(page.total).toBe(0)
    expect(page.rows).toEqual([])
    expect(page.totals.grossPayCents).toBe(0)
    expect(page.totals.employeeTaxCents.federal).toBe(0)
  })

  it('reads the figures of chosen people only', () => {
    const figures = readYearEndFor(fixture.db, {
      connectionId: CONNECTION,
      year: 2026,
      individualIds: ['bob', 'nobody'],
    })

    expect([...figures.keys()]).toEqual(['bob'])
    expect(figures.get('bob')!.employeeTaxCents.federal).toBe(1_000)
  })
})
