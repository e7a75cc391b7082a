import type { Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { PayStatementResponse } from '@tryfinch/finch-api/resources/hris/pay-statements'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningSandbox, startSandbox } from '../../../src/sandbox'
import type { CompanyDataset, ScenarioName, ScenarioOptions } from '../../../src/sandbox/data'
import { createScenario, plantedDiscrepancies } from '../../../src/sandbox/data'
import { bodyOf, callApi, connect, TEST_CLIENT } from '../server/sandbox-driver'
import { auditMoney, type Payroll } from './money-audit'

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

/** Every payment and all its statements, read over HTTP as any client of the sandbox reads them. */
async function payrollServed(sandbox: RunningSandbox, username: string): Promise<Payroll> {
  const { accessToken } = await connect(sandbox, {
    username,
    products: ['payment', 'pay_statement'],
  })
  const payments = await bodyOf<Payment[]>(
    await callApi(
      sandbox,
      accessToken,
      '/employer/payment?start_date=2000-01-01&end_date=2100-12-31',
    ),
  )
  const statements = new Map<string, PayStatement[]>()
  for (let start = 0; start < payments.length; start += 10) {
    const requests = payments
      .slice(start, start + 10)
      .map((payment) => ({ payment_id: payment.id, limit: 5_000 }))
    const { responses } = await bodyOf<{ responses: PayStatementResponse[] }>(
      await callApi(sandbox, accessToken, '/employer/pay-statement', { body: { requests } }),
    )
    for (const item of responses) {
      if (item.code === 200 && 'pay_statements' in item.body) {
        statements.set(item.payment_id, item.body.pay_statements)
      }
    }
  }
  return { payments, payStatements: (paymentId) => statements.get(paymentId) }
}

/**
 * The scenario's data without its misbehaviour (assisted 202s, the reauth cut-off), which other
 * tests cover: here every payment and statement must come over the wire.
 */
function datasetServed(scenario: string): CompanyDataset {
  const scale = /^scale-(\d+)-(\d+)$/.exec(scenario)
  const dataset = scale
    ? createScenario('scale', { people: Number(scale[1]), payRuns: Number(scale[2]) })
    : createScenario(scenario as ScenarioName)
  return { ...dataset, behaviour: {} }
}

describe('the money the sandbox serves over HTTP', () => {
  let sandbox: RunningSandbox

  beforeAll(async () => {
    sandbox = await startSandbox({
      clients: [TEST_CLIENT],
      rateLimits: false,
      datasetFor: datasetServed,
    })
  })
  afterAll(() => sandbox.close())

  it.each(['smallco', 'largeco', 'assisted', 'reauth', 'hostile', 'scale-200-26'])(
    'balances to the cent in %s, summed from the API’s own answers',
    async (username) => {
      const expected = datasetServed(username)

      const served = await payrollServed(sandbox, username)
      const audit = auditMoney(served)

      expect(audit.mismatches).toEqual([])
      expect(audit.paymentsChecked).toBe(expected.payments.length)
      expect(audit.statementsChecked).toBe(
        expected.payments.reduce(
          (count, payment) => count + (payment.individual_ids?.length ?? 0),
          0,
        ),
      )
    },
  )

  it('disagrees only where the discrepancies company has a money problem planted', async () => {
    const planted = plantedDiscrepancies(createScenario('discrepancies'))
    const moneyProblems = planted.filter((item) =>
      ['statement_out_of_balance', 'payment_totals_mismatch', 'company_debit_mismatch'].includes(
        item.kind,
      ),
    )

    const audit = auditMoney(await payrollServed(sandbox, 'discrepancies'))

    expect(audit.mismatches.map((mismatch) => mismatch.paymentId).sort()).toEqual(
      moneyProblems.map((item) => item.paymentId).sort(),
    )
  })
})
