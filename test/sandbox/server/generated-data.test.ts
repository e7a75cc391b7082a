/** The sandbox wired to its default source, the seeded data generators, end to end over HTTP. */
import type { IndividualsPageResponse } from '@tryfinch/finch-api/pagination'
import type { Payment } from '@tryfinch/finch-api/resources/hris'
import type { CompanyBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type { PayStatementResponse } from '@tryfinch/finch-api/resources/hris/pay-statements'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningSandbox, startSandbox } from '../../../src/sandbox'
import { bodyOf, callApi, connect, TEST_CLIENT } from './sandbox-driver'

const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]

describe('the sandbox on its default, generated data', () => {
  let sandbox: RunningSandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [TEST_CLIENT], rateLimits: false, seed: 7 })
  })
  afterAll(() => sandbox.close())

  it('serves the company a Connect login picked', async () => {
    const { accessToken } = await connect(sandbox, { username: 'smallco', products: ALL_PRODUCTS })

    const company = await callApi(sandbox, accessToken, '/employer/company')
    const directory = await bodyOf<IndividualsPageResponse>(
      await callApi(sandbox, accessToken, '/employer/directory'),
    )

    expect(company.status).toBe(200)
    expect(directory.paging.count).toBe(directory.individuals.length)
    expect(directory.individuals.length).toBeGreaterThan(0)
  })

  it('serves a scale-<people>-<runs> login at that size', async () => {
    const { accessToken } = await connect(sandbox, {
      username: 'scale-40-3',
      products: ALL_PRODUCTS,
    })

    const directory = await bodyOf<IndividualsPageResponse>(
      await callApi(sandbox, accessToken, '/employer/directory?limit=1'),
    )
    const payments = await bodyOf<Payment[]>(
      await callApi(
        sandbox,
        accessToken,
        '/employer/payment?start_date=2000-01-01&end_date=2100-12-31',
      ),
    )
    const statements = await bodyOf<{ responses: PayStatementResponse[] }>(
      await callApi(sandbox, accessToken, '/employer/pay-statement', {
        body: { requests: payments.slice(0, 2).map((payment) => ({ payment_id: payment.id })) },
      }),
    )

    expect(directory.paging.count).toBe(40)
    expect(payments.length).toBeGreaterThanOrEqual(3)
    expect(statements.responses.map((item) => item.code)).toEqual([200, 200])
  })

  it('answers each enrolled individual of a generated benefit', async () => {
    const { accessToken } = await connect(sandbox, { username: 'largeco', products: ALL_PRODUCTS })
    const benefits = await bodyOf<CompanyBenefit[]>(
      await callApi(sandbox, accessToken, '/employer/benefits'),
    )
    const enrolledIn = await Promise.all(
      benefits.map(async (benefit) => {
        const path = `/employer/benefits/${benefit.benefit_id}/enrolled`
        return (
          await bodyOf<{ individual_ids: string[] }>(await callApi(sandbox, accessToken, path))
        ).individual_ids
      }),
    )

    expect(benefits.length).toBeGreaterThan(0)
    expect(enrolledIn.some((ids) => ids.length > 0)).toBe(true)
  })
})
