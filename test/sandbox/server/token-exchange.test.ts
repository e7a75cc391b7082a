/** Trading codes for tokens: once, within ten minutes, for the right client and redirect URI. */
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  basicAuth,
  bodyOf,
  codeFrom,
  createSession,
  exchange,
  REDIRECT_URI,
  signIn,
  startTestSandbox,
  TEST_CLIENT,
} from './sandbox-driver'
import { COMPANY_ID } from './tiny-dataset'

const OTHER_CLIENT = { clientId: 'other-app', clientSecret: 'sandbox-secret-other' }

describe('POST /auth/token', () => {
  let sandbox: RunningSandbox
  let now: number

  beforeEach(async () => {
    now = Date.UTC(2024, 5, 1)
    sandbox = await startTestSandbox({ now: () => now, clients: [TEST_CLIENT, OTHER_CLIENT] })
  })
  afterEach(() => sandbox.close())

  async function freshCode(products?: string[]): Promise<string> {
    const session = await createSession(sandbox, products ? { products } : {})
    return codeFrom(await signIn(sandbox, session.session_id))
  }

  it('trades a code for a token described like the SDK’s CreateAccessTokenResponse', async () => {
    const code = await freshCode(['company', 'directory'])

    const response = await exchange(sandbox, { code })
    const body = await bodyOf<CreateAccessTokenResponse>(response)

    expect(response.status).toBe(200)
    expect(body).toMatchObject({
      token_type: 'bearer',
      client_type: 'sandbox',
      connection_type: 'provider',
      provider_id: 'gusto',
      products: ['company', 'directory'],
      company_id: COMPANY_ID,
      customer_id: 'customer-1',
      customer_name: 'Harbor Bakery',
    })
    expect(body.access_token).toMatch(/^sbx_[\w-]+\.[\w-]+$/)
    expect(body.connection_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(body.account_id).toBe(body.connection_id)
    expect(sandbox.issuedTokens()).toEqual([body.access_token])
  })

  it('takes the fields as a form too', async () => {
    const code = await freshCode()

    const response = await fetch(`${sandbox.url}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        code,
        redirect_uri: REDIRECT_URI,
      }).toString(),
    })

    expect(response.status).toBe(200)
  })

  it('accepts a code only once', async () => {
    const code = await freshCode()

    const first = await exchange(sandbox, { code })
    const second = await exchange(sandbox, { code })

    expect(first.status).toBe(200)
    expect(second.status).toBe(400)
    expect(await second.json()).toEqual({
      code: 400,
      name: 'invalid_grant_error',
      message: 'The authorization code was already exchanged.',
    })
  })

  it('refuses a code after ten minutes', async () => {
    const code = await freshCode()
    now += 10 * 60_000

    const response = await exchange(sandbox, { code })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 400,
      name: 'invalid_grant_error',
      message: 'The authorization code has expired; codes last ten minutes.',
    })
  })

  it('still accepts a code just before ten minutes', async () => {
    const code = await freshCode()
    now += 10 * 60_000 - 1

    const response = await exchange(sandbox, { code })

    expect(response.status).toBe(200)
  })

  it('refuses a code with another redirect_uri, and keeps it for the right one', async () => {
    const code = await freshCode()

    const wrong = await exchange(sandbox, { code, redirect_uri: 'http://127.0.0.1:9/elsewhere' })
    const missing = await exchange(sandbox, { code, redirect_uri: undefined })
    const right = await exchange(sandbox, { code })

    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({
      code: 400,
      name: 'invalid_grant_error',
      message: 'redirect_uri does not match the one of the Connect session.',
    })
    expect(missing.status).toBe(400)
    expect(right.status).toBe(200)
  })

  it('refuses an unknown code with 400 invalid_grant_error', async () => {
    const response = await exchange(sandbox, { code: 'not-a-code' })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 400,
      name: 'invalid_grant_error',
      message: expect.any(String),
    })
  })

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }],
    ['an unknown client id', { client_id: 'stranger-app' }],
    ['no secret', { client_secret: undefined }],
    ['no client id', { client_id: undefined }],
  ])('refuses %s with 401 invalid_client_error', async (_case, credentials) => {
    const code = await freshCode()

    const response = await exchange(sandbox, { code, ...credentials })
    const retry = await exchange(sandbox, { code })

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      code: 401,
      name: 'invalid_client_error',
      message: 'The client credentials are not valid.',
    })
    expect(retry.status).toBe(200)
  })

  it('takes the client credentials as HTTP Basic auth too, as other OAuth clients send them', async () => {
    const code = await freshCode()

    const response = await fetch(`${sandbox.url}/auth/token`, {
      method: 'POST',
      headers: { ...basicAuth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, redirect_uri: REDIRECT_URI }),
    })

    expect(response.status).toBe(200)
  })

  it('refuses a code issued to another application', async () => {
    const code = await freshCode()

    const response = await exchange(sandbox, {
      code,
      client_id: OTHER_CLIENT.clientId,
      client_secret: OTHER_CLIENT.clientSecret,
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ name: 'invalid_grant_error' })
  })

  it('keeps the connection id when a customer connects the same provider again', async () => {
    const first = await bodyOf<CreateAccessTokenResponse>(
      await exchange(sandbox, { code: await freshCode() }),
    )
    const second = await bodyOf<CreateAccessTokenResponse>(
      await exchange(sandbox, { code: await freshCode() }),
    )

    expect(second.connection_id).toBe(first.connection_id)
    expect(second.access_token).not.toBe(first.access_token)
  })
})
