/**
 * How fast main answers what the register needs on navigation for a 10,000-statement pay run:
 * the summary (columns, totals, reconciliation) and the first window of rows, against a
 * 10-statement run in the same database as the baseline. It also prints each query's plan so a
 * missing index shows as a `SCAN`. It measures the cache reads only, not the renderer's paint.
 *
 * Run with `node --import tsx bench/ui/register.bench.ts`. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { PayStatement, Payment } from '@tryfinch/finch-api/resources/hris'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { SnapshotStore } from '../../src/main/cache/snapshot-store'
import { PayrollReviewQueries } from '../../src/main/review/payroll-queries'
import { makeTempDir } from '../../test/support/temp-dir'

const CONNECTION = 'bench-connection'
const STATEMENTS = 10_000
const BASELINE_STATEMENTS = 10
const TARGET_MS = 300
const RUNS = 7
const PAGE_ROWS = 100

const usd = (amount: number) => ({ amount, currency: 'usd' })

function statement(index: number): PayStatement {
  const line = (name: string, amount: number, extra: object = {}) => ({
    name,
    type: name.toLowerCase().replace(/\W+/g, '_'),
    amount,
    currency: 'usd',
    ...extra,
  })
  return {
    individual_id: `person-${index}`,
    type: 'regular_payroll',
    payment_method: 'direct_deposit',
    total_hours: 80,
    gross_pay: usd(400_000),
    net_pay: usd(300_000),
    earnings: [line('Salary', 380_000, { hours: 80 }), line('Bonus', 20_000)],
    taxes: [
      line('Federal Income Tax', 50_000, { employer: false }),
      line('Social Security', 24_800, { employer: false }),
      line('Medicare', 5_800, { employer: false }),
      line('Social Security', 24_800, { employer: true }),
      line('Medicare', 5_800, { employer: true }),
      line(`State Tax ${index % 5}`, 9_000, { employer: false }),
    ],
    employee_deductions: [line('401k', 10_400, { pre_tax: true })],
    employer_contributions: [line('401k Match', 5_000)],
  } as unknown as PayStatement
}

function payment(id: string, count: number): Payment {
  return {
    id,
    pay_date: '2025-06-13',
    debit_date: '2025-06-12',
    pay_period: { start_date: '2025-05-26', end_date: '2025-06-08' },
    gross_pay: usd(400_000 * count),
    net_pay: usd(300_000 * count),
    employee_taxes: usd(89_600 * count),
    employer_taxes: usd(30_600 * count),
    company_debit: usd(435_600 * count),
    individual_ids: [],
    pay_group_ids: ['biweekly'],
  } as unknown as Payment
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function main(): void {
  const dir = makeTempDir('payroll-desk-register-bench-')
  const db = openDatabase({
    path: join(dir.path, 'cache.db'),
    keyHex: randomBytes(32).toString('hex'),
  })
  try {
    new PayrollCache(db).saveConnection({
      connectionId: CONNECTION,
      environment: 'demo',
      companyId: 'bench-company',
      customerId: 'bench-customer',
      customerName: 'Bench Co',
      providerId: 'gusto',
      connectionType: 'provider',
      products: ['payment', 'pay_statement'],
      connectedAt: '2026-01-01T00:00:00.000Z',
    })
    const staging = new SnapshotStore(db).begin(CONNECTION, {
      mode: 'full',
      paymentsFrom: '2025-01-01',
      paymentsTo: '2025-12-31',
      fullSyncAt: null,
      now: '2026-01-01T00:00:00.000Z',
    })
    staging.writePayments([payment('big', STATEMENTS), payment('small', BASELINE_STATEMENTS)])
    for (let first = 0; first < STATEMENTS; first += 1_000) {
      const statements = Array.from({ length: 1_000 }, (_, i) => statement(first + i))
      staging.writeStatementPages([{ paymentId: 'big', firstPosition: first, statements }])
    }
    staging.writeStatementPages([
      {
        paymentId: 'small',
        firstPosition: 0,
        statements: Array.from({ length: BASELINE_STATEMENTS }, (_, i) => statement(i)),
      },
    ])
    staging.swap(null, '2026-01-01T00:00:00.000Z')

    const navigate = (queries: PayrollReviewQueries, paymentId: string) => {
      const started = performance.now()
      const summary = queries.registerSummary(CONNECTION, paymentId)
      const page = queries.registerPage({
        connectionId: CONNECTION,
        paymentId,
        offset: 0,
        limit: PAGE_ROWS,
      })
      const elapsed = performance.now() - started
      if (!summary || summary.reconciliation.some((entry) => entry.differs) || !page.rows.length) {
        throw new Error(`the register of ${paymentId} did not reconcile`)
      }
      return elapsed
    }

    // Each run opens the register afresh, as after a sync: nothing is remembered between runs.
    const big: number[] = []
    const small: number[] = []
    for (let run = 0; run < RUNS; run++) {
      small.push(navigate(new PayrollReviewQueries(db), 'small'))
      big.push(navigate(new PayrollReviewQueries(db), 'big'))
    }
    const verdict = median(big) <= TARGET_MS ? 'meets' : 'MISSES'
    console.log(
      `[bench] register summary + first ${PAGE_ROWS} rows of ${STATEMENTS} statements: first ` +
        `${big[0]?.toFixed(1)} ms, median ${median(big).toFixed(1)} ms (baseline ` +
        `${BASELINE_STATEMENTS} statements ${median(small).toFixed(1)} ms); ${verdict} the ` +
        `${TARGET_MS} ms target`,
    )

    for (const [name, sql] of [
      [
        'register columns',
        `SELECT l.kind, sum(l.amount_cents) FROM pay_statement s
           JOIN pay_statement_line l ON l.statement_row = s.statement_row
         WHERE s.connection_id = 'x' AND s.payment_id = 'y' GROUP BY l.kind`,
      ],
      [
        'register window',
        `SELECT s.statement_row FROM pay_statement s
         WHERE s.connection_id = 'x' AND s.payment_id = 'y' ORDER BY s.position LIMIT 100`,
      ],
    ] as const) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]
      console.log(`[bench] plan of ${name}: ${plan.map((step) => step.detail).join(' | ')}`)
    }
  } finally {
    db.close()
    dir.remove()
  }
}

main()
