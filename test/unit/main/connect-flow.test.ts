import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { ConnectFlow, readRedirect } from '../../../src/main/connect/connect-flow'
import type { ConnectPresenter } from '../../../src/main/connect/connect-presenter'
import { ConnectionStore } from '../../../src/main/connections/connection-store'
import { Redactor, createLogger } from '../../../src/main/log/logger'
import { SecretVault, VAULT_ACCOUNTS } from '../../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { AbandonedConnect, ScriptedConnectUser } from '../../support/scripted-connect-user'
import { makeTempDir } from '../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../support/test-keychain'

const redirectUri = 'http://localhost/payroll-desk/connect-callback'
const client = {
  clientId: 'connect-flow-test',
  clientSecret: randomBytes(24).toString('base64url'),
}

describe('the connect flow against the sandbox', () => {
  let sandbox: RunningSandbox
  let dir: ReturnType<typeof makeTempDir>
  let cache: PayrollCache
  let store: ConnectionStore
  let vault: SecretVault
  const service = testKeychainService()

  beforeEach(async () => {
    sandbox = await startSandbox({ clients: [client] })
    dir = makeTempDir()
    const db = openDatabase({
      path: join(dir.path, 'cache.db'),
      keyHex: randomBytes(32).toString('hex'),
    })
    cache = new PayrollCache(db)
    store = new ConnectionStore(db, cache)
    vault = new SecretVault(keytar, service, new Redactor())
  })

  afterEach(async () => {
    cache.close()
    await sandbox.close()
    dir.remove()
    await clearKeychainService(service)
  })

  function flowWith(presenter: ConnectPresenter, timeoutMs?: number): ConnectFlow {
    return new ConnectFlow({
      application: async () => ({
        baseURL: sandbox.url,
        ...client,
        redirectUri,
        environment: 'finch',
      }),
      vault,
      cache,
      store,
      presenter,
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      onConnectionsChanged: () => undefined,
      ...(timeoutMs ? { timeoutMs } : {}),
    })
  }

  async function storedTokens(): Promise<string[]> {
    const entries = await keytar.findCredentials(service)
    return entries.filter((e) => e.account.startsWith('connection-token:')).map((e) => e.account)
  }

  function exchanges(): number {
    return sandbox.requestLog().filter((entry) => entry.path === '/auth/token').length
  }

  it('keeps the token in the keychain and the connection in the cache', async () => {
    const flow = flowWith(new ScriptedConnectUser({ username: 'largeco' }))

    const connection = await flow.connect({
      customerName: 'Large Co',
      products: ['company', 'directory'],
    })

    const token = await vault.read(VAULT_ACCOUNTS.connectionToken(connection.connectionId))
    expect(sandbox.issuedTokens()).toContain(token)
    expect(cache.listConnections()).toEqual([
      expect.objectContaining({ connectionId: connection.connectionId, status: 'connected' }),
    ])
    expect(JSON.stringify(connection)).not.toContain(token)
  })

  it('refuses a redirect with another state, exchanges nothing and stores nothing', async () => {
    const flow = flowWith(
      new ScriptedConnectUser({
        rewrite: (url) => {
          url.searchParams.set('state', 'forged-state')
          return url
        },
      }),
    )

    const failure = await flow
      .connect({ customerName: 'Large Co', products: ['company'] })
      .catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('connect_state_mismatch')
    expect(exchanges()).toBe(0)
    expect(cache.listConnections()).toEqual([])
    expect(await storedTokens()).toEqual([])
  })

  it('accepts a code once: replaying it in a later attempt is refused and stores nothing more', async () => {
    const first = new ScriptedConnectUser()
    await flowWith(first).connect({ customerName: 'Large Co', products: ['company'] })
    const usedCode = new URL(first.redirects[0]!).searchParams.get('code')!
    const replay = new ScriptedConnectUser({
      rewrite: (url) => {
        url.searchParams.set('code', usedCode)
        return url
      },
    })

    const failure = await flowWith(replay)
      .connect({ customerName: 'Other Co', products: ['company'] })
      .catch((e: unknown) => e)

    expect((failure as AppError).code).toBe('finch_rejected')
    expect((failure as AppError).message).not.toContain(usedCode)
    expect(cache.listConnections()).toHaveLength(1)
    expect(await storedTokens()).toHaveLength(1)
  })

  it('ends a cancelled attempt with connect_cancelled and stores nothing', async () => {
    const flow = flowWith(new AbandonedConnect())

    const attempt = flow
      .connect({ customerName: 'Large Co', products: ['company'] })
      .catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const cancelled = flow.cancel()

    expect(cancelled).toBe(true)
    expect(((await attempt) as AppError).code).toBe('connect_cancelled')
    expect(flow.inProgress).toBe(false)
    expect(cache.listConnections()).toEqual([])
  })

  it('times out an attempt nobody finishes', async () => {
    const flow = flowWith(new AbandonedConnect(), 100)

    const failure = await flow
      .connect({ customerName: 'Large Co', products: ['company'] })
      .catch((e: unknown) => e)

    expect((failure as AppError).code).toBe('connect_timeout')
  })

  it('refuses a second attempt while one is open', async () => {
    const flow = flowWith(new AbandonedConnect())
    const first = flow
      .connect({ customerName: 'A', products: ['company'] })
      .catch((e: unknown) => e)

    const second = await flow
      .connect({ customerName: 'B', products: ['company'] })
      .catch((e: unknown) => e)

    expect((second as AppError).code).toBe('connect_in_progress')
    flow.cancel()
    await first
  })
})

describe('reading Connect’s redirect', () => {
  const state = 'expected-state-value'

  it('returns the code when the state matches', () => {
    expect(readRedirect(`${redirectUri}?code=abc&state=${state}`, redirectUri, state)).toBe('abc')
  })

  it.each([
    ['a missing state', `${redirectUri}?code=abc`, 'connect_state_mismatch'],
    ['another state', `${redirectUri}?code=abc&state=other`, 'connect_state_mismatch'],
    [
      'a cancel in Connect',
      `${redirectUri}?error=access_denied&state=${state}`,
      'connect_cancelled',
    ],
    ['another address', `http://evil.example/cb?code=abc&state=${state}`, 'connect_failed'],
    ['no code', `${redirectUri}?state=${state}`, 'connect_failed'],
  ])('refuses %s', (_label, url, code) => {
    const failure = (() => {
      try {
        readRedirect(url, redirectUri, state)
      } catch (error) {
        return error
      }
    })()

    expect((failure as AppError).code).toBe(code)
  })
})
