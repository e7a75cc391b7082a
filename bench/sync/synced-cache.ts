/**
 * A large company synced once into a throwaway encrypted cache, for benchmarks that time reads
 * of the cache rather than the sync: the in-process sandbox, the app's own `ConnectionSync`, and
 * a folder that keeps the cache and its key so a later run can reuse them.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CacheDatabase } from '../../src/main/cache/open-database'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { Redactor, createLogger, stderrSink } from '../../src/main/log/logger'
import { ConnectionSync } from '../../src/main/sync/sync-connection'
import { startSandbox } from '../../src/sandbox'
import { connect } from './sandbox-connection'

export interface SyncedCache {
  db: CacheDatabase
  connectionId: string
}

/** Opens the cache kept in `folder`, or syncs `username` into it first. */
export async function syncedCache(folder: string, username: string): Promise<SyncedCache> {
  const databasePath = join(folder, 'cache.db')
  const keyPath = join(folder, 'key.hex')
  const idPath = join(folder, 'connection-id')
  if (existsSync(databasePath) && existsSync(keyPath) && existsSync(idPath)) {
    const started = performance.now()
    const db = openDatabase({ path: databasePath, keyHex: readFileSync(keyPath, 'utf8').trim() })
    console.log(
      `[bench] reusing the synced cache in ${folder} (opened and migrated in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s)`,
    )
    return { db, connectionId: readFileSync(idPath, 'utf8').trim() }
  }

  const client = { clientId: 'bench', clientSecret: randomBytes(24).toString('base64url') }
  const sandbox = await startSandbox({ clients: [client] })
  try {
    const connection = await connect(sandbox.url, client, username)
    const keyHex = randomBytes(32).toString('hex')
    const cache = new PayrollCache(openDatabase({ path: databasePath, keyHex }))
    cache.saveConnection({
      connectionId: connection.connectionId,
      environment: 'finch',
      companyId: connection.companyId,
      customerId: 'bench',
      customerName: 'Benchmark',
      providerId: connection.providerId,
      connectionType: 'provider',
      products: connection.products,
      connectedAt: new Date().toISOString(),
    })
    const sync = new ConnectionSync({
      baseURL: async () => sandbox.url,
      vault: { read: async () => connection.token },
      cache,
      logger: createLogger({ sinks: [stderrSink], redactor: new Redactor(), level: 'warn' }),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: { rateLimits: null, paymentsFrom: () => '2024-01-01' },
    })
    const started = performance.now()
    const summary = await sync.sync(connection.connectionId, { mode: 'full' })
    console.log(
      `[bench] synced ${summary.counts.pay_statement} statements in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    cache.close()
    writeFileSync(keyPath, keyHex, { mode: 0o600 })
    writeFileSync(idPath, connection.connectionId)
    return {
      db: openDatabase({ path: databasePath, keyHex }),
      connectionId: connection.connectionId,
    }
  } finally {
    await sandbox.close()
  }
}

/** The fastest of `runs` timings, in milliseconds, and the last result. */
export function fastestOf<T>(runs: number, work: () => T): { ms: number; result: T } {
  let best = Infinity
  let result: T | undefined
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    result = work()
    best = Math.min(best, performance.now() - started)
  }
  return { ms: best, result: result as T }
}
