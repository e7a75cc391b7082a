import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

import { createScenario } from '../../../src/sandbox/data'

const MEGABYTE = 1024 * 1024

/**
 * A full collection on demand, so the test measures what stays reachable rather than when V8
 * happens to collect: enabling `--expose-gc` at run time makes a fresh context see `gc`.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
}

describe('the scale scenario at 10,000 people and 52 pay runs', () => {
  const started = performance.now()
  const dataset = createScenario('scale', { people: 10_000, payRuns: 52 })
  const buildMilliseconds = performance.now() - started

  // Speed is the benchmarks' business; these tests check shape and memory, and only log timings.
  it('builds its directory and full payment list', () => {
    const statementCount = dataset.payments.reduce(
      (count, payment) => count + (payment.individual_ids?.length ?? 0),
      0,
    )

    console.info(
      `[scale] 10,000 × 52: ${dataset.payments.length} payments, ${statementCount} statements, ` +
        `built in ${Math.round(buildMilliseconds)} ms`,
    )
    expect(dataset.directory).toHaveLength(10_000)
    expect(dataset.payments).toHaveLength(52)
    expect(statementCount).toBe(520_000)
  })

  it('serves all 10,000 statements of its largest payment', () => {
    const largest = dataset.payments.reduce((biggest, payment) =>
      (payment.individual_ids?.length ?? 0) > (biggest.individual_ids?.length ?? 0)
        ? payment
        : biggest,
    )
    dataset.payStatements(dataset.payments[0]!.id)

    const started = performance.now()
    const statements = dataset.payStatements(largest.id)!
    const milliseconds = performance.now() - started

    console.info(
      `[scale] ${statements.length} statements of one payment in ${Math.round(milliseconds)} ms`,
    )
    expect(statements.length).toBe(10_000)
  })

  it('regenerates the same statements each time they are read', () => {
    const payment = dataset.payments[20]!

    const first = JSON.stringify(dataset.payStatements(payment.id)!.slice(0, 50))
    const second = JSON.stringify(dataset.payStatements(payment.id)!.slice(0, 50))

    expect(second).toBe(first)
  })

  it('reads every statement of every payment once with bounded memory growth', () => {
    collectGarbage()
    const baselineBytes = process.memoryUsage().heapUsed
    let peakBytes = baselineBytes
    let statementsRead = 0
    let netCents = 0

    for (const payment of dataset.payments) {
      // Only a sum is kept, so nothing read here stays reachable.
      for (const statement of dataset.payStatements(payment.id) ?? []) {
        statementsRead++
        netCents += statement.net_pay?.amount ?? 0
      }
      peakBytes = Math.max(peakBytes, process.memoryUsage().heapUsed)
    }
    collectGarbage()
    const retainedBytes = process.memoryUsage().heapUsed - baselineBytes
    const held = dataset.payStatements(dataset.payments[0]!.id)
    collectGarbage()
    const onePaymentBytes = process.memoryUsage().heapUsed - baselineBytes - retainedBytes

    const peakMegabytes = (peakBytes - baselineBytes) / MEGABYTE
    const retainedMegabytes = retainedBytes / MEGABYTE
    const onePaymentMegabytes = onePaymentBytes / MEGABYTE
    console.info(
      `[scale] read ${statementsRead} statements; heap peaked ${peakMegabytes.toFixed(1)} MB ` +
        `above the start (garbage included), kept ${retainedMegabytes.toFixed(1)} MB after, ` +
        `and one payment's ${held?.length} statements hold ${onePaymentMegabytes.toFixed(1)} MB`,
    )
    expect(statementsRead).toBe(520_000)
    expect(netCents).toBe(
      dataset.payments.reduce((sum, payment) => sum + payment.net_pay!.amount!, 0),
    )
    expect(retainedMegabytes).toBeLessThan(20)
    expect(onePaymentMegabytes).toBeLessThan(200)
  }, 180_000)
})
