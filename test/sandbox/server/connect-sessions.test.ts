/** Creating Connect sessions with client credentials; refusing malformed or unsigned ones. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { API_VERSION, basicAuth, connect, createSession, startTestSandbox } from './sandbox-driver'

describe('POST /connect/sessions', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  }

  const validBody = {
    customer_id: 'customer-1',
    customer_name: 'Harbor Bakery',
    products: ['company', 'directory'],
    redirect_uri: 'http://127.0.0.1:9/callback',
  }

  it('answers a session id and a Connect URL on the sandbox', async () => {
    const session = await createSession(sandbox)

    expect(session.session_id).toMatch(/^sess_/)
    expect(session.connect_url).toBe(
      `${sandbox.url}/authorize?session=${encodeURIComponent(session.session_id)}`,
    )
  })

  it('refuses wrong client credentials with 401 invalid_client_error', async () => {
    const response = await post('/connect/sessions', validBody, basicAuth('test-app', 'wrong'))

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      code: 401,
      name: 'invalid_client_error',
      message: 'The client credentials are not valid.',
    })
  })

  it.each([
    ['no Authorization header', { Authorization: '' }, validBody],
    ['a bearer token instead', { Authorization: 'Bearer sbx_x.y' }, validBody],
    [
      'the credentials in the body instead',
      { Authorization: '' },
      { ...validBody, client_id: 'test-app', client_secret: 'sandbox-secret-test-app' },
    ],
  ])('refuses %s with 401 invalid_client_error', async (_case, headers, body) => {
    const response = await post('/connect/sessions', body, headers)

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 401, name: 'invalid_client_error' })
  })

  it('requires the Finch-API-Version header', async () => {
    const response = await post('/connect/sessions', validBody, {
      'Finch-API-Version': '2019-01-01',
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 400, name: 'invalid_request_error' })
  })

  it.each([
    ['an unknown product', { ...validBody, products: ['company', 'salaries'] }],
    ['no products', { ...validBody, products: [] }],
    ['no customer id', { ...validBody, customer_id: undefined }],
    ['a javascript: redirect URI', { ...validBody, redirect_uri: 'javascript:alert(1)' }],
    ['a redirect URI with a fragment', { ...validBody, redirect_uri: 'http://127.0.0.1/cb#x' }],
    ['an unknown provider', { ...validBody, integration: { provider: 'workday' } }],
    ['a non-positive lifetime', { ...validBody, minutes_to_expire: 0 }],
  ])('refuses %s with 400 invalid_request_error', async (_case, body) => {
    const response = await post('/connect/sessions', body)

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 400, name: 'invalid_request_error' })
  })

  it('accepts an app scheme as redirect URI', async () => {
    const response = await post('/connect/sessions', {
      ...validBody,
      redirect_uri: 'payroll-desk://finch/callback',
    })

    expect(response.status).toBe(200)
  })

  it('answers JSON with Finch-Request-Id', async () => {
    const response = await post('/connect/sessions', validBody)

    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('finch-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('POST /connect/sessions/reauthenticate', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it('opens a session for a connection the application made', async () => {
    const { connectionId } = await connect(sandbox)

    const response = await fetch(`${sandbox.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connection_id: connectionId, redirect_uri: 'http://127.0.0.1:9/cb' }),
    })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      connect_url: expect.stringContaining('/authorize?session='),
    })
  })

  it('refuses wrong client credentials with 401 invalid_client_error', async () => {
    const { connectionId } = await connect(sandbox)

    const response = await fetch(`${sandbox.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: {
        ...basicAuth('test-app', 'wrong'),
        ...API_VERSION,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ connection_id: connectionId }),
    })

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 401, name: 'invalid_client_error' })
  })

  it('answers 404 for a connection it does not know', async () => {
    const response = await fetch(`${sandbox.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connection_id: '00000000-0000-4000-8000-000000000000' }),
    })

    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 404, name: 'not_found_error' })
  })
})
