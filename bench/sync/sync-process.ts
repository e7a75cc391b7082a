/**
 * One sync in a process of its own, as the app's main process would run it: a fresh encrypted
 * cache, the connection's token (handed over IPC, never on the command line), the shared rate
 * limiter over the benchmark's window. It reports the sync's summary and its own peak RSS.
 */
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { Redactor, createLogger, stderrSink } from '../../src/main/log/logger'
import { ConnectionSync } from '../../src/main/sync/sync-connection'
import type { SyncSettings } from '../../src/main/sync/sync-settings'
import { scaledRateLimits } from '../../src/main/sync/sync-settings'

export interface SyncOrders {
  baseURL: string
  token: string
  connectionId: string
  products: string[]
  databasePath: string
  keyHex: string
  /** Finch's rate-limit window is shortened by this factor (on the sandbox's side too). */
  windowFactor: number
  /** False leaves the client-side limiter off (Finch's 429s are still honoured). */
  limiter: boolean
  settings: Partial<Omit<SyncSettings, 'rateLimits' | 'now' | 'paymentsFrom'>>
}

export interface SyncReport {
  kind: 'synced'
  summary: { requests?: number; retries?: number; counts: Record<string, number> }
  elapsedMs: number
  maxRssBytes: number
}

process.once('message', (orders: SyncOrders) => {
  void (async () => {
    const cache = new PayrollCache(
      openDatabase({ path: orders.databasePath, keyHex: orders.keyHex }),
    )
    cache.saveConnection({
      connectionId: orders.connectionId,
      environment: 'finch',
      companyId: 'bench',
      customerId: 'bench',
      customerName: 'Benchmark',
      providerId: 'workday',
      connectionType: 'provider',
      products: orders.products,
      connectedAt: new Date().toISOString(),
    })
    const redactor = new Redactor()
    const sync = new ConnectionSync({
      baseURL: async () => orders.baseURL,
      vault: { read: async () => orders.token },
      cache,
      logger: createLogger({ sinks: [stderrSink], redactor, level: 'warn' }),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: {
        ...orders.settings,
        rateLimits: orders.limiter ? scaledRateLimits(orders.windowFactor) : null,
        // The sandbox's payroll goes back two years from its fixed "today".
        paymentsFrom: () => '2024-01-01',
      },
    })
    const started = performance.now()
    const summary = await sync.sync(orders.connectionId, { mode: 'full' })
    const report: SyncReport = {
      kind: 'synced',
      summary,
      elapsedMs: performance.now() - started,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    }
    cache.close()
    process.send?.(report, () => process.exit(0))
  })()
})
