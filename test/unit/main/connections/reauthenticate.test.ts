import { afterEach, describe, expect, it } from 'vitest'
import { VAULT_ACCOUNTS } from '../../../../src/main/vault/secret-vault'
import type { AppError } from '../../../../src/shared/app-error'
import { ScriptedConnectUser } from '../../../support/scripted-connect-user'
import type { ConnectionsFixture } from './connections-fixture'
import { startConnectionsFixture } from './connections-fixture'
import { SystemBrowserDouble } from './system-browser-double'

describe('reconnecting a connection Finch cut off', () => {
  let fixture: ConnectionsFixture

  afterEach(async () => {
    await fixture.close()
  })

  /** Connects Small Co, syncs it, then has the employer's system cut Finch off. */
  async function connectedThenRevoked() {
    const flow = fixture.flow({ presenter: new ScriptedConnectUser({ username: 'smallco' }) })
    const connection = await flow.connect({
      customerName: 'Small Co',
      products: ['company', 'directory'],
    })
    await fixture.sync.sync(connection.connectionId)
    const tokenAccount = VAULT_ACCOUNTS.connectionToken(connection.connectionId)
    const oldToken = await fixture.vault.read(tokenAccount)
    const company = fixture.cache.companyProfile(connection.connectionId)
    fixture.sandbox.revokeConnection(connection.connectionId)
    return { flow, connection, tokenAccount, oldToken, company }
  }

  it('marks the connection on reauthenticate_user and keeps its cached data readable', async () => {
    fixture = await startConnectionsFixture()
    const { connection, company } = await connectedThenRevoked()

    const failure = await fixture.sync.sync(connection.connectionId).catch((e: unknown) => e)

    expect((failure as AppError).code).toBe('finch_reauthenticate')
    expect(fixture.cache.getConnection(connection.connectionId)?.status).toBe(
      'needs_reauthentication',
    )
    expect(company?.legalName).toBeTruthy()
    expect(fixture.cache.companyProfile(connection.connectionId)).toEqual(company)
  })

  it('replaces the token in the keychain, keeps every identifier and the cached data, and syncs again', async () => {
    fixture = await startConnectionsFixture()
    const { flow, connection, tokenAccount, oldToken, company } = await connectedThenRevoked()
    await fixture.sync.sync(connection.connectionId).catch(() => undefined)

    const reconnected = await flow.reauthenticate({ connectionId: connection.connectionId })
    const newToken = await fixture.vault.read(tokenAccount)
    const resync = await fixture.sync.sync(connection.connectionId)

    expect(reconnected).toMatchObject({
      connectionId: connection.connectionId,
      companyId: connection.companyId,
      customerId: connection.customerId,
      customerName: connection.customerName,
      connectedAt: connection.connectedAt,
      status: 'connected',
    })
    expect(newToken).not.toBe(oldToken)
    expect(fixture.sandbox.issuedTokens()).toContain(newToken)
    expect(await fixture.tokenAccounts()).toEqual([tokenAccount])
    expect(fixture.cache.companyProfile(connection.connectionId)?.legalName).toBe(
      company?.legalName,
    )
    expect(resync.status).toBe('succeeded')
    expect(fixture.store.connectionOverview(connection.connectionId)?.account?.status).toBe(
      'connected',
    )
    expect(
      fixture.sandbox.requestLog().filter((e) => e.path === '/connect/sessions/reauthenticate'),
    ).toHaveLength(1)
  })

  it('reconnects through the system browser the same way', async () => {
    fixture = await startConnectionsFixture()
    const { connection, tokenAccount, oldToken } = await connectedThenRevoked()
    const browser = new SystemBrowserDouble({ username: 'smallco' })

    const reconnected = await fixture
      .flow({ openExternal: browser.openExternal })
      .reauthenticate({ connectionId: connection.connectionId, openIn: 'browser' })

    expect(reconnected.connectionId).toBe(connection.connectionId)
    expect(await fixture.vault.read(tokenAccount)).not.toBe(oldToken)
    expect(browser.answers.map((answer) => answer.status)).toEqual([200])
  })

  it('refuses to reconnect a connection that was disconnected', async () => {
    fixture = await startConnectionsFixture()
    const { flow, connection } = await connectedThenRevoked()
    await fixture.disconnect({ connectionId: connection.connectionId, purge: false })

    const failure = await flow
      .reauthenticate({ connectionId: connection.connectionId })
      .catch((e: unknown) => e)

    expect((failure as AppError).code).toBe('connect_failed')
    expect(fixture.exchanges()).toBe(1)
  })
})
