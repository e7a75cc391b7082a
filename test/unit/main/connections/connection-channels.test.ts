/**
 * The connection and settings channels through the composition root, as the UI calls them:
 * arguments checked against the contract, results free of secrets, and the client grouping
 * the home view shows.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices } from '../../../../src/main/app-services'
import type {
  ConnectPresentation,
  ConnectPresenter,
} from '../../../../src/main/connect/connect-presenter'
import { createAppServices } from '../../../../src/main/app-services'
import { VAULT_ACCOUNTS } from '../../../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../../../src/sandbox'
import { startSandbox } from '../../../../src/sandbox'
import type { IpcResponse } from '../../../../src/shared/ipc-contract'
import { ScriptedConnectUser } from '../../../support/scripted-connect-user'
import { makeTempDir } from '../../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../../support/test-keychain'

interface Running {
  services: AppServices
  sandbox: RunningSandbox
  client: { clientId: string; clientSecret: string }
  keychainService: string
  dataDir: string
  /** Every response and event body, as the UI would receive them. */
  seen: string[]
  call(channel: string, args?: unknown): Promise<IpcResponse>
  stop(): Promise<void>
}

/** Signs in to Connect as each of `usernames` in turn, one per attempt. */
class ConnectUsersInTurn implements ConnectPresenter {
  private next = 0

  constructor(private readonly usernames: string[]) {}

  present(presentation: ConnectPresentation): Promise<string> {
    const username = this.usernames[this.next++ % this.usernames.length]!
    return new ScriptedConnectUser({ username }).present(presentation)
  }
}

async function startApp(
  options: { policy?: unknown; usernames?: string[] } = {},
): Promise<Running> {
  const client = {
    clientId: `channels-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
  }
  const sandbox = await startSandbox({ clients: [client], rateLimits: false })
  const dir = makeTempDir()
  const keychainService = testKeychainService()
  writeFileSync(
    join(dir.path, 'settings.json'),
    JSON.stringify({
      mode: 'finch',
      clientId: client.clientId,
      redirectUri: 'http://localhost/payroll-desk/connect-callback',
      finchBaseUrl: sandbox.url,
    }),
  )
  await keytar.setPassword(keychainService, VAULT_ACCOUNTS.clientSecret, client.clientSecret)
  const policyFile = join(dir.path, 'policy.json')
  if (options.policy !== undefined) writeFileSync(policyFile, JSON.stringify(options.policy))

  const seen: string[] = []
  const services = await createAppServices({
    dataDir: dir.path,
    keytar,
    keychainService,
    presenter: new ConnectUsersInTurn(options.usernames ?? ['smallco']),
    emit: (event, payload) => seen.push(JSON.stringify({ event, payload })),
    version: 'test',
    policyFile,
  })
  return {
    services,
    sandbox,
    client,
    keychainService,
    dataDir: dir.path,
    seen,
    async call(channel, args) {
      const response = await services.router.dispatch(channel, args)
      seen.push(JSON.stringify(response))
      return response
    },
    async stop() {
      await services.close()
      await sandbox.close()
      dir.remove()
      await clearKeychainService(keychainService)
    },
  }
}

function valueOf<T>(response: IpcResponse): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`)
  return response.value as T
}

