/**
 * The reconciliation a sync stores (register totals and per-statement checks) against the same
 * report summed from every line, over companies synced from the sandbox over HTTP: they must
 * agree exactly, per run and in pages too, including after a second sync and for a payment
 * whose stored checks are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import {
  readReconciliation,
  readReconciliationFromLines,
} from '../../../../src/main/checks/reconciliation-checks'
import { readRunVariance, readRuns } from '../../../../src/main/checks/run-variance'
import type { SyncHarness } from '../../../integration/sync/sync-harness'
import { startSyncHarness } from '../../../integration/sync/sync-harness'

describe.each(['smallco', 'largeco', 'hostile', 'discrepancies'])(
  'the stored reconciliation of %s',
  (username) => {
    let harness: SyncHarness

    beforeAll(async () => {
      harness = await startSyncHarness({ username })
      await harness.sync.sync(harness.connectionId)
    }, 120_000)

    afterAll(() => harness.close())

    it('has checks stored for every payment with a register row', () => {
      const counts = harness.cache.database
        .prepare(
          `SELECT count(*) AS registers, count(k.register_row) AS checked
           FROM payment_register r LEFT JOIN payment_register_check k USING (register_row)
           WHERE r.connection_id = ?`,
        )
        .get(harness.connectionId) as { registers: number; checked: number }

      expect(counts.registers).toBeGreaterThan(0)
      expect(counts.checked).toBe(counts.registers)
    })

    it('equals the reconciliation summed from every line', () => {
      const db = harness.cache.database

      const stored = readReconciliation(db, harness.connectionId)

      expect(stored).toEqual(readReconciliationFromLines(db, harness.connectionId))
    })

    it('reads one run as the whole report has it', () => {
      const db = harness.cache.database
      const whole = readReconciliationFromLines(db, harness.connectionId)

      for (const cash of whole.cashRequirements.slice(0, 5)) {
        const run = readReconciliation(db, harness.connectionId, { paymentId: cash.paymentId })

        expect(run.cashRequirements).toEqual([cash])
        expect(run.paymentMismatches).toEqual(
          whole.paymentMismatches.filter((mismatch) => mismatch.paymentId === cash.paymentId),
        )
        expect(run.imbalances).toEqual(
          whole.imbalances.filter((imbalance) => imbalance.paymentId === cash.paymentId),
        )
      }
    })

    it('pages the failing statements in the report order', () => {
      const db = harness.cache.database
      const whole = readReconciliationFromLines(db, harness.connectionId)

      const second = readReconciliation(db, harness.connectionId, { imbalanceOffset: 1 })

      expect(second.imbalances).toEqual(whole.imbalances.slice(1))
    })

    it('finds the same variance from stored rows as from every line, for each run', () => {
      const db = harness.cache.database
      const connectionId = harness.connectionId
      const runs = readRuns(db, connectionId).map((run) => run.payment_id)
      const readAll = () =>
        runs.map((currentPaymentId) => readRunVariance(db, { connectionId, currentPaymentId }))

      const stored = readAll()
      const fromLines = withoutStoredChecks(db, readAll)

      expect(stored.length).toBeGreaterThan(0)
      expect(stored).toEqual(fromLines)
    })

    it('sums a payment without stored checks from its lines', () => {
      const db = harness.cache.database
      const before = readReconciliationFromLines(db, harness.connectionId)
      db.prepare(
        `DELETE FROM payment_register_check WHERE register_row =
           (SELECT max(register_row) FROM payment_register WHERE connection_id = ?)`,
      ).run(harness.connectionId)

      expect(readReconciliation(db, harness.connectionId)).toEqual(before)
    })

    it('still agrees after a second sync', async () => {
      await harness.sync.sync(harness.connectionId)
      const db = harness.cache.database
      const connectionId = harness.connectionId

      expect(readReconciliation(db, connectionId)).toEqual(
        readReconciliationFromLines(db, connectionId),
      )
      expect(readRunVariance(db, { connectionId })).toEqual(
        withoutStoredChecks(db, () => readRunVariance(db, { connectionId })),
      )
    }, 120_000)
  },
)

/** What `read` gives with every stored check hidden, so each payment is summed from its lines. */
function withoutStoredChecks<T>(db: CacheDatabase, read: () => T): T {
  db.exec('SAVEPOINT without_stored_checks')
  try {
    db.exec('DELETE FROM payment_register_check')
    return read()
  } finally {
    db.exec('ROLLBACK TO without_stored_checks')
    db.exec('RELEASE without_stored_checks')
  }
}
