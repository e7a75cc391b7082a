import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PayrollReviewQueries } from '../../../../src/main/review/payroll-queries'
import type { PayrollFixture, StatementSpec } from '../../main/checks/payroll-fixture'
import { CONNECTION, openPayrollFixture } from '../../main/checks/payroll-fixture'

const paid = (individualId: string, totalHours: number | null = null): StatementSpec => ({
  individualId,
  grossPayCents: 100_000,
  netPayCents: 100_000,
  totalHours,
  lines: [],
})

describe('the register and pay runs as the accountant reads them', () => {
  let fixture: PayrollFixture
  let queries: PayrollReviewQueries

  beforeEach(() => {
    fixture = openPayrollFixture()
    queries = new PayrollReviewQueries(fixture.db)
    fixture.addPerson('p-zed', 'Zoe', 'zed')
    fixture.addPerson('p-ash-bo', 'Bo', 'Ash')
    fixture.addPerson('p-ash-al-2', 'al', 'ASH')
    fixture.addPerson('p-ash-al-1', 'Al', 'Ash')
    fixture.addPerson('p-cole', 'Cy', 'Cole')
  })
  afterEach(() => fixture.close())

  it('orders the register by last name, first name and id, without regard to case', () => {
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      statements: ['p-zed', 'p-cole', 'p-ash-bo', 'p-ash-al-2', 'p-ash-al-1'].map((id) => paid(id)),
    })

    const window = (offset: number) =>
      queries
        .registerPage({ connectionId: CONNECTION, paymentId: 'pay-1', offset, limit: 2 })
        .rows.map((row) => row.individualId)

    expect([...window(0), ...window(2), ...window(4)]).toEqual([
      'p-ash-al-1',
      'p-ash-al-2',
      'p-ash-bo',
      'p-cole',
      'p-zed',
    ])
  })

  it('says a run whose statements give no hours reports none, not zero hours', () => {
    fixture.addPayment({
      paymentId: 'salaried',
      payDate: '2026-11-13',
      statements: [paid('p-zed'), paid('p-cole')],
    })
    fixture.addPayment({
      paymentId: 'hourly-zero',
      payDate: '2026-11-13',
      statements: [paid('p-zed', 0), paid('p-cole')],
    })
    fixture.addPayment({
      paymentId: 'hourly',
      payDate: '2026-11-13',
      statements: [paid('p-zed', 80.5), paid('p-cole')],
    })

    const summary = (paymentId: string) => queries.registerSummary(CONNECTION, paymentId)

    expect(summary('salaried')).toMatchObject({ totalHours: 0, hoursReported: false })
    expect(summary('hourly-zero')).toMatchObject({ totalHours: 0, hoursReported: true })
    expect(summary('hourly')).toMatchObject({ totalHours: 80.5, hoursReported: true })
  })

  it('names each pay run’s pay groups, unnamed ones as null, in Finch’s order', () => {
    fixture.addPayGroup('g-hourly', 'Hourly ')
    fixture.addPayGroup('g-blank', null)
    fixture.addPayment({
      paymentId: 'pay-hourly',
      payDate: '2026-08-14',
      payGroupIds: ['g-hourly'],
      statements: [],
    })
    fixture.addPayment({
      paymentId: 'pay-both',
      payDate: '2026-08-14',
      payGroupIds: ['g-blank', 'g-hourly', 'g-missing'],
      statements: [paid('p-zed')],
    })

    const runs = queries.payRuns({ connectionId: CONNECTION, offset: 0, limit: 10 }).rows

    expect(runs.map((run) => [run.paymentId, run.payGroupNames])).toEqual([
      ['pay-both', [null, 'Hourly', null]],
      ['pay-hourly', ['Hourly']],
    ])
    expect(queries.registerSummary(CONNECTION, 'pay-both')?.payRun.payGroupNames).toEqual([
      null,
      'Hourly',
      null,
    ])
  })
})