describe('the settings channels', () => {
  let app: Running

  afterEach(() => app.stop())

  it('take a client secret in, say only whether one is stored, and remove it', async () => {
    app = await startApp()
    const replacement = `replacement-${randomBytes(16).toString('hex')}`

    const updated = await app.call('settings.update', { clientSecret: replacement })
    const stored = await keytar.getPassword(app.keychainService, VAULT_ACCOUNTS.clientSecret)
    const removed = await app.call('settings.removeClientSecret')
    const after = await app.call('settings.get')

    expect(valueOf<{ hasClientSecret: boolean }>(updated).hasClientSecret).toBe(true)
    expect(stored).toBe(replacement)
    expect(valueOf<{ hasClientSecret: boolean }>(removed).hasClientSecret).toBe(false)
    expect(valueOf<{ hasClientSecret: boolean }>(after).hasClientSecret).toBe(false)
    expect(await keytar.getPassword(app.keychainService, VAULT_ACCOUNTS.clientSecret)).toBeNull()
    expect(app.seen.join('\n')).not.toContain(replacement)
    expect(app.seen.join('\n')).not.toContain(app.client.clientSecret)
    expect(readFileSync(app.services.logFile, 'utf8')).not.toContain(replacement)
  })

  it.each([
    ['a secret with spaces', { clientSecret: 'has spaces in it' }],
    ['an unknown field', { clientSecret: 'x', readBack: true }],
    ['a port below 1024', { browserCallbackPort: 80 }],
    ['an http base URL to another host', { finchBaseUrl: 'http://finch.example.com' }],
  ])('refuse %s', async (_label, change) => {
    app = await startApp()

    const response = await app.call('settings.update', change)

    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('show what the machine policy manages, and refuse to change it', async () => {
    app = await startApp({ policy: { clientId: 'firm-wide-client', browserCallbackPort: 53682 } })

    const settings = valueOf<{ clientId: string; managed: string[] }>(
      await app.call('settings.get'),
    )
    const policy = valueOf<{ status: string }>(await app.call('settings.policy'))
    const change = await app.call('settings.update', { clientId: 'mine' })

    expect(settings).toMatchObject({
      clientId: 'firm-wide-client',
      browserCallbackPort: 53682,
      managed: ['clientId', 'browserCallbackPort'],
    })
    expect(policy.status).toBe('applied')
    expect(change).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('report an invalid policy at start, and refuse to reach Finch until it is fixed', async () => {
    app = await startApp({ policy: { clientSecret: 'never-in-a-policy' } })

    const policy = valueOf<{ status: string; problem: string }>(await app.call('settings.policy'))
    const connect = await app.call('connect.start', {
      customerName: 'Small Co',
      products: ['company'],
    })

    expect(policy.status).toBe('invalid')
    expect(policy.problem).toMatch(/may not hold secrets/)
    expect(connect).toMatchObject({ ok: false, error: { code: 'policy_invalid' } })
    expect(app.sandbox.requestLog()).toEqual([])
    expect(readFileSync(app.services.logFile, 'utf8')).toMatch(/policy .* is not valid/)
  })
})

describe('the client and connection channels', () => {
  let app: Running

  afterEach(() => app.stop())

  it('group connections by client, with another connection added to an existing client', async () => {
    // Acme's second connection is another company of the same client (another provider login).
    app = await startApp({ usernames: ['smallco', 'smallco', 'largeco'] })
    const first = valueOf<{ customerId: string; connectionId: string }>(
      await app.call('connect.start', { customerName: 'Acme Holdings', products: ['company'] }),
    )
    const second = valueOf<{ customerId: string; connectionId: string }>(
      await app.call('connect.start', { customerName: 'Beta Bakery', products: ['company'] }),
    )
    const added = valueOf<{ customerId: string; connectionId: string }>(
      await app.call('connect.start', {
        customerId: first.customerId,
        products: ['company', 'directory'],
        sandbox: 'finch',
      }),
    )

    const clients = valueOf<
      { name: string; customerId: string; connections: { connectionId: string }[] }[]
    >(await app.call('clients.list'))

    expect(clients.map((c) => [c.name, c.connections.length])).toEqual([
      ['Acme Holdings', 2],
      ['Beta Bakery', 1],
    ])
    expect(added.customerId).toBe(first.customerId)
    expect(second.customerId).not.toBe(first.customerId)
    expect(new Set(clients[0]!.connections.map((c) => c.connectionId)).size).toBe(2)
  })

  it('describe a connection with what Finch’s introspection said, and never a token', async () => {
    app = await startApp()
    const connection = valueOf<{ connectionId: string }>(
      await app.call('connect.start', { customerName: 'Small Co', products: ['company'] }),
    )

    const overview = valueOf<{
      account: { status: string; authenticationMethods: unknown[]; entities: unknown[] }
      freshness: string
    }>(await app.call('connections.get', { connectionId: connection.connectionId }))

    expect(overview.account.status).toBe('connected')
    expect(overview.account.authenticationMethods).toEqual([
      { type: 'credential', status: 'connected', products: ['company'] },
    ])
    expect(overview.account.entities).toHaveLength(1)
    expect(overview.freshness).toBe('never_synced')
    for (const token of app.sandbox.issuedTokens()) {
      expect(app.seen.join('\n')).not.toContain(token)
    }
  })

  it.each([
    ['connect.start', { customerName: 'A', customerId: 'b', products: ['company'] }],
    ['connect.start', { products: ['company'] }],
    ['connect.start', { customerName: 'A', products: ['company'], openIn: 'elsewhere' }],
    ['connect.start', { customerName: 'A', products: ['company'], sandbox: 'yes' }],
    ['connect.reauthenticate', { connectionId: "x' OR 1=1" }],
    ['connections.disconnect', { connectionId: 'abc' }],
    ['connections.disconnect', { connectionId: 'abc', purge: 'yes' }],
    ['connections.disconnect', { connectionId: 'abc', purge: true, force: true }],
    ['connections.get', {}],
    ['clients.list', { all: true }],
    ['settings.removeClientSecret', { clientSecret: 'x' }],
  ])('refuse %s with %o', async (channel, args) => {
    app = await startApp()

    const response = await app.call(channel, args)

    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('answer not_found for a connection or client that is not in the cache', async () => {
    app = await startApp()

    const responses = [
      await app.call('connections.get', { connectionId: 'missing' }),
      await app.call('connections.disconnect', { connectionId: 'missing', purge: true }),
      await app.call('connect.reauthenticate', { connectionId: 'missing' }),
      await app.call('connect.start', { customerId: 'missing', products: ['company'] }),
    ]

    expect(responses.map((r) => !r.ok && r.error.code)).toEqual([
      'not_found',
      'not_found',
      'not_found',
      'not_found',
    ])
  })
})
