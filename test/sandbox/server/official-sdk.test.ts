/** The sandbox driven through the official Finch SDK, the client the app itself uses. */
import Finch, {
  AuthenticationError,
  BadRequestError,
  PermissionDeniedError,
} from '@tryfinch/finch-api'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { codeFrom, REDIRECT_URI, signIn, startTestSandbox, TEST_CLIENT } from './sandbox-driver'
import { COMPANY_ID, PEOPLE } from './tiny-dataset'

/** The SDK reads FINCH_* variables by default; every value is passed explicitly instead. */
function backEndClient(sandbox: RunningSandbox): Finch {
  return new Finch({
    baseURL: sandbox.url,
    accessToken: null,
    clientID: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    webhookSecret: null,
    maxRetries: 0,
  })
}

function apiClient(sandbox: RunningSandbox, accessToken: string): Finch {
  return new Finch({
    baseURL: sandbox.url,
    accessToken,
    clientID: null,
    clientSecret: null,
    webhookSecret: null,
    maxRetries: 0,
  })
}

describe('the sandbox through the official Finch SDK', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  async function connectWithSdk(products: ('company' | 'directory')[]): Promise<string> {
    const backEnd = backEndClient(sandbox)
    const session = await backEnd.connect.sessions.new({
      customer_id: 'customer-sdk',
      customer_name: 'SDK Bakery',
      products,
      redirect_uri: REDIRECT_URI,
      sandbox: 'finch',
    })
    const code = codeFrom(await signIn(sandbox, session.session_id, { state: 'sdk' }))
    const token = await backEnd.accessTokens.create({ code, redirect_uri: REDIRECT_URI })
    return token.access_token
  }

  it('connects, introspects and reads the company and the directory', async () => {
    const accessToken = await connectWithSdk(['company', 'directory'])
    const finch = apiClient(sandbox, accessToken)

    const introspection = await finch.account.introspect()
    const company = await finch.hris.company.retrieve()
    const people = []
    for await (const person of finch.hris.directory.list({ limit: 2 })) people.push(person.id)

    expect(introspection.products).toEqual(['company', 'directory'])
    expect(introspection.customer_id).toBe('customer-sdk')
    expect(company.id).toBe(COMPANY_ID)
    expect(people).toEqual(Object.values(PEOPLE))
  })

  it('surfaces a revoked connection as an AuthenticationError (reauthenticate_user)', async () => {
    const accessToken = await connectWithSdk(['company'])
    const finch = apiClient(sandbox, accessToken)
    sandbox.revokeConnection((await finch.account.introspect()).connection_id)

    const failure = await finch.hris.company.retrieve().catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(AuthenticationError)
    expect((failure as AuthenticationError).status).toBe(401)
    expect((failure as AuthenticationError).error).toMatchObject({
      finch_code: 'reauthenticate_user',
    })
  })

  it('surfaces a missing product as a PermissionDeniedError', async () => {
    const finch = apiClient(sandbox, await connectWithSdk(['company']))

    const failure = await finch.hris.directory.list().catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(PermissionDeniedError)
    expect((failure as PermissionDeniedError).error).toMatchObject({
      name: 'insufficient_scope_error',
    })
  })

  it('surfaces a reused code as a BadRequestError with invalid_grant_error', async () => {
    const backEnd = backEndClient(sandbox)
    const session = await backEnd.connect.sessions.new({
      customer_id: 'customer-sdk',
      customer_name: 'SDK Bakery',
      products: ['company'],
      redirect_uri: REDIRECT_URI,
    })
    const code = codeFrom(await signIn(sandbox, session.session_id))
    await backEnd.accessTokens.create({ code, redirect_uri: REDIRECT_URI })

    const failure = await backEnd.accessTokens
      .create({ code, redirect_uri: REDIRECT_URI })
      .catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(BadRequestError)
    expect((failure as BadRequestError).error).toMatchObject({ name: 'invalid_grant_error' })
  })

  it('disconnects through the SDK', async () => {
    const finch = apiClient(sandbox, await connectWithSdk(['company']))

    const result = await finch.account.disconnect()
    const failure = await finch.hris.company.retrieve().catch((error: unknown) => error)

    expect(result.status).toBe('success')
    expect(failure).toBeInstanceOf(AuthenticationError)
  })
})
