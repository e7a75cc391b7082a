import { describe, expect, it } from 'vitest'

import type { ScenarioName, ScenarioOptions } from '../../../src/sandbox/data'
import { createScenario } from '../../../src/sandbox/data'
import { auditMoney } from './money-audit'

const AUDITED: readonly [ScenarioName, ScenarioOptions, number][] = [
  ['smallco', {}, 6],
  ['largeco', {}, 4_000],
  ['assisted', {}, 300],
  ['reauth', {}, 80],
  ['hostile', {}, 300],
  ['scale', { people: 1_000, payRuns: 26 }, 20_000],
]

describe('the money on every generated statement and payment', () => {
  it.each(AUDITED)(
    'balances to the cent in %s: net is gross less employee taxes and deductions, payments sum their statements',
    (name, options, minimumStatements) => {
      const dataset = createScenario(name, options)

      const audit = auditMoney(dataset)

      const expectedStatements = dataset.payments.reduce(
        (count, payment) => count + (payment.individual_ids?.length ?? 0),
        0,
      )
      expect(audit.mismatches).toEqual([])
      expect(audit.paymentsChecked).toBe(dataset.payments.length)
      expect(audit.statementsChecked).toBe(expectedStatements)
      expect(audit.statementsChecked).toBeGreaterThanOrEqual(minimumStatements)
    },
  )

  it('never pays a negative net outside the reversal', () => {
    const dataset = createScenario('largeco')

    const negative = dataset.payments.flatMap((payment) =>
      (payment.gross_pay?.amount ?? 0) < 0
        ? []
        : (dataset.payStatements(payment.id) ?? []).filter(
            (statement) => (statement.net_pay?.amount ?? 0) < 0,
          ),
    )

    expect(negative).toEqual([])
  })
})
