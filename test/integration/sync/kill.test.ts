import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/cache/open-database'
import type { SnapshotDump } from '../../../src/main/cache/snapshot-dump'
import { dumpLiveSnapshot } from '../../../src/main/cache/snapshot-dump'
import type { ChildOrders, ChildReport } from './sync-child'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

const KILLS = 20
const CHILD = fileURLToPath(new URL('./sync-child.ts', import.meta.url))

interface Child {
  process: ChildProcess
  reports: ChildReport['kind'][]
  ready: Promise<void>
  exited: Promise<void>
}

/** A child that has started and is waiting for its orders, so its start-up overlaps the last. */
function spawnChild(): Child {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: 'ignore' })
  const reports: ChildReport['kind'][] = []
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message: ChildReport) => {
      reports.push(message.kind)
      if (message.kind === 'ready') resolve()
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { process: child, reports, ready, exited }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

describe('a sync killed at random moments', () => {
  let harness: SyncHarness
  let expected: SnapshotDump

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'scale-80-12' })
    await harness.sync.sync(harness.connectionId)
    expected = dumpLiveSnapshot(harness.cache.database, harness.connectionId)
    harness.cache.close()
  })

  afterAll(async () => {
    harness.reopen()
    await harness.close()
  })

  it('leaves an intact cache whose live snapshot is whole, every time', async () => {
    const started = performance.now()
    const orders = (index: number): ChildOrders => ({
      databasePath: harness.databasePath,
      keyHex: harness.keyHex,
      service: harness.service,
      connectionId: harness.connectionId,
      baseURL: harness.sandbox.url,
      mode: index % 3 === 0 ? 'incremental' : 'full',
    })

    // A child left alone shows how long a sync takes, so kills can land anywhere in it.
    const calibration = spawnChild()
    await calibration.ready
    const before = performance.now()
    calibration.process.send(orders(1))
    await calibration.exited
    const syncMs = performance.now() - before
    expect(calibration.reports).toContain('synced')

    let next = spawnChild()
    const outcomes: string[] = []
    for (let index = 0; index < KILLS; index++) {
      const child = next
      await child.ready
      child.process.send(orders(index))
      next = spawnChild()

      await sleep(Math.random() * syncMs * 1.1)
      child.process.kill('SIGKILL')
      await child.exited
      outcomes.push(child.reports.at(-1) ?? 'none')

      const db = openDatabase({ path: harness.databasePath, keyHex: harness.keyHex })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.pragma('foreign_key_check')).toEqual([])
        expect(dumpLiveSnapshot(db, harness.connectionId)).toEqual(expected)
        const staging = db
          .prepare(`SELECT count(*) AS n FROM sync_snapshot WHERE state <> 'live'`)
          .get() as { n: number }
        expect(staging.n).toBe(0)
      } finally {
        db.close()
      }
    }
    next.process.kill('SIGKILL')
    await next.exited

    const interrupted = outcomes.filter((outcome) => outcome !== 'synced').length
    console.log(
      `[kill test] ${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(a sync takes ${Math.round(syncMs)} ms): ${interrupted} mid-sync, ` +
        `last reports ${JSON.stringify(outcomes)}`,
    )
    expect(interrupted).toBeGreaterThanOrEqual(KILLS / 2)
  }, 120_000)
})
