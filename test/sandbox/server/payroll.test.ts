/** Payments by pay date and batched, paged pay statements with their per-item answers. */
import type { Payment } from '@tryfinch/finch-api/resources/hris'
import type { PayStatementResponse } from '@tryfinch/finch-api/resources/hris/pay-statements'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { bodyOf, callApi, connect, startTestSandbox } from './sandbox-driver'
import { PAYMENTS, PEOPLE } from './tiny-dataset'

describe('payroll endpoints', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: ['payment', 'pay_statement'] })).accessToken
  })
  afterEach(() => sandbox.close())

  describe('GET /employer/payment', () => {
    it('answers the payments paid between the two dates, both included', async () => {
      const response = await callApi(
        sandbox,
        token,
        '/employer/payment?start_date=2024-01-15&end_date=2024-01-31',
      )

      expect(response.status).toBe(200)
      expect((await bodyOf<Payment[]>(response)).map((payment) => payment.id)).toEqual([
        PAYMENTS.january,
        PAYMENTS.lateJanuary,
      ])
    })

    it.each([
      ['no dates', ''],
      ['no end date', 'start_date=2024-01-01'],
      ['an impossible date', 'start_date=2024-02-30&end_date=2024-03-01'],
      ['a date in another format', 'start_date=01/01/2024&end_date=2024-03-01'],
      ['a start after the end', 'start_date=2024-03-01&end_date=2024-01-01'],
    ])('refuses %s with 400 invalid_request_error', async (_case, query) => {
      const response = await callApi(sandbox, token, `/employer/payment?${query}`)

      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 400, name: 'invalid_request_error' })
    })
  })

  describe('POST /employer/pay-statement', () => {
    async function statements(requests: unknown[]): Promise<PayStatementResponse[]> {
      const response = await callApi(sandbox, token, '/employer/pay-statement', {
        body: { requests },
      })
      expect(response.status).toBe(200)
      return (await bodyOf<{ responses: PayStatementResponse[] }>(response)).responses
    }

    it('pages each payment on its own', async () => {
      const [first, second] = await statements([
        { payment_id: PAYMENTS.january, limit: 2 },
        { payment_id: PAYMENTS.lateJanuary, limit: 2, offset: 2 },
      ])

      expect(first).toMatchObject({
        payment_id: PAYMENTS.january,
        code: 200,
        body: { paging: { count: 3, offset: 0 } },
      })
      expect(second).toMatchObject({ code: 200, body: { paging: { count: 3, offset: 2 } } })
      const individualsOf = (item: PayStatementResponse | undefined) =>
        (item?.body as { pay_statements: { individual_id: string }[] }).pay_statements.map(
          (statement) => statement.individual_id,
        )
      expect(individualsOf(first)).toEqual([PEOPLE.ada, PEOPLE.ben])
      expect(individualsOf(second)).toEqual([PEOPLE.cleo])
    })

    it('answers each item of a mixed batch on its own: 200, 404 and 202 together', async () => {
      const answers = await statements([
        { payment_id: PAYMENTS.january, limit: 1 },
        { payment_id: 'aaaaaaaa-0000-4000-8000-000000000000' },
        { payment_id: PAYMENTS.february },
      ])

      expect(answers.map((answer) => [answer.payment_id, answer.code])).toEqual([
        [PAYMENTS.january, 200],
        ['aaaaaaaa-0000-4000-8000-000000000000', 404],
        [PAYMENTS.february, 202],
      ])
    })

    it('pages a payment with 100 statements by default', async () => {
      const [answer] = await statements([{ payment_id: PAYMENTS.january }])

      expect(answer?.body).toMatchObject({ paging: { count: 3, offset: 0 } })
      expect((answer?.body as { pay_statements: unknown[] }).pay_statements).toHaveLength(3)
    })

    it('answers 404 payment_not_found per unknown payment', async () => {
      const [answer] = await statements([{ payment_id: 'aaaaaaaa-0000-4000-8000-000000000000' }])

      expect(answer).toEqual({
        payment_id: 'aaaaaaaa-0000-4000-8000-000000000000',
        code: 404,
        body: {
          code: 404,
          name: 'not_found_error',
          finch_code: 'payment_not_found',
          message: expect.any(String),
        },
      })
    })

    it('answers 202 data_sync_in_progress per payment still being fetched', async () => {
      const [answer] = await statements([{ payment_id: PAYMENTS.february }])

      expect(answer).toEqual({
        payment_id: PAYMENTS.february,
        code: 202,
        body: {
          code: 202,
          name: 'accepted',
          finch_code: 'data_sync_in_progress',
          message:
            'The pay statements for this payment are being fetched. Please check back later.',
        },
      })
    })

    it.each([
      [
        'more than 10 payments',
        Array.from({ length: 11 }, () => ({ payment_id: PAYMENTS.january })),
      ],
      ['a limit above 5,000', [{ payment_id: PAYMENTS.january, limit: 5_001 }]],
      ['a negative offset', [{ payment_id: PAYMENTS.january, offset: -1 }]],
      ['an item without payment_id', [{ limit: 10 }]],
    ])('refuses %s with 400 invalid_request_error', async (_case, requests) => {
      const response = await callApi(sandbox, token, '/employer/pay-statement', {
        body: { requests },
      })

      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ name: 'invalid_request_error' })
    })
  })
})
