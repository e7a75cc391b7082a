/**
 * A sync in a process of its own, for the kill test: it waits for its orders over IPC (where the
 * cache is, its key, the keychain service holding the token), opens the cache, syncs, and says
 * how far it got, until its parent kills it at some random moment.
 */
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { Redactor, createLogger } from '../../../src/main/log/logger'
import { ConnectionSync } from '../../../src/main/sync/sync-connection'
import type { RequestedMode } from '../../../src/main/sync/sync-plan'
import { SecretVault } from '../../../src/main/vault/secret-vault'
import { keytar } from '../../support/test-keychain'
import { TEST_SYNC_SETTINGS } from './test-sync-settings'

export interface ChildOrders {
  databasePath: string
  keyHex: string
  service: string
  connectionId: string
  baseURL: string
  mode: RequestedMode
}

export type ChildReport = { kind: 'ready' } | { kind: 'opened' } | { kind: 'synced' }

function report(message: ChildReport): void {
  process.send?.(message)
}

process.once('message', (orders: ChildOrders) => {
  void (async () => {
    const cache = new PayrollCache(
      openDatabase({ path: orders.databasePath, keyHex: orders.keyHex }),
    )
    report({ kind: 'opened' })
    const redactor = new Redactor()
    const sync = new ConnectionSync({
      baseURL: async () => orders.baseURL,
      vault: new SecretVault(keytar, orders.service, redactor),
      cache,
      logger: createLogger({ sinks: [], redactor }),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: TEST_SYNC_SETTINGS,
    })
    await sync.sync(orders.connectionId, { mode: orders.mode })
    report({ kind: 'synced' })
    cache.close()
    process.exit(0)
  })()
})

report({ kind: 'ready' })
