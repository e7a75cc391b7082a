import { afterEach, describe, expect, it } from 'vitest'
import { dumpLiveSnapshot } from '../../../src/main/cache/snapshot-dump'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

describe('paging and batching', () => {
  let harness: SyncHarness

  afterEach(() => harness.close())

  it('ends with the same cache when every page and batch is tiny', async () => {
    harness = await startSyncHarness({ username: 'scale-60-12' })
    await harness.sync.sync(harness.connectionId)
    const expected = dumpLiveSnapshot(harness.cache.database, harness.connectionId)
    const before = harness.sandbox.requestSummary()
    const tiny = harness.syncWith({
      directoryPageSize: 7,
      peoplePerRequest: 13,
      paymentsPerStatementRequest: 3,
      statementsPerPage: 11,
      statementsPerRequest: 25,
      statementsPerWrite: 5,
    })

    await tiny.sync(harness.connectionId, { mode: 'full' })

    const after = harness.sandbox.requestSummary()
    const made = (endpoint: string) =>
      (after[endpoint]?.['200'] ?? 0) - (before[endpoint]?.['200'] ?? 0)
    expect(dumpLiveSnapshot(harness.cache.database, harness.connectionId)).toEqual(expected)
    expect(made('GET /employer/directory')).toBe(Math.ceil(60 / 7))
    expect(made('POST /employer/individual')).toBe(Math.ceil(60 / 13))
    expect(made('POST /employer/employment')).toBe(Math.ceil(60 / 13))
    // 12 payments of 60 statements: 6 pages of at most 11 each; at most 2 pages fit in 25.
    const fewest = (12 * Math.ceil(60 / 11)) / 2
    expect(made('POST /employer/pay-statement')).toBeGreaterThanOrEqual(fewest)
    expect(made('POST /employer/pay-statement')).toBeLessThanOrEqual(fewest + 2)
  })
})
