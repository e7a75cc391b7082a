import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { movedBeyond, readRunVariance } from '../../../../src/main/checks/run-variance'
import type { PayrollFixture, StatementSpec } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

function pay(individualId: string, grossCents: number, overtimeHours = 0): StatementSpec {
  const overtimeCents = overtimeHours * 3_000
  return {
    individualId,
    grossPayCents: grossCents + overtimeCents,
    netPayCents: Math.round((grossCents + overtimeCents) * 0.8),
    lines: [
      { kind: 'earning', type: 'wage', amountCents: grossCents, hours: 80 },
      { kind: 'earning', type: 'overtime', amountCents: overtimeCents, hours: overtimeHours },
    ],
  }
}

describe('readRunVariance', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
  })
  afterEach(() => fixture.close())

  function kinds(currentPaymentId?: string, changePercent?: number): string[] {
    return readRunVariance(fixture.db, {
      connectionId: CONNECTION,
      currentPaymentId,
      changePercent,
    })
      .findings.map((finding) => `${finding.kind} ${finding.individualId}`)
      .sort()
  }

  it('compares the latest run with the one before in its own pay group', () => {
    const group = { payGroupIds: ['biweekly'] }
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-11-06',
      ...group,
      statements: [pay('ann', 100_000)],
    })
    fixture.addPayment({
      paymentId: 'other',
      payDate: '2026-11-13',
      payGroupIds: ['monthly'],
      statements: [],
    })
    fixture.addPayment({
      paymentId: 'b',
      payDate: '2026-11-20',
      ...group,
      statements: [pay('ann', 100_000)],
    })

    const report = readRunVariance(fixture.db, { connectionId: CONNECTION })

    expect(report.current?.paymentId).toBe('b')
    expect(report.previous?.paymentId).toBe('a')
    expect(report.findings).toEqual([])
  })

  it('tells a new hire from someone missing, and both from a steady earner', () => {
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-11-06',
      statements: [pay('ann', 100_000), pay('bob', 100_000)],
    })
    fixture.addPayment({
      paymentId: 'b',
      payDate: '2026-11-20',
      statements: [pay('ann', 100_000), pay('cy', 100_000)],
    })

    expect(kinds()).toEqual(['missing_from_run bob', 'new_hire cy'])
  })

  it('calls a change above the percentage out, at the boundary exactly not', () => {
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-11-06',
      statements: [pay('ann', 100_000), pay('bob', 100_000)],
    })
    fixture.addPayment({
      paymentId: 'b',
      payDate: '2026-11-20',
      statements: [pay('ann', 125_000), pay('bob', 125_001)],
    })

    expect(kinds()).toEqual(['gross_change bob'])
    expect(kinds(undefined, 30)).toEqual([])
  })

  it('measures change against a negative reversal by its size', () => {
    expect(movedBeyond(-10_000, -20_000, 25)).toBe(true)
    expect(movedBeyond(-10_000, -12_000, 25)).toBe(false)
    expect(movedBeyond(0, 0, 25)).toBe(false)
    expect(movedBeyond(0, 1, 25)).toBe(true)
    expect(movedBeyond(null, 1, 25)).toBe(false)
  })

  it('finds an earning type no earlier payment had, once per person', () => {
    const bonus: StatementSpec = {
      ...pay('ann', 100_000),
      lines: [...pay('ann', 100_000).lines, { kind: 'earning', type: 'bonus', amountCents: 0 }],
    }
    fixture.addPayment({ paymentId: 'a', payDate: '2026-11-06', statements: [pay('ann', 100_000)] })
    fixture.addPayment({ paymentId: 'b', payDate: '2026-11-20', statements: [bonus] })

    const [finding] = readRunVariance(fixture.db, { connectionId: CONNECTION }).findings

    expect(finding).toMatchObject({
      kind: 'new_earning_type',
      lineType: 'bonus',
      personName: 'Ann Ash',
    })
  })

  it('flags overtime above twice the earlier most, with a four-hour floor', () => {
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-10-23',
      statements: [pay('ann', 100_000, 5), pay('bob', 100_000, 1)],
    })
    fixture.addPayment({
      paymentId: 'b',
      payDate: '2026-11-06',
      statements: [pay('ann', 100_000, 0), pay('bob', 100_000, 0)],
    })
    fixture.addPayment({
      paymentId: 'c',
      payDate: '2026-11-20',
      statements: [pay('ann', 100_000, 10.25), pay('bob', 100_000, 8)],
    })

    const findings = readRunVariance(fixture.db, {
      connectionId: CONNECTION,
      changePercent: 100,
    }).findings

    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'overtime_spike',
        individualId: 'ann',
        previousValue: 5,
        currentValue: 10.25,
      }),
    ])
  })

  it('reports nothing for a pay group’s first run', () => {
    fixture.addPayment({ paymentId: 'a', payDate: '2026-11-06', statements: [pay('ann', 100_000)] })

    const report = readRunVariance(fixture.db, { connectionId: CONNECTION })

    expect(report.previous).toBeNull()
    expect(report.findings).toEqual([])
  })
  it('calls someone gone from the run a termination when employment ended by the pay date', () => {
    fixture.addPerson('bob', 'Bob', 'Birch')
    fixture.addPerson('cy', 'Cy', 'Cedar')
    fixture.addPerson('di', 'Di', 'Dogwood')
    fixture.addEmployment('bob', { isActive: false, endDate: '2026-11-10' })
    fixture.addEmployment('cy', { isActive: true, endDate: null })
    fixture.addEmployment('di', { isActive: true, endDate: '2026-12-31' })
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-11-06',
      statements: [pay('ann', 100_000), pay('bob', 90_000), pay('cy', 80_000), pay('di', 70_000)],
    })
    fixture.addPayment({ paymentId: 'b', payDate: '2026-11-20', statements: [pay('ann', 100_000)] })

    const { findings } = readRunVariance(fixture.db, { connectionId: CONNECTION })

    expect(findings).toEqual([
      {
        kind: 'termination',
        individualId: 'bob',
        personName: 'Bob Birch',
        previousValue: 90_000,
        currentValue: null,
        lineType: null,
        description: 'Employment ended; not paid in this run.',
      },
      expect.objectContaining({ kind: 'missing_from_run', individualId: 'cy' }),
      expect.objectContaining({ kind: 'missing_from_run', individualId: 'di' }),
    ])
  })

  it('names each run’s pay groups where the cache knows them', () => {
    fixture.addPayGroup('g-hourly', '  Hourly Biweekly ')
    fixture.addPayGroup('g-blank', '')
    fixture.addPayment({
      paymentId: 'a',
      payDate: '2026-11-06',
      payGroupIds: ['g-hourly', 'g-blank', 'g-unknown'],
      statements: [pay('ann', 100_000)],
    })

    const report = readRunVariance(fixture.db, { connectionId: CONNECTION })

    expect(report.runs[0]).toMatchObject({
      payGroupIds: ['g-hourly', 'g-blank', 'g-unknown'],
      payGroupNames: ['Hourly Biweekly', null, null],
    })
  })
})
