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
import { ALL_PRODUCTS, connect } from '../../../bench/sync/sandbox-connection'
import { TEST_SYNC_SETTINGS } from './test-sync-settings'

export { TEST_SYNC_SETTINGS }

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
  const connection = await connect(sandbox.url, client, options.username, {
    products,
    customerId: 'customer-1',
    customerName: 'Test Client',
  })
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
