import { afterEach, describe, expect, it } from 'vitest'
import { dumpLiveSnapshot } from '../../../src/main/cache/snapshot-dump'
import { scaledRateLimits } from '../../../src/main/sync/sync-settings'
import { AppError } from '../../../src/shared/app-error'
import type { RequestLogEntry } from '../../../src/sandbox'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

/** Small pages and batches, so every product makes several requests for faults to hit. */
const SMALL_BATCHES = {
  directoryPageSize: 10,
  peoplePerRequest: 10,
  paymentsPerStatementRequest: 2,
}

function dataRequests(log: RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((entry) => entry.path.startsWith('/employer/'))
}

/** Requests Finch accepted per product inside the busiest window of `windowMs`. */
function busiestWindow(log: RequestLogEntry[], windowMs: number): Record<string, number> {
  const byProduct = new Map<string, number[]>()
  for (const entry of dataRequests(log)) {
    if (entry.status === 429 || entry.status === 0) continue
    const product = entry.path.split('/')[2]!.replace('pay-groups', 'payment')
    byProduct.set(product, [...(byProduct.get(product) ?? []), entry.at])
  }
  const busiest: Record<string, number> = {}
  for (const [product, times] of byProduct) {
    busiest[product] = Math.max(
      ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length),
    )
  }
  return busiest
}

describe('a sync against a Finch that fails and throttles', () => {
  let harness: SyncHarness

  afterEach(() => harness.close())

  it('ends equal to a clean run through 500s, 502s, 429 bursts, drops and cut-off bodies', async () => {
    harness = await startSyncHarness({ username: 'scale-60-12', settings: SMALL_BATCHES })
    await harness.sync.sync(harness.connectionId)
    const clean = dumpLiveSnapshot(harness.cache.database, harness.connectionId)
    const cleanRequests = dataRequests(harness.sandbox.requestLog()).length
    harness.sandbox.setFaults({
      seed: 11,
      serverErrorRate: 0.08,
      badGatewayRate: 0.08,
      rateLimitBurstRate: 0.12,
      retryAfterSeconds: 0,
      dropRate: 0.08,
      truncateRate: 0.1,
    })

    const summary = await harness.sync.sync(harness.connectionId, { mode: 'full' })

    const faulty = dataRequests(harness.sandbox.requestLog()).slice(cleanRequests)
    const faults = new Set(faulty.map((entry) => entry.fault).filter(Boolean))
    expect(faults).toEqual(
      new Set(['server_error', 'bad_gateway', 'rate_limit_burst', 'dropped', 'truncated']),
    )
    expect(summary.retries).toBe(faulty.filter((entry) => entry.fault !== null).length)
    expect(dumpLiveSnapshot(harness.cache.database, harness.connectionId)).toEqual(clean)
  })

  it('draws no 429 while the sandbox enforces Finch’s limits, by pacing itself', async () => {
    // Finch's limits over a 1-second window instead of a minute, on both sides.
    harness = await startSyncHarness({
      username: 'scale-60-16',
      sandbox: { rateLimits: true, rateLimitWindowMs: 1_000 },
      settings: {
        rateLimits: scaledRateLimits(60),
        peoplePerRequest: 2,
        paymentsPerStatementRequest: 1,
      },
    })

    await harness.sync.sync(harness.connectionId)

    const log = harness.sandbox.requestLog()
    expect(dataRequests(log).filter((entry) => entry.status === 429)).toEqual([])
    const busiest = busiestWindow(log, 1_000)
    expect(busiest.individual).toBeLessThanOrEqual(20)
    expect(busiest['pay-statement']).toBeLessThanOrEqual(12)
    expect(dataRequests(log).filter((e) => e.path === '/employer/individual')).toHaveLength(30)
  })

  it('tells the window while a product waits for Finch’s rate limit, and when it goes on', async () => {
    harness = await startSyncHarness({ username: 'smallco' })
    throttleCompany(harness, 2)
    await harness.sync.sync(harness.connectionId)

    const company = harness.progress.filter((event) => event.product === 'company')
    const waits = company.filter((event) => event.waitingMs !== undefined)
    expect(waits.length).toBeGreaterThan(0)
    for (const wait of waits) {
      expect(wait.waitingMs).toBeGreaterThanOrEqual(1_000)
      expect(wait.waitingMs).toBeLessThanOrEqual(2_000)
    }
    expect(company.at(-1)?.waitingMs).toBeUndefined()
    expect(company.indexOf(waits.at(-1)!)).toBeLessThan(company.length - 1)
  })

  it('waits out Retry-After before asking that product again', async () => {
    harness = await startSyncHarness({ username: 'smallco' })
    throttleCompany(harness, 1)
    await harness.sync.sync(harness.connectionId)

    const company = harness.sandbox.requestLog().filter((e) => e.path === '/employer/company')
    expect(company.at(-1)?.status).toBe(200)
    const throttled = company.filter((entry) => entry.status === 429)
    expect(throttled.length).toBeGreaterThan(0)
    for (const entry of throttled) {
      const next = company[company.indexOf(entry) + 1]!
      expect(next.at - entry.at).toBeGreaterThanOrEqual(990)
    }
  })

  it('gives up after a bounded number of attempts, keeping the previous snapshot', async () => {
    harness = await startSyncHarness({ username: 'smallco' })
    await harness.sync.sync(harness.connectionId)
    const before = dumpLiveSnapshot(harness.cache.database, harness.connectionId)
    harness.sandbox.setFaults({ paths: ['/employer/directory'], dropRate: 1 })

    const failure = await harness.sync.sync(harness.connectionId).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(AppError)
    const attempts = harness.sandbox.requestLog().filter((e) => e.status === 0)
    expect(attempts).toHaveLength(8)
    expect(dumpLiveSnapshot(harness.cache.database, harness.connectionId)).toEqual(before)
  })
})

/** Finch answers about half the company requests 429, with this Retry-After. */
function throttleCompany(harness: SyncHarness, retryAfterSeconds: number): void {
  harness.sandbox.setFaults({
    seed: 3,
    paths: ['/employer/company'],
    rateLimitBurstRate: 0.5,
    rateLimitBurstLength: 1,
    retryAfterSeconds,
  })
}
