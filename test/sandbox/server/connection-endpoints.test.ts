/** Introspection, disconnection, the company and the paged directory. */
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import type { Introspection } from '@tryfinch/finch-api/resources/account'
import type { IndividualsPageResponse } from '@tryfinch/finch-api/pagination'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  bodyOf,
  callApi,
  codeFrom,
  connect,
  type Connection,
  createSession,
  exchange,
  signIn,
  startTestSandbox,
} from './sandbox-driver'
import { COMPANY_ID, PEOPLE } from './tiny-dataset'

describe('connection endpoints', () => {
  let sandbox: RunningSandbox
  let connection: Connection

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    connection = await connect(sandbox, { products: ['company', 'directory'] })
  })
  afterEach(() => sandbox.close())

  describe('GET /introspect', () => {
    it('describes the connection behind the token', async () => {
      const response = await callApi(sandbox, connection.accessToken, '/introspect')
      const body = await bodyOf<Introspection>(response)

      expect(response.status).toBe(200)
      expect(body).toMatchObject({
        client_id: 'test-app',
        client_type: 'sandbox',
        connection_id: connection.connectionId,
        connection_type: 'provider',
        connection_status: { status: 'connected' },
        products: ['company', 'directory'],
        provider_id: 'gusto',
        company_id: COMPANY_ID,
        customer_id: 'customer-1',
        customer_name: 'Harbor Bakery',
        manual: false,
        username: 'smallco',
        authentication_methods: [{ type: 'credential' }],
      })
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/)
    })

    it('reports a revoked connection as reauth instead of failing', async () => {
      sandbox.revokeConnection(connection.connectionId)

      const response = await callApi(sandbox, connection.accessToken, '/introspect')

      expect(response.status).toBe(200)
      expect((await bodyOf<Introspection>(response)).connection_status.status).toBe('reauth')
    })

    it('reports an assisted connection as manual and processing at first', async () => {
      const assisted = await connect(sandbox, { username: 'assisted', products: ['company'] })

      const body = await bodyOf<Introspection>(
        await callApi(sandbox, assisted.accessToken, '/introspect'),
      )

      expect(body.manual).toBe(true)
      expect(body.connection_status.status).toBe('processing')
      expect(body.authentication_methods?.[0]?.type).toBe('assisted')
    })
    it('reports a session that asked for the assisted method as manual', async () => {
      const session = await createSession(sandbox, {
        products: ['company'],
        integration: { provider: 'gusto', auth_method: 'assisted' },
      })
      const code = codeFrom(await signIn(sandbox, session.session_id))
      const token = await bodyOf<CreateAccessTokenResponse>(await exchange(sandbox, { code }))

      const body = await bodyOf<Introspection>(
        await callApi(sandbox, token.access_token, '/introspect'),
      )

      expect(body.manual).toBe(true)
    })
  })

  describe('POST /disconnect', () => {
    it('answers success and ends every token of the connection', async () => {
      const second = await connect(sandbox, { products: ['company', 'directory'] })

      const response = await callApi(sandbox, connection.accessToken, '/disconnect', {
        method: 'POST',
      })
      const after = await callApi(sandbox, second.accessToken, '/employer/company')

      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ status: 'success' })
      expect(after.status).toBe(401)
      expect(await after.json()).toMatchObject({ name: 'invalid_token_error' })
    })

    it('lets the same employer connect again afterwards', async () => {
      await callApi(sandbox, connection.accessToken, '/disconnect', { method: 'POST' })

      const again = await connect(sandbox, { products: ['company'] })
      const response = await callApi(sandbox, again.accessToken, '/employer/company')

      expect(again.connectionId).toBe(connection.connectionId)
      expect(response.status).toBe(200)
    })
  })

  describe('GET /employer/company', () => {
    it('answers the company of the scenario', async () => {
      const response = await callApi(sandbox, connection.accessToken, '/employer/company')

      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({
        id: COMPANY_ID,
        legal_name: 'Tiny smallco LLC',
      })
    })
  })

  describe('GET /employer/directory', () => {
    it('answers everyone when no limit is given', async () => {
      const body = await bodyOf<IndividualsPageResponse>(
        await callApi(sandbox, connection.accessToken, '/employer/directory'),
      )

      expect(body.paging).toEqual({ count: 3, offset: 0 })
      expect(body.individuals.map((person) => person.id)).toEqual(Object.values(PEOPLE))
    })

    it('pages with limit and offset', async () => {
      const path = '/employer/directory?limit=2&offset=2'

      const body = await bodyOf<IndividualsPageResponse>(
        await callApi(sandbox, connection.accessToken, path),
      )

      expect(body.paging).toEqual({ count: 3, offset: 2 })
      expect(body.individuals.map((person) => person.id)).toEqual([PEOPLE.cleo])
    })

    it('answers an empty page past the end', async () => {
      const path = '/employer/directory?offset=10'

      const body = await bodyOf<IndividualsPageResponse>(
        await callApi(sandbox, connection.accessToken, path),
      )

      expect(body).toEqual({ paging: { count: 3, offset: 10 }, individuals: [] })
    })

    it.each(['limit=-1', 'limit=0', 'limit=abc', 'offset=-5', 'offset=1.5'])(
      'refuses %s with 400 invalid_request_error',
      async (query) => {
        const response = await callApi(
          sandbox,
          connection.accessToken,
          `/employer/directory?${query}`,
        )

        expect(response.status).toBe(400)
        expect(await response.json()).toMatchObject({ name: 'invalid_request_error' })
      },
    )
  })
})
