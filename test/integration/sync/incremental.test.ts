import { afterEach, describe, expect, it } from 'vitest'
import { dumpLiveSnapshot } from '../../../src/main/cache/snapshot-dump'
import type { RequestSummary } from '../../../src/sandbox'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'
import type { MutableCompany } from './mutable-company'
import { mutableScenario } from './mutable-company'

function requestsSince(before: RequestSummary, after: RequestSummary): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const [endpoint, statuses] of Object.entries(after)) {
    const total = Object.values(statuses).reduce((sum, n) => sum + n, 0)
    const earlier = Object.values(before[endpoint] ?? {}).reduce((sum, n) => sum + n, 0)
    if (total > earlier && endpoint.includes('/employer/')) counts[endpoint] = total - earlier
  }
  return counts
}

describe('an incremental sync', () => {
  const harnesses: SyncHarness[] = []

  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close()
  })

  async function start(company: MutableCompany): Promise<SyncHarness> {
    const harness = await startSyncHarness({
      username: 'scale-60-40',
      sandbox: { datasetFor: () => company.dataset },
    })
    harnesses.push(harness)
    return harness
  }

  it('reads only recent payments and new or changed people, and ends equal to a full sync', async () => {
    const company = mutableScenario(60, 40)
    const harness = await start(company)
    await harness.sync.sync(harness.connectionId)
    const afterFull = harness.sandbox.requestSummary()
    const renamed = company.directory[7]!.id
    company.hire('new-hire-1', 'Nadia', 'Newcomb')
    company.rename(renamed, 'Renamed')
    company.pay('new-payment-1', '2026-11-30')
    harness.progress.length = 0

    const incremental = await harness.sync.sync(harness.connectionId)
    const incrementalRequests = requestsSince(afterFull, harness.sandbox.requestSummary())
    const fresh = await start(company)
    const full = await fresh.sync.sync(fresh.connectionId)
    const fullRequests = requestsSince({}, fresh.sandbox.requestSummary())

    expect(incremental.mode).toBe('incremental')
    expect(full.mode).toBe('full')
    expect(dumpLiveSnapshot(harness.cache.database, harness.connectionId)).toEqual(
      dumpLiveSnapshot(fresh.cache.database, fresh.connectionId),
    )
    expect(incremental.counts).toEqual(full.counts)
    expect(incremental.requests!).toBeLessThan(full.requests!)
    expect(incrementalRequests['POST /employer/pay-statement']).toBe(1)
    expect(fullRequests['POST /employer/pay-statement']).toBe(5)
    const people = harness.progress.filter((event) => event.product === 'individual').at(-1)
    expect(people).toMatchObject({ done: 2, total: 2 })
  })

  it('reads everything again once the last full read is too old', async () => {
    const company = mutableScenario(10, 4)
    const harness = await start(company)
    await harness.sync.sync(harness.connectionId)
    const later = harness.syncWith({ now: () => new Date('2026-12-09T12:00:00Z') })

    const summary = await later.sync(harness.connectionId)

    expect(summary.mode).toBe('full')
  })
})
