/**
 * Every error the sandbox answers, provoked one by one: the status, Finch's documented name and
 * finch_code pair, and a body that passes the YAML's `Error` schema (`code`, `name`, optional
 * `finch_code`, `message`), whether it is the whole answer or one item of a batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  basicAuth,
  callApi,
  connect,
  exchange,
  startTestSandbox,
  TEST_CLIENT,
} from '../server/sandbox-driver'
import { PAYMENTS } from '../server/tiny-dataset'
import { FinchOpenApi } from './finch-openapi'

const openApi = new FinchOpenApi()
const UNKNOWN = '99999999-9999-4999-8999-999999999999'

interface Provoked {
  status: number
  /** The error body: the answer itself, or the failed item inside a batch answer. */
  body: unknown
  headers: Headers
}

type Provoke = (sandbox: RunningSandbox) => Promise<Provoked>

async function whole(response: Response): Promise<Provoked> {
  return { status: response.status, body: await response.json(), headers: response.headers }
}

async function firstItem(response: Response): Promise<Provoked> {
  const { responses } = (await response.json()) as { responses: { code: number; body: unknown }[] }
  const item = responses[0]!
  return { status: item.code, body: item.body, headers: response.headers }
}

async function token(sandbox: RunningSandbox, products?: string[], username?: string) {
  return (await connect(sandbox, { products, username })).accessToken
}

