import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writePaymentRegister } from '../../../../src/main/cache/payment-register'
import { writePersonTotals } from '../../../../src/main/cache/person-totals'
import { personYearsStored, writePersonYears } from '../../../../src/main/cache/person-years'
import { YtdQueries } from '../../../../src/main/review/ytd-queries'
import { ytdPeopleFromLines, ytdSummaryFromLines } from '../../../support/ytd-from-lines'
import type {
  PayrollFixture as HandMadePayroll,
  LineSpec,
  StatementSpec,
} from '../checks/payroll-fixture'
import {
  CONNECTION as HAND_MADE_CONNECTION,
  openPayrollFixture as openHandMadePayroll,
} from '../checks/payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

describe('YtdQueries', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let queries: YtdQueries

  beforeEach(() => {
    fixture = openPayrollFixture()
    queries = new YtdQueries(fixture.db)
  })
  afterEach(() => fixture.close())

  it('sums the year’s statements by pay date: gross, each tax, each deduction and net', () => {
    const summary = queries.summary({ connectionId: CONNECTION, year: 2025 })

    expect(summary).toEqual({
      year: 2025,
      paymentCount: 1,
      statementCount: 2,
      grossPayCents: 600_001,
      employeeTaxesCents: 104_800,
      employerTaxesCents: 12_400,
      preTaxDeductionsCents: 25_200,
      postTaxDeductionsCents: 7_601,
      netPayCents: 450_000,
      // Ben's statement pays 12,400 less than its lines explain: 200,001 − 30,000 − 7,601.
      unexplainedCents: 12_400,
      lines: [
        { kind: 'tax', label: 'Federal Income Tax', totalCents: 80_000 },
        { kind: 'tax', label: 'Social Security', totalCents: 24_800 },
        { kind: 'employer_tax', label: 'Social Security', totalCents: 12_400 },
        { kind: 'pre_tax_deduction', label: '401k', totalCents: 25_200 },
        { kind: 'post_tax_deduction', label: 'pet_insurance_v2', totalCents: 7_601 },
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
      postTaxDeductionsCents: 7_601,
      netPayCents: 150_000,
      unexplainedCents: 12_400,
    })
    expect(people.total).toBe(2)
    // By last name as stored: `<b>Baker</b>` sorts before `Able`.
    expect(people.rows).toEqual([
      {
        individualId: 'ben',
        personName: '<b>Baker</b>, Ben',
        statementCount: 1,
        grossPayCents: 200_001,
        employeeTaxesCents: 30_000,
        preTaxDeductionsCents: 0,
        postTaxDeductionsCents: 7_601,
        netPayCents: 150_000,
      },
      {
        individualId: 'ann',
        personName: 'Able, Ann',
        statementCount: 1,
        grossPayCents: 400_000,
        employeeTaxesCents: 74_800,
        preTaxDeductionsCents: 25_200,
        postTaxDeductionsCents: 0,
        netPayCents: 300_000,
      },
    ])
  })

  it('shows gross − taxes − pre-tax − post-tax deductions equal to net where statements add up', () => {
    const ann = queries.summary({ connectionId: CONNECTION, year: 2025, individualId: 'ann' })

    expect(
      ann.grossPayCents -
        ann.employeeTaxesCents -
        ann.preTaxDeductionsCents -
        ann.postTaxDeductionsCents,
    ).toBe(ann.netPayCents)
    expect(ann.unexplainedCents).toBe(0)
  })
})

