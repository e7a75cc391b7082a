/**
 * How fast the accountant checks answer for a company of 10,000 people and 26 pay runs: the
 * dashboard's attention checks (reconciliation of every run and the latest run's variance) and
 * the Checks view's reconciliation of one run, each against the same checks summed from every
 * statement line (what they did before a sync stored their rows), measured in the same run on
 * the same cache, with the reports compared for equality.
 *
 * Run with `node --import tsx bench/checks/checks.bench.ts`. It syncs the company once from the
 * in-process sandbox into a throwaway encrypted cache; set CHECKS_BENCH_CACHE to a folder to keep
 * that cache (and its key) between runs. Not part of `npm test`.
 */
import { mkdirSync } from 'node:fs'
import type { CacheDatabase } from '../../src/main/cache/open-database'
import {
  readReconciliation,
  readReconciliationFromLines,
} from '../../src/main/checks/reconciliation-checks'
import { readRunVariance } from '../../src/main/checks/run-variance'
import { makeTempDir } from '../../test/support/temp-dir'
import { fastestOf, syncedCache } from '../sync/synced-cache'

const USERNAME = 'scale-10000-26'
const ATTENTION_TARGET_MS = 500
const ONE_RUN_TARGET_MS = 300
const RUNS = 5

function same(a: unknown, b: unknown): 'same' | 'DIFFERENT' {
  return JSON.stringify(a) === JSON.stringify(b) ? 'same' : 'DIFFERENT'
}

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

async function main(): Promise<void> {
  const keep = process.env.CHECKS_BENCH_CACHE
  const temp = keep ? null : makeTempDir('payroll-desk-checks-bench-')
  const folder = keep ?? temp!.path
  mkdirSync(folder, { recursive: true })
  const { db, connectionId } = await syncedCache(folder, USERNAME)

  try {
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM pay_statement WHERE connection_id = ?) AS statements,
           (SELECT count(*) FROM payment WHERE connection_id = ?) AS payments`,
      )
      .get(connectionId, connectionId) as { statements: number; payments: number }
    console.log(`[bench] ${counts.statements} statements in ${counts.payments} pay runs`)

    const baseline = fastestOf(1, () => readReconciliationFromLines(db, connectionId))
    console.log(`[bench] line-based reconciliation (baseline): ${baseline.ms.toFixed(0)} ms`)
    const varianceBaseline = fastestOf(1, () =>
      withoutStoredChecks(db, () => readRunVariance(db, { connectionId })),
    )
    console.log(`[bench] line-based variance (baseline): ${varianceBaseline.ms.toFixed(0)} ms`)

    // The first reading is the dashboard's first visit after a sync: statements not yet prepared.
    const first = fastestOf(1, () => [
      readReconciliation(db, connectionId),
      readRunVariance(db, { connectionId }),
    ])
    const reconciliation = fastestOf(RUNS, () => readReconciliation(db, connectionId))
    const variance = fastestOf(RUNS, () => readRunVariance(db, { connectionId }))
    const latest = variance.result.current?.paymentId
    const oneRun = fastestOf(RUNS, () =>
      readReconciliation(db, connectionId, { paymentId: latest }),
    )

    const sameReconciliation = same(reconciliation.result, baseline.result)
    const sameVariance = same(variance.result, varianceBaseline.result)
    console.log(
      `[bench] reconciliation: ${reconciliation.ms.toFixed(1)} ms (${sameReconciliation} report, ` +
        `${reconciliation.result.imbalances.length} failing statements, ` +
        `${reconciliation.result.paymentMismatches.length} payment mismatches)`,
    )
    console.log(
      `[bench] variance of the latest two runs: ${variance.ms.toFixed(1)} ms (${sameVariance} ` +
        `report, ${variance.result.findings.length} findings)`,
    )
    const baselineMs = baseline.ms + varianceBaseline.ms
    const rows = [
      ['attention checks, first reading', first.ms, baselineMs, ATTENTION_TARGET_MS],
      ['attention checks', reconciliation.ms + variance.ms, baselineMs, ATTENTION_TARGET_MS],
      ['one run in the Checks view', oneRun.ms, baseline.ms, ONE_RUN_TARGET_MS],
    ] as const
    let pass = sameReconciliation === 'same' && sameVariance === 'same'
    for (const [name, ms, baselineOf, target] of rows) {
      pass &&= ms < target
      console.log(
        `[bench] ${name}: ${ms.toFixed(1)} ms, line-based ${baselineOf.toFixed(0)} ms, ratio ` +
          `${(ms / baselineOf).toFixed(5)} (${(baselineOf / ms).toFixed(0)}x faster), ` +
          `target < ${target} ms: ${ms < target ? 'PASS' : 'FAIL'}`,
      )
    }
    if (!pass) process.exitCode = 1
  } finally {
    db.close()
    temp?.remove()
  }
}

await main()
