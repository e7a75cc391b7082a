import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { markStagingActive } from '../../../src/main/cache/snapshot-store'
import { dumpLiveSnapshot } from '../../../src/main/cache/snapshot-dump'
import { AppError } from '../../../src/shared/app-error'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'
import type { MutableCompany } from './mutable-company'
import { mutableScenario } from './mutable-company'

describe('snapshots of a connection', () => {
  let harness: SyncHarness
  let company: MutableCompany

  async function startSynced(): Promise<void> {
    company = mutableScenario(40, 8)
    harness = await startSyncHarness({
      username: 'scale-40-8',
      sandbox: { datasetFor: () => company.dataset },
    })
    await harness.sync.sync(harness.connectionId)
  }

  /** Finch's data moves on: a new hire, a renamed person and a new payment. */
  function changeTheCompany(): void {
    company.hire('new-hire-1', 'Nadia', 'Newcomb')
    company.rename(company.directory[5]!.id, 'Renamed')
    company.pay('new-payment-1', '2026-11-30')
  }

  function dump() {
    return dumpLiveSnapshot(harness.cache.database, harness.connectionId)
  }

  function lastRun() {
    return harness.cache.database
      .prepare('SELECT status, error_code, failure_kind FROM sync_run ORDER BY id DESC LIMIT 1')
      .get()
  }

  function leftovers() {
    return harness.cache.database
      .prepare(
        `SELECT (SELECT count(*) FROM sync_snapshot WHERE state <> 'live') AS snapshots,
           (SELECT count(*) FROM pay_statement_version WHERE added_snapshot >
             (SELECT live_snapshot_id FROM connection)) AS statements,
           (SELECT count(*) FROM pay_statement_version WHERE removed_snapshot IS NOT NULL)
             AS removed`,
      )
      .get()
  }

  afterEach(() => harness.close())

  it('shows readers the previous snapshot while a sync writes the next, then the next', async () => {
    await startSynced()
    const before = dump()
    const page = () =>
      harness.cache.directoryPage({ connectionId: harness.connectionId, offset: 0, limit: 500 })
    const pageBefore = page()
    changeTheCompany()
    const seenDuringSync: boolean[] = []
    // Progress comes right after a write of the new snapshot; a full dump every third time.
    harness.onProgress = () => {
      seenDuringSync.push(JSON.stringify(page()) === JSON.stringify(pageBefore))
      if (seenDuringSync.length % 3 === 0) {
        seenDuringSync.push(JSON.stringify(dump()) === JSON.stringify(before))
      }
    }
    harness.progress.length = 0

    await harness.sync.sync(harness.connectionId, { mode: 'full' })
    harness.onProgress = null

    expect(seenDuringSync.length).toBeGreaterThan(10)
    expect(seenDuringSync.every(Boolean)).toBe(true)
    expect(dump()).not.toEqual(before)
    expect(page().total).toBe(pageBefore.total + 1)
  })

  it('keeps the previous snapshot whole when a sync fails, and records why', async () => {
    await startSynced()
    const before = dump()
    changeTheCompany()
    harness.sandbox.setFaults({ paths: ['/employer/pay-statement'], serverErrorRate: 1 })

    const failure = await harness.sync
      .sync(harness.connectionId, { mode: 'full' })
      .catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('finch_unreachable')
    expect(dump()).toEqual(before)
    expect(lastRun()).toEqual({
      status: 'failed',
      error_code: 'finch_unreachable',
      failure_kind: 'server_error',
    })
    expect(leftovers()).toEqual({ snapshots: 0, statements: 0, removed: 0 })
  })

  it('keeps the previous snapshot whole when the accountant cancels', async () => {
    await startSynced()
    const before = dump()
    changeTheCompany()
    let cancelled: boolean | null = null
    harness.onProgress = (event) => {
      if (cancelled === null && event.product === 'pay_statement' && event.done > 0) {
        cancelled = harness.sync.cancel(harness.connectionId)
      }
    }

    const summary = await harness.sync.sync(harness.connectionId, { mode: 'full' })
    harness.onProgress = null

    expect(cancelled).toBe(true)
    expect(summary.status).toBe('cancelled')
    expect(harness.sync.cancel(harness.connectionId)).toBe(false)
    expect(dump()).toEqual(before)
    expect(lastRun()).toEqual({
      status: 'cancelled',
      error_code: 'sync_cancelled',
      failure_kind: 'cancelled',
    })
    expect(leftovers()).toEqual({ snapshots: 0, statements: 0, removed: 0 })
  })

  it('rolls back, when the cache opens, a snapshot whose sync process died', async () => {
    await startSynced()
    const before = dump()
    const staging = harness.cache.snapshots.begin(harness.connectionId, {
      mode: 'full',
      paymentsFrom: null,
      paymentsTo: null,
      fullSyncAt: null,
      now: '2026-12-01T12:00:00.000Z',
    })
    staging.replaceAll('directory')
    staging.writeDirectory([{ person: { ...company.directory[0]!, id: 'ghost' }, position: 0 }])
    // The writer is gone: another process that has exited owned the snapshot.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid
    harness.cache.database
      .prepare('UPDATE sync_snapshot SET owner_pid = ? WHERE snapshot_id = ?')
      .run(deadPid, staging.id)
    markStagingActive(staging.id, false)
    harness.cache.close()

    const cache = new PayrollCache(
      openDatabase({ path: harness.databasePath, keyHex: harness.keyHex }),
    )
    harness.cache = cache

    expect(dumpLiveSnapshot(cache.database, harness.connectionId)).toEqual(before)
    expect(leftovers()).toEqual({ snapshots: 0, statements: 0, removed: 0 })
    expect(
      cache.database
        .prepare(`SELECT count(*) AS n FROM directory_entry_version WHERE individual_id = 'ghost'`)
        .get(),
    ).toEqual({ n: 0 })
    expect(lastRun()).toEqual({
      status: 'failed',
      error_code: 'internal',
      failure_kind: 'interrupted',
    })
  })

  it('purges the rows a swap replaced, leaving only the live snapshot', async () => {
    await startSynced()
    changeTheCompany()

    await harness.sync.sync(harness.connectionId, { mode: 'full' })

    const rows = harness.cache.database
      .prepare(
        `SELECT (SELECT count(*) FROM pay_statement_version) AS stored,
           (SELECT count(*) FROM pay_statement) AS live,
           (SELECT count(*) FROM sync_snapshot) AS snapshots`,
      )
      .get()
    expect(rows).toEqual({ stored: 9 * 40, live: 9 * 40, snapshots: 1 })
  })
})