describe('YtdQueries over stored figures and payments without them', () => {
  let fixture: HandMadePayroll
  let queries: YtdQueries

  const line = (
    kind: LineSpec['kind'],
    type: string | undefined,
    amountCents: number | null,
    flags: Partial<LineSpec> = {},
  ): LineSpec => ({ kind, type, amountCents, ...flags })

  const JANUARY: StatementSpec = {
    individualId: 'ann',
    grossPayCents: 100_000,
    netPayCents: 70_750,
    totalHours: 80,
    lines: [
      line('earning', 'salary', 100_000),
      line('tax', 'federal', 10_000, { employer: false }),
      line('tax', 'fica', 6_200, { employer: null }),
      line('tax', 'fica', 6_200, { employer: true }),
      line('tax', undefined, 40, { employer: true }),
      line('tax', 'sdi_new', 100),
      line('tax', 'federal', null, { employer: false }),
      line('employee_deduction', '401k', 5_000, { preTax: true }),
      line('employee_deduction', 'garnishment', 2_000, { preTax: null }),
      line('employee_deduction', 'roth_401k', 1_000, { preTax: false }),
      line('employer_contribution', '401k', 2_500),
    ],
  }

  /** A voided paycheck: the original with every amount negated. */
  const VOIDED: StatementSpec = {
    ...JANUARY,
    grossPayCents: -100_000,
    netPayCents: -70_750,
    lines: JANUARY.lines.map((l) => ({
      ...l,
      amountCents: l.amountCents === null ? null : -l.amountCents,
    })),
  }

  const BEN_NULLS: StatementSpec = {
    individualId: 'ben',
    grossPayCents: null,
    netPayCents: 5_000,
    lines: [
      line('tax', 'state', 300, { employer: false }),
      line('employee_deduction', 'hsa', null),
    ],
  }

  beforeEach(() => {
    fixture = openHandMadePayroll()
    fixture.addPerson('ann', 'Ann', 'Ash', 'Marie')
    fixture.addPerson('ben', 'Ben', 'birch')
    fixture.addPayment({ paymentId: 'p-jan', payDate: '2026-01-15', statements: [JANUARY] })
    // Two statements for one person in one run (the original and its reversal), and one with
    // null amounts and flags.
    fixture.addPayment({
      paymentId: 'p-void',
      payDate: '2026-02-15',
      statements: [JANUARY, VOIDED, BEN_NULLS],
    })
    fixture.addPayment({ paymentId: 'p-mar', payDate: '2026-03-15', statements: [BEN_NULLS] })
    fixture.addPayment({ paymentId: 'p-empty', payDate: '2026-04-15', statements: [] })
    fixture.addPayment({ paymentId: 'p-2025', payDate: '2025-12-31', statements: [JANUARY] })
    // As a sync stores them; `p-mar` keeps none, as a payment whose statements failed to read.
    storeFigures(['p-jan', 'p-void', 'p-empty', 'p-2025'])
    queries = new YtdQueries(fixture.db)
  })

  function liveSnapshot(): number {
    const { live } = fixture.db
      .prepare('SELECT live_snapshot_id AS live FROM connection WHERE connection_id = ?')
      .get(HAND_MADE_CONNECTION) as { live: number }
    return live
  }

  function storeFigures(paymentIds: string[]): void {
    for (const paymentId of paymentIds) {
      const target = { connectionId: HAND_MADE_CONNECTION, snapshotId: liveSnapshot(), paymentId }
      writePaymentRegister(fixture.db, target)
      writePersonTotals(fixture.db, target)
    }
  }
  afterEach(() => fixture.close())

  it('sums the company’s year to the cent as the lines do, reversals and nulls included', () => {
    const query = { connectionId: HAND_MADE_CONNECTION, year: 2026 }

    const summary = queries.summary(query)

    expect(summary).toEqual(ytdSummaryFromLines(fixture.db, query))
    expect(summary).toMatchObject({
      paymentCount: 3,
      statementCount: 5,
      grossPayCents: 100_000,
      netPayCents: 80_750,
      employeeTaxesCents: 10_000 + 6_200 + 100 + 300 + 300,
      employerTaxesCents: 6_240,
      preTaxDeductionsCents: 5_000,
      postTaxDeductionsCents: 3_000,
    })
  })

  it('sums each person’s year and the per-person list to the cent as the lines do', () => {
    const page = { connectionId: HAND_MADE_CONNECTION, year: 2026, offset: 0, limit: 10 }

    const people = queries.people(page)

    expect(people).toEqual(ytdPeopleFromLines(fixture.db, page))
    expect(people.rows.map((row) => [row.personName, row.statementCount])).toEqual([
      ['Ash, Ann Marie', 3],
      ['birch, Ben', 2],
    ])
    for (const individualId of ['ann', 'ben', 'nobody']) {
      const query = { connectionId: HAND_MADE_CONNECTION, year: 2026, individualId }
      expect(queries.summary(query)).toEqual(ytdSummaryFromLines(fixture.db, query))
    }
  })

  it('names people as the directory does, middle names included, from the stored years', () => {
    storeFigures(['p-mar'])
    writePersonYears(fixture.db, {
      connectionId: HAND_MADE_CONNECTION,
      snapshotId: liveSnapshot(),
      keepSnapshotId: liveSnapshot(),
    })
    const page = { connectionId: HAND_MADE_CONNECTION, year: 2026, offset: 0, limit: 10 }

    const people = queries.people(page)

    expect(personYearsStored(fixture.db, HAND_MADE_CONNECTION)).toBe(liveSnapshot())
    expect(people.rows.map((row) => row.personName)).toEqual(['Ash, Ann Marie', 'birch, Ben'])
    expect(people).toEqual(ytdPeopleFromLines(fixture.db, page))
  })
})
