/** The rules every Finch API call passes: version, token, standing, scope, request ids, JSON. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  basicAuth,
  callApi,
  codeFrom,
  connect,
  createSession,
  exchange,
  signIn,
  startTestSandbox,
} from './sandbox-driver'
import { BENEFIT_401K, PAY_GROUP, PAYMENTS, PEOPLE } from './tiny-dataset'

const ALL_TINY_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]

describe('Finch rules on API calls', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: ['company', 'directory'] })).accessToken
  })
  afterEach(() => sandbox.close())

  it('answer 400 without the Finch-API-Version header', async () => {
    const response = await fetch(`${sandbox.url}/employer/company`, {
      headers: { Authorization: `Bearer ${token}` },
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 400,
      name: 'invalid_request_error',
      finch_code: 'invalid_request',
      message: expect.stringContaining('Finch-API-Version'),
    })
  })

  it('answer 400 for another API version', async () => {
    const response = await callApi(sandbox, token, '/employer/company', {
      headers: { 'Finch-API-Version': '2024-01-01' },
    })

    expect(response.status).toBe(400)
  })

  it('answer 401 unauthorized_request_error without a token', async () => {
    const response = await callApi(sandbox, null, '/employer/company')

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 401, name: 'unauthorized_request_error' })
  })

  it.each([
    ['a made-up token', 'not-a-token'],
    ['a token with a forged signature', 'FORGED'],
    ['a token with edited claims', 'EDITED'],
  ])('answer 401 invalid_token_error for %s', async (_case, kind) => {
    const [claims, signature] = token.slice(4).split('.') as [string, string]
    const edited = JSON.parse(Buffer.from(claims, 'base64url').toString())
    edited.products.push('ssn')
    const presented =
      {
        FORGED: `sbx_${claims}.${Buffer.alloc(32).toString('base64url')}`,
        EDITED: `sbx_${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`,
      }[kind] ?? kind

    const response = await callApi(sandbox, presented, '/employer/company')

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      code: 401,
      name: 'invalid_token_error',
      message: expect.any(String),
    })
  })

  it('answer 401 reauthenticate_user once the connection is revoked', async () => {
    const { connectionId } = await connect(sandbox, { products: ['company'] })
    sandbox.revokeConnection(connectionId)

    const response = await callApi(sandbox, token, '/employer/company')

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      code: 401,
      name: 'authentication_error',
      finch_code: 'reauthenticate_user',
      message: expect.any(String),
    })
  })

  it('answer 403 insufficient_scope_error for a product not granted', async () => {
    const companyOnly = await connect(sandbox, { products: ['company'] })

    const response = await callApi(sandbox, companyOnly.accessToken, '/employer/directory')

    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      code: 403,
      name: 'insufficient_scope_error',
      message: 'This connection was not granted the directory product.',
    })
  })

  it('stamp every answer with a unique Finch-Request-Id', async () => {
    const good = await callApi(sandbox, token, '/employer/company')
    const bad = await callApi(sandbox, null, '/employer/company')

    expect(good.headers.get('finch-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(bad.headers.get('finch-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(good.headers.get('finch-request-id')).not.toBe(bad.headers.get('finch-request-id'))
  })

  it('send the data freshness headers on data endpoints', async () => {
    const response = await callApi(sandbox, token, '/employer/directory')

    expect(new Date(response.headers.get('finch-data-retrieved')!).toString()).not.toBe(
      'Invalid Date',
    )
    expect(response.headers.get('finch-last-attempted-update-date')).toBeTruthy()
    expect(response.headers.get('finch-last-attempted-update-result')).toBe('success')
  })

  it('answer JSON only, errors included', async () => {
    const responses = await Promise.all([
      callApi(sandbox, token, '/employer/company'),
      callApi(sandbox, null, '/employer/company'),
      callApi(sandbox, token, '/employer/nowhere'),
    ])

    for (const response of responses) {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      await response.json()
    }
  })

  it('answer 404 not_found_error for an unknown endpoint and 405 for a wrong method', async () => {
    const unknown = await callApi(sandbox, token, '/employer/salaries')
    const wrongMethod = await callApi(sandbox, token, '/employer/company', {
      method: 'POST',
      body: {},
    })

    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ code: 404, name: 'not_found_error' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('GET')
  })

  it('refuse a request body that is not JSON', async () => {
    const response = await fetch(`${sandbox.url}/connect/sessions`, {
      method: 'POST',
      headers: {
        'Finch-API-Version': '2020-09-17',
        ...basicAuth(),
        'Content-Type': 'text/plain',
      },
      body: 'customer_id=1',
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ name: 'invalid_request_error' })
  })
})

/** Each endpoint the app calls, with the product it needs (null for none). */
const ENDPOINTS: [method: string, path: string, product: string | null, body?: unknown][] = [
  ['GET', '/employer/company', 'company'],
  ['GET', '/employer/directory', 'directory'],
  ['POST', '/employer/individual', 'individual', { requests: [{ individual_id: PEOPLE.ada }] }],
  ['POST', '/employer/employment', 'employment', { requests: [{ individual_id: PEOPLE.ada }] }],
  ['GET', '/employer/payment?start_date=2024-01-01&end_date=2024-12-31', 'payment'],
  [
    'POST',
    '/employer/pay-statement',
    'pay_statement',
    { requests: [{ payment_id: PAYMENTS.january }] },
  ],
  ['GET', '/employer/benefits', 'benefits'],
  ['GET', `/employer/benefits/${BENEFIT_401K}`, 'benefits'],
  ['GET', `/employer/benefits/${BENEFIT_401K}/enrolled`, 'benefits'],
  ['GET', `/employer/benefits/${BENEFIT_401K}/individuals`, 'benefits'],
  ['GET', '/employer/pay-groups', 'payment'],
  ['GET', `/employer/pay-groups/${PAY_GROUP}`, 'payment'],
  ['GET', '/introspect', null],
  ['GET', '/providers', null],
  ['GET', '/jobs/automated', null],
  ['POST', '/jobs/automated', null, { type: 'data_sync_all' }],
  ['POST', '/disconnect', null],
]

