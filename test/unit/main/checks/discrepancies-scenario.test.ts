/**
 * The checks against the sandbox's discrepancies company, synced over HTTP into a real cache:
 * every planted problem is found, and nothing else is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReconciliation } from '../../../../src/main/checks/reconciliation-checks'
import { readRunVariance, readRuns } from '../../../../src/main/checks/run-variance'
import type { ReconciliationReport, VarianceFinding } from '../../../../src/shared/checks'
import type { PlantedDiscrepancy } from '../../../../src/sandbox/data'
import { createScenario, plantedDiscrepancies } from '../../../../src/sandbox/data'
import type { SyncHarness } from '../../../integration/sync/sync-harness'
import { startSyncHarness } from '../../../integration/sync/sync-harness'

type Planted<K extends PlantedDiscrepancy['kind']> = Extract<PlantedDiscrepancy, { kind: K }>

describe('the checks on the discrepancies company', () => {
  let harness: SyncHarness
  let report: ReconciliationReport
  const planted = plantedDiscrepancies(createScenario('discrepancies'))
  const one = <K extends PlantedDiscrepancy['kind']>(kind: K): Planted<K> =>
    planted.find((problem): problem is Planted<K> => problem.kind === kind)!

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'discrepancies' })
    await harness.sync.sync(harness.connectionId)
    report = readReconciliation(harness.cache.database, harness.connectionId)
  }, 120_000)

  afterAll(() => harness.close())

  it('finds the one statement out of balance, with its difference', () => {
    const problem = one('statement_out_of_balance')

    expect(report.statementsUnchecked).toBe(0)
    expect(report.imbalances).toEqual([
      expect.objectContaining({
        paymentId: problem.paymentId,
        individualId: problem.individualId,
        expectedNetCents: problem.expectedNetCents,
        netPayCents: problem.netCents,
        differenceCents: problem.netCents - problem.expectedNetCents,
      }),
    ])
  })

  it('finds the payment whose gross is off and the one whose debit breaks the rule', () => {
    const totals = one('payment_totals_mismatch')
    const debit = one('company_debit_mismatch')

    expect(report.paymentsUnchecked).toBe(0)
    const byPayment = [...report.paymentMismatches].sort((a, b) =>
      a.paymentId < b.paymentId ? -1 : 1,
    )
    expect(byPayment).toEqual(
      [
        expect.objectContaining({
          paymentId: totals.paymentId,
          field: 'gross_pay',
          expectedCents: totals.statementsCents,
          paymentCents: totals.paymentCents,
        }),
        expect.objectContaining({
          paymentId: debit.paymentId,
          field: 'company_debit',
          expectedCents: debit.expectedCents,
          paymentCents: debit.companyDebitCents,
        }),
      ].sort((a, b) => (a.paymentId < b.paymentId ? -1 : 1)),
    )
  })

  it('flags between consecutive runs of each pay group exactly the planted changes', () => {
    const runs = readRuns(harness.cache.database, harness.connectionId)
    const found: (VarianceFinding & { paymentId: string })[] = runs.flatMap((run) =>
      readRunVariance(harness.cache.database, {
        connectionId: harness.connectionId,
        currentPaymentId: run.payment_id,
      }).findings.map((finding) => ({ ...finding, paymentId: run.payment_id })),
    )
    const missing = one('missing_from_run')
    const jump = one('gross_jump')
    const bonus = one('new_earning_type')
    const spike = one('overtime_spike')

    const summary = found
      .map((f) => `${f.kind} ${f.paymentId} ${f.individualId} ${f.lineType ?? ''}`.trim())
      .sort()
    expect(summary).toEqual(
      [
        `gross_change ${jump.paymentId} ${jump.individualId}`,
        `missing_from_run ${missing.paymentId} ${missing.individualId}`,
        `new_earning_type ${bonus.paymentId} ${bonus.individualId} ${bonus.earningType}`,
        `overtime_spike ${spike.paymentId} ${spike.individualId}`,
      ].sort(),
    )
    expect(found.find((f) => f.kind === 'overtime_spike')).toMatchObject({
      previousValue: spike.previousMaxOvertimeHours,
      currentValue: spike.overtimeHours,
    })
    expect(found.find((f) => f.kind === 'gross_change')).toMatchObject({
      previousValue: jump.previousGrossCents,
      currentValue: jump.grossCents,
    })
  })
})
