/** Scenarios that misbehave on purpose: assisted 202s and the reauth cut-off. */
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import type { Introspection } from '@tryfinch/finch-api/resources/account'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  API_VERSION,
  basicAuth,
  bodyOf,
  callApi,
  codeFrom,
  connect,
  exchange,
  REDIRECT_URI,
  signIn,
  startTestSandbox,
} from './sandbox-driver'

describe('scenario behaviour', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it('answers 202 on an assisted connection’s data endpoints until data is ready', async () => {
    const { accessToken } = await connect(sandbox, { username: 'assisted', products: ['company'] })

    const responses = []
    for (let i = 0; i < 4; i++)
      responses.push(await callApi(sandbox, accessToken, '/employer/company'))

    expect(responses.map((response) => response.status)).toEqual([202, 202, 200, 200])
    expect(await responses[0]!.json()).toMatchObject({
      code: 202,
      finch_code: 'data_sync_in_progress',
    })
  })

  it('cuts the reauth connection off after its allowance of data requests', async () => {
    const { accessToken, connectionId } = await connect(sandbox, {
      username: 'reauth',
      products: ['company'],
    })

    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push((await callApi(sandbox, accessToken, '/employer/company')).status)
    const introspection = await bodyOf<Introspection>(
      await callApi(sandbox, accessToken, '/introspect'),
    )

    expect(statuses).toEqual([200, 200, 200, 401, 401])
    expect(introspection.connection_id).toBe(connectionId)
    expect(introspection.connection_status.status).toBe('reauth')
  })

  it('lets the reauth connection work again, same id, once re-authenticated', async () => {
    const first = await connect(sandbox, { username: 'reauth', products: ['company'] })
    for (let i = 0; i < 4; i++) await callApi(sandbox, first.accessToken, '/employer/company')

    const session = await fetch(`${sandbox.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connection_id: first.connectionId, redirect_uri: REDIRECT_URI }),
    })
    const { session_id } = (await session.json()) as { session_id: string }
    const code = codeFrom(await signIn(sandbox, session_id, { username: 'reauth' }))
    const second = await bodyOf<CreateAccessTokenResponse>(await exchange(sandbox, { code }))
    const statuses = []
    for (let i = 0; i < 5; i++) {
      statuses.push((await callApi(sandbox, second.access_token, '/employer/company')).status)
    }
    const old = await callApi(sandbox, first.accessToken, '/employer/company')

    expect(second.connection_id).toBe(first.connectionId)
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    expect(old.status).toBe(401)
  })
})
