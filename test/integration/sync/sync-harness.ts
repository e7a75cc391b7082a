/**
 * A sync under test: the local sandbox over real HTTP, a real encrypted cache file, the real
 * keychain (a throwaway service) holding the connection's token, and a `ConnectionSync` built
 * the way the app builds it. The connection is made through the sandbox's Connect pages.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { Redactor, createLogger } from '../../../src/main/log/logger'
import type { SyncSettings } from '../../../src/main/sync/sync-settings'
import { ConnectionSync } from '../../../src/main/sync/sync-connection'
import { SecretVault, VAULT_ACCOUNTS } from '../../../src/main/vault/secret-vault'
import type { SyncProgress } from '../../../src/shared/domain'
import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { makeTempDir } from '../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../support/test-keychain'
import { TEST_SYNC_SETTINGS } from './test-sync-settings'

export { TEST_SYNC_SETTINGS }

export const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]

const REDIRECT_URI = 'http://127.0.0.1:9/payroll-desk/connect-callback'

export interface SyncHarness {
  sandbox: RunningSandbox
  cache: PayrollCache
  sync: ConnectionSync
  connectionId: string
  databasePath: string
  keyHex: string
  service: string
  progress: SyncProgress[]
  /** Called with every progress event, in the middle of the sync, right after it wrote something. */
  onProgress: ((event: SyncProgress) => void) | null
  /** Another sync service over the same cache, with other settings. */
  syncWith(settings: Partial<SyncSettings>): ConnectionSync
  /** Closes and reopens the cache file, as the app does at its next start. */
  reopen(): PayrollCache
  close(): Promise<void>
}

export interface HarnessOptions {
  username: string
  products?: string[]
  sandbox?: SandboxOptions
  settings?: Partial<SyncSettings>
}

export async function startSyncHarness(options: HarnessOptions): Promise<SyncHarness> {
  const client = { clientId: 'sync-test', clientSecret: randomBytes(24).toString('base64url') }
  const sandbox = await startSandbox({ clients: [client], rateLimits: false, ...options.sandbox })
  const dir = makeTempDir('payroll-desk-sync-')
  const service = testKeychainService()
  const keyHex = randomBytes(32).toString('hex')
  const databasePath = join(dir.path, 'cache.db')
  let cache = new PayrollCache(openDatabase({ path: databasePath, keyHex }))
  const redactor = new Redactor()
  const vault = new SecretVault(keytar, service, redactor)
  const logger = createLogger({ sinks: [], redactor })
  const progress: SyncProgress[] = []

  const products = options.products ?? ALL_PRODUCTS
  const connection = await connectThroughSandbox(sandbox, client, options.username, products)
  await vault.write(VAULT_ACCOUNTS.connectionToken(connection.connectionId), connection.token)
  cache.saveConnection({
    connectionId: connection.connectionId,
    environment: 'finch',
    companyId: connection.companyId,
    customerId: 'customer-1',
    customerName: 'Test Client',
    providerId: connection.providerId,
    connectionType: 'provider',
    products: connection.products,
    connectedAt: '2026-12-01T10:00:00.000Z',
  })

  const syncWith = (settings: Partial<SyncSettings>) =>
    new ConnectionSync({
      baseURL: async () => sandbox.url,
      vault,
      cache,
      logger: logger.child('sync'),
      onProgress: (event) => {
        progress.push(event)
        harness.onProgress?.(event)
      },
      onConnectionsChanged: () => undefined,
      settings: { ...TEST_SYNC_SETTINGS, ...options.settings, ...settings },
    })

  const harness: SyncHarness = {
    sandbox,
    cache,
    sync: syncWith({}),
    connectionId: connection.connectionId,
    databasePath,
    keyHex,
    service,
    progress,
    onProgress: null,
    syncWith,
    reopen() {
      cache.close()
      cache = new PayrollCache(openDatabase({ path: databasePath, keyHex }))
      harness.cache = cache
      harness.sync = syncWith({})
      return cache
    },
    async close() {
      cache.close()
      await sandbox.close()
      dir.remove()
      await clearKeychainService(service)
    },
  }
  return harness
}

interface SandboxConnection {
  token: string
  connectionId: string
  companyId: string
  providerId: string
  products: string[]
}

/** Connect as an employer would: a session, the sign-in form, then the code exchange. */
export async function connectThroughSandbox(
  sandbox: RunningSandbox,
  client: { clientId: string; clientSecret: string },
  username: string,
  products: string[],
): Promise<SandboxConnection> {
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')
  const session = await json(
    await fetch(`${sandbox.url}/connect/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Finch-API-Version': '2020-09-17',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        customer_id: 'customer-1',
        customer_name: 'Test Client',
        products,
        redirect_uri: REDIRECT_URI,
      }),
    }),
  )
  const connectUrl = new URL(session.connect_url as string)
  const login = await fetch(`${sandbox.url}/authorize/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      session: connectUrl.searchParams.get('session') ?? '',
      state: 'test-state',
      provider: 'gusto',
      username,
      password: 'letmein',
    }).toString(),
    redirect: 'manual',
  })
  const code = new URL(login.headers.get('location') ?? 'http://x/').searchParams.get('code')
  if (!code) throw new Error(`the sandbox did not sign ${username} in (${login.status})`)
  const token = await json(
    await fetch(`${sandbox.url}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code,
        redirect_uri: REDIRECT_URI,
      }),
    }),
  )
  return {
    token: token.access_token as string,
    connectionId: token.connection_id as string,
    companyId: (token.company_id as string | undefined) ?? 'company',
    providerId: (token.provider_id as string | undefined) ?? 'gusto',
    products: (token.products as string[] | undefined) ?? products,
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`sandbox answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}