const CASES: [string, number, string, string | null, Provoke][] = [
  [
    'a missing Finch-API-Version',
    400,
    'invalid_request_error',
    'invalid_request',
    async (sandbox) =>
      whole(
        await fetch(`${sandbox.url}/employer/company`, {
          headers: { Authorization: `Bearer ${await token(sandbox)}` },
        }),
      ),
  ],
  [
    'an authorization code that is not valid',
    400,
    'invalid_grant_error',
    null,
    async (sandbox) => whole(await exchange(sandbox, { code: 'not-a-code' })),
  ],
  [
    'no token at all',
    401,
    'unauthorized_request_error',
    null,
    async (sandbox) => whole(await callApi(sandbox, null, '/employer/company')),
  ],
  [
    'a token that is not valid',
    401,
    'invalid_token_error',
    null,
    async (sandbox) => whole(await callApi(sandbox, 'sbx_forged.token', '/employer/company')),
  ],
  [
    'a connection the employer must reconnect',
    401,
    'authentication_error',
    'reauthenticate_user',
    async (sandbox) => {
      const { accessToken, connectionId } = await connect(sandbox)
      sandbox.revokeConnection(connectionId)
      return whole(await callApi(sandbox, accessToken, '/employer/company'))
    },
  ],
  [
    'wrong client credentials',
    401,
    'invalid_client_error',
    null,
    async (sandbox) =>
      whole(
        await fetch(`${sandbox.url}/connect/sessions`, {
          method: 'POST',
          headers: {
            ...basicAuth(TEST_CLIENT.clientId, 'wrong'),
            'Finch-API-Version': '2020-09-17',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ customer_id: 'c', customer_name: 'C', products: ['company'] }),
        }),
      ),
  ],
  [
    'a product not granted',
    403,
    'insufficient_scope_error',
    null,
    async (sandbox) =>
      whole(await callApi(sandbox, await token(sandbox, ['company']), '/employer/directory')),
  ],
  [
    'an unknown endpoint',
    404,
    'not_found_error',
    'item_not_found',
    async (sandbox) => whole(await callApi(sandbox, await token(sandbox), '/employer/salaries')),
  ],
  [
    'an unknown benefit',
    404,
    'not_found_error',
    'benefit_not_found',
    async (sandbox) =>
      whole(await callApi(sandbox, await token(sandbox, ['benefits']), '/employer/benefits/nope')),
  ],
  [
    'an unknown individual, inside the batch',
    404,
    'not_found_error',
    'individual_not_found',
    async (sandbox) =>
      firstItem(
        await callApi(sandbox, await token(sandbox), '/employer/individual', {
          body: { requests: [{ individual_id: UNKNOWN }] },
        }),
      ),
  ],
  [
    'an unknown payment, inside the batch',
    404,
    'not_found_error',
    'payment_not_found',
    async (sandbox) =>
      firstItem(
        await callApi(sandbox, await token(sandbox), '/employer/pay-statement', {
          body: { requests: [{ payment_id: UNKNOWN }] },
        }),
      ),
  ],
  [
    'statements still being fetched, inside the batch',
    202,
    'accepted',
    'data_sync_in_progress',
    async (sandbox) =>
      firstItem(
        await callApi(sandbox, await token(sandbox), '/employer/pay-statement', {
          body: { requests: [{ payment_id: PAYMENTS.february }] },
        }),
      ),
  ],
  [
    'an assisted connection whose data is not ready',
    202,
    'accepted',
    'data_sync_in_progress',
    async (sandbox) =>
      whole(
        await callApi(sandbox, await token(sandbox, ['company'], 'assisted'), '/employer/company'),
      ),
  ],
  [
    'a wrong method',
    405,
    'method_not_allowed_error',
    null,
    async (sandbox) =>
      whole(await callApi(sandbox, await token(sandbox), '/employer/company', { body: {} })),
  ],
  [
    'the application rate limit',
    429,
    'rate_limit_exceeded_error',
    'finch_application_rl',
    async (sandbox) => {
      const accessToken = await token(sandbox, ['company'])
      await callApi(sandbox, accessToken, '/employer/company')
      return whole(await callApi(sandbox, accessToken, '/employer/company'))
    },
  ],
  [
    'the provider’s rate limit',
    429,
    'rate_limit_exceeded_error',
    'upstream_rate_limit_exceeded',
    async (sandbox) => {
      const accessToken = await token(sandbox, ['directory'])
      sandbox.setFaults({ rateLimitBurstRate: 1 })
      return whole(await callApi(sandbox, accessToken, '/employer/directory'))
    },
  ],
  [
    'a failure inside Finch',
    500,
    'server_error',
    null,
    async (sandbox) => {
      const accessToken = await token(sandbox, ['directory'])
      sandbox.setFaults({ serverErrorRate: 1 })
      return whole(await callApi(sandbox, accessToken, '/employer/directory'))
    },
  ],
  [
    'a provider that does not answer',
    502,
    'bad_gateway_error',
    'upstream_provider_error',
    async (sandbox) => {
      const accessToken = await token(sandbox, ['directory'])
      sandbox.setFaults({ badGatewayRate: 1 })
      return whole(await callApi(sandbox, accessToken, '/employer/directory'))
    },
  ],
]

describe('error answers', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox({ rateLimits: { company: 1 } })
  })
  afterEach(() => sandbox.close())

  it.each(CASES)(
    'answer %s with %i %s, in Finch’s error body',
    async (_case, status, name, finchCode, provoke) => {
      const provoked = await provoke(sandbox)

      expect(provoked.status).toBe(status)
      expect(provoked.body).toEqual({
        code: status,
        name,
        ...(finchCode === null ? {} : { finch_code: finchCode }),
        message: expect.stringMatching(/\w/),
      })
      expect(openApi.errorProblems(provoked.body)).toEqual([])
      expect(provoked.headers.get('finch-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    },
  )

  it('carry Retry-After on every 429', async () => {
    const limited = await CASES.find(([, , , code]) => code === 'finch_application_rl')![4](sandbox)
    const upstream = await CASES.find(
      ([, , , code]) => code === 'upstream_rate_limit_exceeded',
    )![4](sandbox)

    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(upstream.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('leave finch_code out rather than sending null when Finch has none', async () => {
    const { body } = await whole(await callApi(sandbox, null, '/employer/company'))

    expect(body).not.toHaveProperty('finch_code')
  })
})
