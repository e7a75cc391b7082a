/** Finch's per-product application rate limits over a rolling window. */
import { afterEach, describe, expect, it } from 'vitest'

import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox'
import { callApi, connect, startTestSandbox, TEST_CLIENT } from './sandbox-driver'

describe('application rate limits', () => {
  let sandbox: RunningSandbox
  let now: number

  afterEach(() => sandbox.close())

  async function start(options: SandboxOptions = {}): Promise<void> {
    now = Date.UTC(2024, 5, 1)
    sandbox = await startTestSandbox({ now: () => now, rateLimits: true, ...options })
  }

  async function statuses(token: string, path: string, count: number): Promise<number[]> {
    const result = []
    for (let i = 0; i < count; i++) result.push((await callApi(sandbox, token, path)).status)
    return result
  }

  it('allow 20 directory requests a minute, then answer 429 finch_application_rl', async () => {
    await start()
    const { accessToken } = await connect(sandbox, { products: ['directory'] })

    const first = await statuses(accessToken, '/employer/directory', 20)
    const refused = await callApi(sandbox, accessToken, '/employer/directory')

    expect(first.every((status) => status === 200)).toBe(true)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await refused.json()).toEqual({
      code: 429,
      name: 'rate_limit_exceeded_error',
      finch_code: 'finch_application_rl',
      message: expect.any(String),
    })
  })

  it('allow 12 payment requests a minute', async () => {
    await start()
    const { accessToken } = await connect(sandbox, { products: ['payment'] })
    const path = '/employer/payment?start_date=2024-01-01&end_date=2024-12-31'

    const result = await statuses(accessToken, path, 13)

    expect(result.slice(0, 12).every((status) => status === 200)).toBe(true)
    expect(result[12]).toBe(429)
  })

  it.each([
    ['company', 20, 'GET', '/employer/company', undefined],
    ['directory', 20, 'GET', '/employer/directory', undefined],
    ['individual', 20, 'POST', '/employer/individual', { requests: [] }],
    ['employment', 20, 'POST', '/employer/employment', { requests: [] }],
    [
      'payment',
      12,
      'GET',
      '/employer/payment?start_date=2024-01-01&end_date=2024-12-31',
      undefined,
    ],
    ['pay_statement', 12, 'POST', '/employer/pay-statement', { requests: [] }],
  ])(
    'allow %s %i requests in any 60 s, then answer 429 until the oldest leaves the window',
    async (product, limit, method, path, body) => {
      await start()
      const { accessToken } = await connect(sandbox, { products: [product] })
      const call = () => callApi(sandbox, accessToken, path, { method, body })

      const accepted: number[] = []
      for (let i = 0; i < limit; i++) {
        accepted.push((await call()).status)
        now += 1_000
      }
      const refused = await call()
      now = Date.UTC(2024, 5, 1) + 60_000
      const again = await call()

      expect(accepted).toEqual(Array.from({ length: limit }, () => 200))
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe(String(60 - limit))
      expect(await refused.json()).toEqual({
        code: 429,
        name: 'rate_limit_exceeded_error',
        finch_code: 'finch_application_rl',
        message: `Too many requests; retry after ${60 - limit} seconds.`,
      })
      expect(again.status).toBe(200)
    },
  )

  it('count each product on its own', async () => {
    await start({ rateLimits: { directory: 1 } })
    const { accessToken } = await connect(sandbox, { products: ['company', 'directory'] })

    const directory = await statuses(accessToken, '/employer/directory', 2)
    const company = await statuses(accessToken, '/employer/company', 2)

    expect(directory).toEqual([200, 429])
    expect(company).toEqual([200, 200])
  })

  it('share one budget across every token of an application', async () => {
    await start({ rateLimits: { company: 2 } })
    const first = await connect(sandbox, { products: ['company'] })
    const second = await connect(sandbox, { products: ['company'], username: 'largeco' })

    const result = [
      ...(await statuses(first.accessToken, '/employer/company', 2)),
      ...(await statuses(second.accessToken, '/employer/company', 1)),
    ]

    expect(result).toEqual([200, 200, 429])
  })

  it('keep separate budgets for separate applications', async () => {
    const other = { clientId: 'other-app', clientSecret: 'sandbox-secret-other' }
    await start({ rateLimits: { company: 1 }, clients: [TEST_CLIENT, other] })
    const mine = await connect(sandbox, { products: ['company'] })

    await callApi(sandbox, mine.accessToken, '/employer/company')
    const { accessToken: theirs } = await connectAs(other)
    const response = await callApi(sandbox, theirs, '/employer/company')

    expect(response.status).toBe(200)
  })

  it('roll the window: requests older than the window stop counting', async () => {
    await start({ rateLimits: { company: 2 } })
    const { accessToken } = await connect(sandbox, { products: ['company'] })
    await statuses(accessToken, '/employer/company', 1)
    now += 30_000
    await statuses(accessToken, '/employer/company', 1)

    const refused = await callApi(sandbox, accessToken, '/employer/company')
    now += 30_000
    const allowed = await callApi(sandbox, accessToken, '/employer/company')

    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(allowed.status).toBe(200)
  })

  it('take a shorter window when asked', async () => {
    await start({ rateLimits: { company: 1 }, rateLimitWindowMs: 1_000 })
    const { accessToken } = await connect(sandbox, { products: ['company'] })
    await callApi(sandbox, accessToken, '/employer/company')

    now += 1_000
    const response = await callApi(sandbox, accessToken, '/employer/company')

    expect(response.status).toBe(200)
  })

  it('can be turned off', async () => {
    await start({ rateLimits: false })
    const { accessToken } = await connect(sandbox, { products: ['payment'] })
    const path = '/employer/payment?start_date=2024-01-01&end_date=2024-12-31'

    const result = await statuses(accessToken, path, 30)

    expect(result.every((status) => status === 200)).toBe(true)
  })

  async function connectAs(client: { clientId: string; clientSecret: string }) {
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')
    const session = await fetch(`${sandbox.url}/connect/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Finch-API-Version': '2020-09-17',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ customer_id: 'c-2', customer_name: 'Other', products: ['company'] }),
    })
    const { session_id } = (await session.json()) as { session_id: string }
    const page = await fetch(`${sandbox.url}/authorize/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        session: session_id,
        provider: 'gusto',
        username: 'smallco',
        password: 'letmein',
      }).toString(),
    })
    const code = /id="authorization-code">([^<]+)</.exec(await page.text())![1]!
    const token = await fetch(`${sandbox.url}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code,
      }),
    })
    return { accessToken: ((await token.json()) as { access_token: string }).access_token }
  }
})
