/** The rules every Finch API call passes: version, token, standing, scope, request ids, JSON. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { basicAuth, callApi, connect, startTestSandbox } from './sandbox-driver'

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
      finch_code: null,
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
    expect(await response.json()).toMatchObject({
      code: 403,
      name: 'insufficient_scope_error',
      finch_code: null,
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
