import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectPresentation } from '../../../../src/main/connect/connect-presenter'
import { finchForConnection } from '../../../../src/main/finch/finch-gateway'
import type { KeytarApi } from '../../../../src/main/vault/secret-vault'
import { AppError } from '../../../../src/shared/app-error'
import { AbandonedConnect, ScriptedConnectUser } from '../../../support/scripted-connect-user'
import { keytar } from '../../../support/test-keychain'
import type { ConnectionsFixture } from './connections-fixture'
import {
  REDIRECT_URI,
  lockedKeytar,
  startConnectionsFixture,
  vaultOver,
} from './connections-fixture'

const request = { customerName: 'Small Co', products: ['company', 'directory'] as const }

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => new Error('the attempt succeeded'),
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(AppError)
  return outcome as AppError
}

describe('a connect attempt that goes wrong', () => {
  let fixture: ConnectionsFixture
  let clock = Date.now()

  afterEach(async () => {
    await fixture.close()
  })

  async function expectNothingStored(): Promise<void> {
    expect(fixture.storedRows()).toBe(0)
    expect(await fixture.tokenAccounts()).toEqual([])
  }

  it('refuses a redirect carrying another state and never exchanges its code', async () => {
    fixture = await startConnectionsFixture()
    const forged = new ScriptedConnectUser({
      username: 'smallco',
      rewrite: (url) => {
        url.searchParams.set('state', 'a-state-from-another-attempt')
        return url
      },
    })

    const failure = await failureOf(
      fixture.flow({ presenter: forged }).connect({ ...request, products: [...request.products] }),
    )

    expect(failure.code).toBe('connect_state_mismatch')
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
  })

  it('refuses a code that was already exchanged, and keeps what the first attempt stored', async () => {
    fixture = await startConnectionsFixture()
    const first = new ScriptedConnectUser({ username: 'smallco' })
    await fixture.flow({ presenter: first }).connect({ ...request, products: ['company'] })
    const usedCode = new URL(first.redirects[0]!).searchParams.get('code')!
    const rowsBefore = fixture.storedRows()
    const replay = new ScriptedConnectUser({
      username: 'largeco',
      rewrite: (url) => {
        url.searchParams.set('code', usedCode)
        return url
      },
    })

    const failure = await failureOf(
      fixture
        .flow({ presenter: replay })
        .connect({ customerName: 'Other Co', products: ['company'] }),
    )

    expect(failure.code).toBe('finch_rejected')
    expect(failure.message).toMatch(/already used, has expired/)
    expect(failure.message).not.toContain(usedCode)
    expect(fixture.storedRows()).toBe(rowsBefore)
    expect(await fixture.tokenAccounts()).toHaveLength(1)
  })

  it('refuses a code that expired before it was exchanged', async () => {
    clock = Date.now()
    fixture = await startConnectionsFixture({ now: () => clock })
    const slow = new ScriptedConnectUser({
      username: 'smallco',
      rewrite: (url) => {
        // Finch's codes last ten minutes.
        clock += 11 * 60_000
        return url
      },
    })

    const failure = await failureOf(
      fixture.flow({ presenter: slow }).connect({ ...request, products: ['company'] }),
    )

    expect(failure.code).toBe('finch_rejected')
    expect(fixture.exchanges()).toBe(1)
    await expectNothingStored()
  })

  it('refuses a code that Connect issued for another redirect URI', async () => {
    fixture = await startConnectionsFixture()
    const foreignCode = await codeForRedirect(fixture, 'http://localhost/another-app/callback')
    const swapped = new ScriptedConnectUser({
      username: 'smallco',
      rewrite: (url) => {
        url.searchParams.set('code', foreignCode)
        return url
      },
    })

    const failure = await failureOf(
      fixture.flow({ presenter: swapped }).connect({ ...request, products: ['company'] }),
    )

    expect(failure.code).toBe('finch_rejected')
    expect(failure.message).not.toContain(foreignCode)
    await expectNothingStored()
  })

  it('ends with connect_cancelled when the accountant cancels while Connect is open', async () => {
    fixture = await startConnectionsFixture()
    const flow = fixture.flow({ presenter: new AbandonedConnect() })

    const attempt = failureOf(flow.connect({ ...request, products: ['company'] }))
    await until(() => flow.inProgress && sessionsCreated(fixture) === 1)
    const cancelled = flow.cancel()

    expect(cancelled).toBe(true)
    expect((await attempt).code).toBe('connect_cancelled')
    expect(flow.inProgress).toBe(false)
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
  })

  it('ends with connect_cancelled when the employer cancels in Connect', async () => {
    fixture = await startConnectionsFixture()
    const cancelInConnect = {
      async present(presentation: ConnectPresentation) {
        const url = new URL(presentation.connectUrl)
        const response = await fetch(new URL('/authorize/cancel', url.origin), {
          method: 'POST',
          body: new URLSearchParams({
            session: url.searchParams.get('session') ?? '',
            state: url.searchParams.get('state') ?? '',
          }),
          redirect: 'manual',
        })
        return response.headers.get('location') ?? ''
      },
    }

    const failure = await failureOf(
      fixture.flow({ presenter: cancelInConnect }).connect({ ...request, products: ['company'] }),
    )

    expect(failure.code).toBe('connect_cancelled')
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
  })

  it('stops before any Connect session when the keychain is locked', async () => {
    fixture = await startConnectionsFixture()
    const vault = vaultOver(lockedKeytar(), fixture.keychainService)

    const failure = await failureOf(
      fixture
        .flow({ presenter: new ScriptedConnectUser({ username: 'smallco' }), vault })
        .connect({ ...request, products: ['company'] }),
    )

    expect(failure.code).toBe('keychain_locked')
    expect(failure.message).toMatch(/Unlock it/)
    expect(sessionsCreated(fixture)).toBe(0)
    await expectNothingStored()
  })

  it('revokes the new token at Finch when the keychain locks before it is stored', async () => {
    fixture = await startConnectionsFixture()
    const locksOnTokens: KeytarApi = {
      getPassword: (service, account) => keytar.getPassword(service, account),
      deletePassword: (service, account) => keytar.deletePassword(service, account),
      setPassword: (service, account, password) =>
        account.startsWith('connection-token:')
          ? Promise.reject(new Error('Cannot create an item in a locked collection'))
          : keytar.setPassword(service, account, password),
    }
    const vault = vaultOver(locksOnTokens, fixture.keychainService)

    const failure = await failureOf(
      fixture
        .flow({ presenter: new ScriptedConnectUser({ username: 'smallco' }), vault })
        .connect({ ...request, products: ['company'] }),
    )

    expect(failure.code).toBe('keychain_locked')
    await expectNothingStored()
    const [issued] = fixture.sandbox.issuedTokens()
    const stillWorks = await finchForConnection(fixture.sandbox.url, issued!)
      .account.introspect()
      .then(
        () => true,
        () => false,
      )
    expect(stillWorks).toBe(false)
    expect(fixture.logLines.join('\n')).not.toContain(issued)
  })
})

function sessionsCreated(fixture: ConnectionsFixture): number {
  return fixture.sandbox.requestLog().filter((entry) => entry.path === '/connect/sessions').length
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A code from a Connect session of the same application made for another redirect URI. */
async function codeForRedirect(fixture: ConnectionsFixture, redirectUri: string): Promise<string> {
  const { clientId, clientSecret } = fixture.client
  const response = await fetch(`${fixture.sandbox.url}/connect/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
      'finch-api-version': '2020-09-17',
    },
    body: JSON.stringify({
      customer_id: 'someone-else',
      customer_name: 'Someone Else',
      products: ['company'],
      redirect_uri: redirectUri,
    }),
  })
  const { connect_url: connectUrl } = (await response.json()) as { connect_url: string }
  const user = new ScriptedConnectUser({ username: 'smallco' })
  const redirect = await user.present({
    connectUrl: `${connectUrl}&state=theirs`,
    redirectUri,
    signal: new AbortController().signal,
  })
  expect(redirect.startsWith(redirectUri)).toBe(true)
  expect(REDIRECT_URI).not.toBe(redirectUri)
  return new URL(redirect).searchParams.get('code')!
}
