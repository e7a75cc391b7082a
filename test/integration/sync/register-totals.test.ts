import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PayrollReviewQueries } from '../../../src/main/review/payroll-queries'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

interface LineRecord {
  payment_id: string
  kind: string
  name: string | null
  type: string | null
  amount_cents: number | null
  employer: number | null
  is_null_entry: number
}

/** The register column of a line, worked out here in plain code rather than in SQL. */
function columnOf(line: LineRecord): string | null {
  if (line.is_null_entry === 1 || line.kind === 'earning') return null
  const kind = line.kind === 'tax' && line.employer === 1 ? 'employer_tax' : line.kind
  const label = line.name?.trim() || line.type?.trim() || 'Unnamed'
  return `${kind}|${label}`
}

describe.each(['smallco', 'largeco', 'hostile'])(
  'the register totals a sync stores for %s',
  (username) => {
    let harness: SyncHarness

    beforeAll(async () => {
      harness = await startSyncHarness({ username })
      await harness.sync.sync(harness.connectionId)
    }, 120_000)

    afterAll(() => harness.close())

    it('equal, to the cent, the sums over every statement and line of each payment', () => {
      const db = harness.cache.database
      const payments = db
        .prepare('SELECT payment_id FROM payment WHERE connection_id = ?')
        .all(harness.connectionId) as { payment_id: string }[]
      const lines = db
        .prepare(
          `SELECT s.payment_id, l.kind, l.name, l.type, l.amount_cents, l.employer, l.is_null_entry
         FROM pay_statement s JOIN pay_statement_line l ON l.statement_row = s.statement_row
         WHERE s.connection_id = ?`,
        )
        .all(harness.connectionId) as LineRecord[]
      const statements = db
        .prepare(
          `SELECT payment_id, total_hours, gross_pay_cents, net_pay_cents FROM pay_statement
         WHERE connection_id = ?`,
        )
        .all(harness.connectionId) as {
        payment_id: string
        total_hours: number | null
        gross_pay_cents: number | null
        net_pay_cents: number | null
      }[]

      let checkedColumns = 0
      for (const { payment_id: paymentId } of payments) {
        const expectedColumns = new Map<string, number>()
        for (const line of lines.filter((l) => l.payment_id === paymentId)) {
          const column = columnOf(line)
          if (column)
            expectedColumns.set(
              column,
              (expectedColumns.get(column) ?? 0) + (line.amount_cents ?? 0),
            )
        }
        const own = statements.filter((s) => s.payment_id === paymentId)
        const stored = db
          .prepare(
            `SELECT register_row, statement_count, total_hours, gross_pay_cents, net_pay_cents
           FROM payment_register WHERE connection_id = ? AND payment_id = ?`,
          )
          .get(harness.connectionId, paymentId) as
          | {
              register_row: number
              statement_count: number
              total_hours: number
              gross_pay_cents: number
              net_pay_cents: number
            }
          | undefined
        if (own.length === 0 && !stored) continue
        const storedColumns = db
          .prepare(
            `SELECT column_kind, label, total_cents FROM payment_register_column
           WHERE register_row = ?`,
          )
          .all(stored?.register_row) as {
          column_kind: string
          label: string
          total_cents: number
        }[]

        expect(stored).toEqual({
          register_row: expect.any(Number),
          statement_count: own.length,
          total_hours: expect.closeTo(
            own.reduce((sum, s) => sum + (s.total_hours ?? 0), 0),
            6,
          ),
          gross_pay_cents: own.reduce((sum, s) => sum + (s.gross_pay_cents ?? 0), 0),
          net_pay_cents: own.reduce((sum, s) => sum + (s.net_pay_cents ?? 0), 0),
        })
        expect(
          new Map(storedColumns.map((c) => [`${c.column_kind}|${c.label}`, c.total_cents])),
        ).toEqual(expectedColumns)
        for (const column of storedColumns) expect(Number.isInteger(column.total_cents)).toBe(true)
        checkedColumns += storedColumns.length
      }

      expect(checkedColumns).toBeGreaterThan(0)
    })

    it('give the register the same summary as summing the lines on the spot', () => {
      const db = harness.cache.database
      const payments = db
        .prepare('SELECT payment_id FROM payment_register WHERE connection_id = ?')
        .all(harness.connectionId) as { payment_id: string }[]
      const fromStored = payments.map((p) =>
        new PayrollReviewQueries(db).registerSummary(harness.connectionId, p.payment_id),
      )

      db.prepare('DELETE FROM payment_register_version WHERE connection_id = ?').run(
        harness.connectionId,
      )
      const summed = payments.map((p) =>
        new PayrollReviewQueries(db).registerSummary(harness.connectionId, p.payment_id),
      )

      expect(payments.length).toBeGreaterThan(0)
      expect(fromStored).toEqual(summed)
    })
  },
)
