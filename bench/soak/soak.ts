/**
 * A bounded soak: syncs one sandbox company over and over for `--minutes` (30 by default) with
 * every fault the sandbox can inject turned on, samples memory and open handles after each sync,
 * and fails when they grow past a bound after warm-up or when the final cache differs from a
 * clean run's. Everything runs in this process on 127.0.0.1; it stops by itself.
 *
 *   npm run soak -- --minutes 5
 */
import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CacheDatabase } from '../../src/main/cache/open-database'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { dumpLiveSnapshot } from '../../src/main/cache/snapshot-dump'
import { Redactor, createLogger, stderrSink } from '../../src/main/log/logger'
import { ConnectionSync } from '../../src/main/sync/sync-connection'
import type { FaultOptions, RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { makeTempDir } from '../../test/support/temp-dir'
import { connect } from '../sync/sandbox-connection'

const SCENARIO = 'largeco'

const EVERY_FAULT: FaultOptions = {
  seed: 9,
  serverErrorRate: 0.04,
  badGatewayRate: 0.04,
  rateLimitBurstRate: 0.02,
  rateLimitBurstLength: 3,
  retryAfterSeconds: 1,
  latencyMs: [0, 30],
  dropRate: 0.03,
  truncateRate: 0.03,
}

/** Growth allowed between the end of warm-up and the end of the run. */
const BOUNDS = { rssBytes: 96e6, heapBytes: 32e6, fds: 16, activeResources: 16 }

interface Sample {
  at: number
  rss: number
  heapUsed: number
  fds: number
  activeResources: number
}

interface Tally {
  syncs: number
  succeeded: number
  failed: Record<string, number>
  requests: number
  retries: number
}

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' } } })
const minutes = Number(values.minutes)
if (!(minutes > 0 && minutes <= 24 * 60)) throw new Error('--minutes must be between 0 and 1440')

await main(minutes * 60_000)

async function main(durationMs: number): Promise<void> {
  const dir = makeTempDir()
  const client = { clientId: 'soak-client', clientSecret: randomBytes(24).toString('base64url') }
  const logger = createLogger({ sinks: [stderrSink], redactor: new Redactor(), level: 'error' })
  const sandbox = await startSandbox({ clients: [client], rateLimits: false })
  try {
    const reference = await cleanDump(sandbox, client, join(dir.path, 'clean.db'), logger)

    const connection = await connect(sandbox.url, client, SCENARIO)
    const { cache, sync } = syncer(sandbox, connection, join(dir.path, 'soak.db'), logger)
    sandbox.setFaults(EVERY_FAULT)

    const tally: Tally = { syncs: 0, succeeded: 0, failed: {}, requests: 0, retries: 0 }
    const samples: Sample[] = [sample(0)]
    const started = performance.now()
    const deadline = started + durationMs
    while (performance.now() < deadline) {
      // Alternate full and incremental reads, as an accountant's day would.
      const mode = tally.syncs % 2 === 0 ? 'full' : 'auto'
      try {
        const summary = await sync.sync(connection.connectionId, { mode })
        tally.succeeded += 1
        tally.requests += summary.requests ?? 0
        tally.retries += summary.retries ?? 0
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'unknown'
        tally.failed[code] = (tally.failed[code] ?? 0) + 1
      }
      tally.syncs += 1
      samples.push(sample(performance.now() - started))
      if (tally.syncs % 10 === 0) report('progress', tally, samples)
    }

    sandbox.setFaults({})
    await sync.sync(connection.connectionId, { mode: 'full' })
    const soaked = normalizedDump(cache.database, connection.connectionId)
    cache.close()

    report('done', tally, samples)
    const problems = [
      ...growthProblems(samples),
      ...(soaked === reference ? [] : ['the soaked cache differs from a clean run']),
      ...(tally.succeeded === 0 ? ['no sync succeeded under faults'] : []),
    ]
    console.log(`[soak] cache equal to a clean run: ${soaked === reference}`)
    if (problems.length > 0) {
      console.error(`[soak] FAILED: ${problems.join('; ')}`)
      process.exitCode = 1
    } else {
      console.log('[soak] passed')
    }
  } finally {
    await sandbox.close()
    dir.remove()
  }
}

function syncer(
  sandbox: RunningSandbox,
  connection: Awaited<ReturnType<typeof connect>>,
  databasePath: string,
  logger: ReturnType<typeof createLogger>,
): { cache: PayrollCache; sync: ConnectionSync } {
  const cache = new PayrollCache(
    openDatabase({ path: databasePath, keyHex: randomBytes(32).toString('hex') }),
  )
  cache.saveConnection({
    connectionId: connection.connectionId,
    environment: 'finch',
    companyId: 'soak',
    customerId: 'soak',
    customerName: 'Soak',
    providerId: 'gusto',
    connectionType: 'provider',
    products: connection.products,
    connectedAt: new Date().toISOString(),
  })
  const sync = new ConnectionSync({
    baseURL: async () => sandbox.url,
    vault: { read: async () => connection.token },
    cache,
    logger,
    onProgress: () => undefined,
    onConnectionsChanged: () => undefined,
    settings: {
      rateLimits: null,
      // The sandbox's payroll goes back two years from its fixed "today".
      paymentsFrom: () => '2024-01-01',
      retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 500, maxRateLimitWaits: 20 },
    },
  })
  return { cache, sync }
}

