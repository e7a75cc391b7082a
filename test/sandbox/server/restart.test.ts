/** Tokens, revocations and disconnections across sandbox restarts. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox'
import { makeTempDir } from '../../support/temp-dir'
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

describe('the sandbox across restarts', () => {
  const signingKey = 'test-signing-key-0123456789'
  let folder: ReturnType<typeof makeTempDir>
  let running: RunningSandbox[]

  beforeEach(() => {
    folder = makeTempDir('sandbox-restart-')
    running = []
  })
  afterEach(async () => {
    await Promise.all(running.map((sandbox) => sandbox.close()))
    folder.remove()
  })

  async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
    const sandbox = await startTestSandbox({ signingKey, ...options })
    running.push(sandbox)
    return sandbox
  }

  it('accepts tokens issued before a restart with the same signing key', async () => {
    const first = await start()
    const { accessToken } = await connect(first, { products: ['company'] })
    await first.close()

    const second = await start()
    const response = await callApi(second, accessToken, '/employer/company')

    expect(response.status).toBe(200)
  })

  it('refuses them after a restart with another signing key', async () => {
    const first = await start()
    const { accessToken } = await connect(first, { products: ['company'] })

    const second = await start({ signingKey: 'another-key' })
    const response = await callApi(second, accessToken, '/employer/company')

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ name: 'invalid_token_error' })
  })

  it('keeps revocations in the state file', async () => {
    const stateFile = join(folder.path, 'state.json')
    const first = await start({ stateFile })
    const { accessToken, connectionId } = await connect(first, { products: ['company'] })
    first.revokeConnection(connectionId)

    const second = await start({ stateFile })
    const response = await callApi(second, accessToken, '/employer/company')

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ finch_code: 'reauthenticate_user' })
  })

  it('keeps disconnections in the state file', async () => {
    const stateFile = join(folder.path, 'state.json')
    const first = await start({ stateFile })
    const { accessToken } = await connect(first, { products: ['company'] })
    await callApi(first, accessToken, '/disconnect', { method: 'POST' })

    const second = await start({ stateFile })
    const response = await callApi(second, accessToken, '/employer/company')

    expect(response.status).toBe(401)
  })

  it('never writes tokens into the state file', async () => {
    const stateFile = join(folder.path, 'state.json')
    const sandbox = await start({ stateFile })
    const { connectionId } = await connect(sandbox, { products: ['company'] })
    sandbox.revokeConnection(connectionId)

    const contents = readFileSync(stateFile, 'utf8')

    expect(contents).toContain(connectionId)
    for (const token of sandbox.issuedTokens()) expect(contents).not.toContain(token)
  })

  it('re-authenticates a revoked connection known only from the state file', async () => {
    const stateFile = join(folder.path, 'state.json')
    const first = await start({ stateFile })
    const { connectionId } = await connect(first, { products: ['company'] })
    first.revokeConnection(connectionId)

    const second = await start({ stateFile })
    const session = await fetch(`${second.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connection_id: connectionId, redirect_uri: REDIRECT_URI }),
    })
    const { session_id } = (await session.json()) as { session_id: string }
    const code = codeFrom(await signIn(second, session_id))
    const token = await bodyOf<CreateAccessTokenResponse>(await exchange(second, { code }))
    const response = await callApi(second, token.access_token, '/employer/company')

    expect(token.connection_id).toBe(connectionId)
    expect(response.status).toBe(200)
  })

  it('refuses to start on a state file it cannot read', async () => {
    const stateFile = join(folder.path, 'state.json')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(stateFile, '{ not json')

    await expect(start({ stateFile })).rejects.toThrow(/state file/)
  })
})