describe('the Finch-API-Version header', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: [...ALL_TINY_PRODUCTS] })).accessToken
  })
  afterEach(() => sandbox.close())

  it.each(ENDPOINTS)('is required by %s %s', async (method, path, _product, body) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 400,
      name: 'invalid_request_error',
      finch_code: 'invalid_request',
      message: 'The Finch-API-Version header must be 2020-09-17.',
    })
  })

  it('is required to create Connect sessions and re-authentication sessions', async () => {
    const { connectionId } = await connect(sandbox)
    const post = (path: string, body: unknown) =>
      fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { ...basicAuth(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })

    const session = await post('/connect/sessions', {
      customer_id: 'c',
      customer_name: 'C',
      products: ['company'],
    })
    const reauthentication = await post('/connect/sessions/reauthenticate', {
      connection_id: connectionId,
    })

    for (const response of [session, reauthentication]) {
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 400, finch_code: 'invalid_request' })
    }
  })

  it('is not required by the OAuth token endpoint, which OAuth clients call without it', async () => {
    const session = await createSession(sandbox)
    const code = codeFrom(await signIn(sandbox, session.session_id))

    const response = await exchange(sandbox, { code })

    expect(response.status).toBe(200)
  })
})

describe('product scopes', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it.each(ENDPOINTS.filter((endpoint) => endpoint[2] !== null))(
    '%s %s answers 403 without the %s product and 200 with it',
    async (method, path, product, body) => {
      const others = ALL_TINY_PRODUCTS.filter((granted) => granted !== product)
      const without = await connect(sandbox, { products: others })
      const withIt = await connect(sandbox, { products: [product!] })

      const refused = await callApi(sandbox, without.accessToken, path, { method, body })
      const allowed = await callApi(sandbox, withIt.accessToken, path, { method, body })

      expect(refused.status).toBe(403)
      expect(await refused.json()).toEqual({
        code: 403,
        name: 'insufficient_scope_error',
        message: `This connection was not granted the ${product} product.`,
      })
      expect(allowed.status).toBe(200)
    },
  )

  it('accepts the old deduction product for the benefits endpoints', async () => {
    const { accessToken } = await connect(sandbox, { products: ['deduction'] })

    const response = await callApi(sandbox, accessToken, '/employer/benefits')

    expect(response.status).toBe(200)
  })
})

describe('the data freshness headers', () => {
  const DAY_MS = 86_400_000
  let sandbox: RunningSandbox
  let now: number

  beforeEach(async () => {
    now = Date.UTC(2024, 5, 1, 9, 30)
    sandbox = await startTestSandbox({ now: () => now })
  })
  afterEach(() => sandbox.close())

  function freshness(response: Response) {
    return {
      retrieved: response.headers.get('finch-data-retrieved'),
      attempted: response.headers.get('finch-last-attempted-update-date'),
      result: response.headers.get('finch-last-attempted-update-result'),
    }
  }

  it('date an automated connection’s data to its last daily sync', async () => {
    const connectedAt = now
    const { accessToken } = await connect(sandbox, { products: ['company'] })

    const first = freshness(await callApi(sandbox, accessToken, '/employer/company'))
    now += DAY_MS + 3_600_000
    const nextDay = freshness(await callApi(sandbox, accessToken, '/employer/company'))

    expect(first).toEqual({
      retrieved: new Date(connectedAt).toISOString(),
      attempted: new Date(connectedAt).toISOString(),
      result: 'success',
    })
    expect(nextDay.retrieved).toBe(new Date(connectedAt + DAY_MS).toISOString())
  })

  it('date an assisted connection’s data to its last weekly sync', async () => {
    const connectedAt = now
    const { accessToken } = await connect(sandbox, { username: 'assisted', products: ['company'] })
    for (let i = 0; i < 2; i++) await callApi(sandbox, accessToken, '/employer/company')

    now += 6 * DAY_MS
    const sixDays = freshness(await callApi(sandbox, accessToken, '/employer/company'))
    now += 2 * DAY_MS
    const eightDays = freshness(await callApi(sandbox, accessToken, '/employer/company'))

    expect(sixDays.retrieved).toBe(new Date(connectedAt).toISOString())
    expect(eightDays.retrieved).toBe(new Date(connectedAt + 7 * DAY_MS).toISOString())
  })

  it('are sent on data endpoints only', async () => {
    const { accessToken } = await connect(sandbox, { products: ['company'] })

    const introspection = await callApi(sandbox, accessToken, '/introspect')
    const providers = await callApi(sandbox, null, '/providers')

    for (const response of [introspection, providers]) {
      expect(freshness(response)).toEqual({ retrieved: null, attempted: null, result: null })
      expect(response.headers.get('finch-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})
