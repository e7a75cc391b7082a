import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import type { PlantedDiscrepancy } from '../../../src/sandbox/data'
import { createScenario, DEFAULT_SEED, plantedDiscrepancies } from '../../../src/sandbox/data'
import { auditMoney } from './money-audit'
import {
  findGrossJumps,
  findMissingFromRun,
  findNewEarningTypes,
  findOvertimeSpikes,
} from './payroll-checks'

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')

function planted<Kind extends PlantedDiscrepancy['kind']>(
  list: readonly PlantedDiscrepancy[],
  kind: Kind,
): Extract<PlantedDiscrepancy, { kind: Kind }> {
  const found = list.find((item) => item.kind === kind)
  if (!found) throw new Error(`nothing planted of kind ${kind}`)
  return found as Extract<PlantedDiscrepancy, { kind: Kind }>
}

describe('the discrepancies scenario', () => {
  const dataset = createScenario('discrepancies')
  const list = plantedDiscrepancies(dataset)

  it('lists one planted problem of each kind the accountant checks look for', () => {
    const kinds = list.map((item) => item.kind).sort()

    expect(kinds).toEqual([
      'company_debit_mismatch',
      'gross_jump',
      'missing_from_run',
      'new_earning_type',
      'overtime_spike',
      'payment_totals_mismatch',
      'statement_out_of_balance',
    ])
    expect(list.every((item) => item.description.length > 20)).toBe(true)
  })

  it('is a small company with two pay groups, like a small largeco', () => {
    expect(dataset.directory).toHaveLength(36)
    expect(dataset.payGroups.map((group) => group.pay_frequencies)).toEqual([
      ['bi_weekly'],
      ['semi_monthly'],
    ])
    expect(dataset.payments.length).toBeGreaterThanOrEqual(20)
  })

  it.each([DEFAULT_SEED, 1, 2, 3])(
    'breaks the money rules only where a money problem was planted (seed %i)',
    (seed) => {
      const seeded = createScenario('discrepancies', { seed })
      const seededList = plantedDiscrepancies(seeded)
      const outOfBalance = planted(seededList, 'statement_out_of_balance')
      const totals = planted(seededList, 'payment_totals_mismatch')
      const debit = planted(seededList, 'company_debit_mismatch')

      const found = auditMoney(seeded).mismatches.map(
        ({ rule, paymentId, individualId, field }) => ({
          rule,
          paymentId,
          individualId,
          field,
        }),
      )

      expect(found).toEqual(
        expect.arrayContaining([
          {
            rule: 'statement_balance',
            paymentId: outOfBalance.paymentId,
            individualId: outOfBalance.individualId,
            field: null,
          },
          {
            rule: 'payment_total',
            paymentId: totals.paymentId,
            individualId: null,
            field: 'gross_pay',
          },
          { rule: 'company_debit', paymentId: debit.paymentId, individualId: null, field: null },
        ]),
      )
      expect(found).toHaveLength(3)
    },
  )

  it.each([DEFAULT_SEED, 1, 2, 3])(
    'trips each run-to-run check exactly where it was planted (seed %i)',
    (seed) => {
      const seeded = createScenario('discrepancies', { seed })
      const seededList = plantedDiscrepancies(seeded)
      const at = (item: { paymentId: string; individualId: string }) => ({
        paymentId: item.paymentId,
        individualId: item.individualId,
      })

      const missing = findMissingFromRun(seeded)
      const jumps = findGrossJumps(seeded)
      const newTypes = findNewEarningTypes(seeded)
      const spikes = findOvertimeSpikes(seeded)

      expect(missing).toEqual([at(planted(seededList, 'missing_from_run'))])
      expect(jumps).toEqual([at(planted(seededList, 'gross_jump'))])
      expect(newTypes).toEqual([{ ...at(planted(seededList, 'new_earning_type')), type: 'bonus' }])
      expect(spikes).toEqual([at(planted(seededList, 'overtime_spike'))])
    },
  )

  it('states the planted amounts as they stand in the data', () => {
    const outOfBalance = planted(list, 'statement_out_of_balance')
    const jump = planted(list, 'gross_jump')
    const spike = planted(list, 'overtime_spike')
    const statementOf = (paymentId: string, individualId: string) =>
      dataset.payStatements(paymentId)?.find((s) => s.individual_id === individualId)

    expect(outOfBalance.netCents - outOfBalance.expectedNetCents).toBe(3)
    expect(statementOf(outOfBalance.paymentId, outOfBalance.individualId)?.net_pay?.amount).toBe(
      outOfBalance.netCents,
    )
    expect(jump.grossCents).toBeGreaterThan(jump.previousGrossCents * 1.25)
    expect(statementOf(jump.paymentId, jump.individualId)?.gross_pay?.amount).toBe(jump.grossCents)
    expect(spike.overtimeHours).toBe(12)
    expect(spike.previousMaxOvertimeHours).toBeLessThanOrEqual(4)
  })

  it('keeps the missing person out of that payment’s individual ids as well', () => {
    const missing = planted(list, 'missing_from_run')

    const payment = dataset.payments.find((candidate) => candidate.id === missing.paymentId)

    expect(payment?.individual_ids).not.toContain(missing.individualId)
  })

  it('plants nothing in the other scenarios', () => {
    expect(plantedDiscrepancies(createScenario('smallco'))).toEqual([])
    expect(plantedDiscrepancies(createScenario('largeco', { people: 30 }))).toEqual([])
  })

  it('refuses sizes too small to plant every problem', () => {
    expect(() => createScenario('discrepancies', { people: 10 })).toThrow(RangeError)
    expect(() => createScenario('discrepancies', { payRuns: 4 })).toThrow(RangeError)
  })

  it('prints its list as JSON from npm run sandbox -- --print-discrepancies', () => {
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/sandbox/cli.ts', '--print-discrepancies', '--seed', '5'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    )

    expect(JSON.parse(printed)).toEqual(
      plantedDiscrepancies(createScenario('discrepancies', { seed: 5 })),
    )
  })
})