async function cleanDump(
  sandbox: RunningSandbox,
  client: { clientId: string; clientSecret: string },
  databasePath: string,
  logger: ReturnType<typeof createLogger>,
): Promise<string> {
  const connection = await connect(sandbox.url, client, SCENARIO)
  const { cache, sync } = syncer(sandbox, connection, databasePath, logger)
  await sync.sync(connection.connectionId, { mode: 'full' })
  const dump = normalizedDump(cache.database, connection.connectionId)
  cache.close()
  return dump
}

/** The canonical dump as one string: equal strings mean equal synced data. */
function normalizedDump(db: CacheDatabase, connectionId: string): string {
  return JSON.stringify(dumpLiveSnapshot(db, connectionId))
}

function sample(at: number): Sample {
  ;(globalThis as { gc?: () => void }).gc?.()
  const memory = process.memoryUsage()
  return {
    at,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    fds: readdirSync('/proc/self/fd').length,
    activeResources: process.getActiveResourcesInfo().length,
  }
}

/** Compares the last quarter's peak with the first sample after a warm-up of a quarter. */
function growthProblems(samples: Sample[]): string[] {
  if (samples.length < 8) return ['too few syncs to judge growth']
  const warm = samples[Math.floor(samples.length / 4)]!
  const tail = samples.slice(Math.floor((samples.length * 3) / 4))
  const peak = (pick: (s: Sample) => number) => Math.max(...tail.map(pick))
  const checks: [string, number, number][] = [
    ['rss', peak((s) => s.rss) - warm.rss, BOUNDS.rssBytes],
    ['heap', peak((s) => s.heapUsed) - warm.heapUsed, BOUNDS.heapBytes],
    ['fds', peak((s) => s.fds) - warm.fds, BOUNDS.fds],
    [
      'active resources',
      peak((s) => s.activeResources) - warm.activeResources,
      BOUNDS.activeResources,
    ],
  ]
  return checks
    .filter(([, growth, bound]) => growth > bound)
    .map(([name, growth, bound]) => `${name} grew by ${growth} (bound ${bound})`)
}

function report(stage: string, tally: Tally, samples: Sample[]): void {
  const last = samples.at(-1)!
  const mb = (n: number) => (n / 1e6).toFixed(1)
  console.log(
    `[soak] ${stage} ${(last.at / 60_000).toFixed(1)} min: ${tally.syncs} syncs, ` +
      `${tally.succeeded} succeeded, failed ${JSON.stringify(tally.failed)}, ` +
      `${tally.requests} requests, ${tally.retries} retries; rss ${mb(last.rss)} MB, ` +
      `heap ${mb(last.heapUsed)} MB, fds ${last.fds}, active ${last.activeResources}`,
  )
  if (stage === 'done') {
    const first = samples[0]!
    const warm = samples[Math.floor(samples.length / 4)]!
    const max = (pick: (s: Sample) => number) => Math.max(...samples.map(pick))
    console.log(
      `[soak] start rss ${mb(first.rss)} MB heap ${mb(first.heapUsed)} MB fds ${first.fds} ` +
        `active ${first.activeResources}; after warm-up rss ${mb(warm.rss)} MB heap ` +
        `${mb(warm.heapUsed)} MB fds ${warm.fds} active ${warm.activeResources}; max rss ` +
        `${mb(max((s) => s.rss))} MB heap ${mb(max((s) => s.heapUsed))} MB fds ` +
        `${max((s) => s.fds)} active ${max((s) => s.activeResources)}`,
    )
  }
}
