import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScenario } from '../../../src/sandbox/data'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

describe('a sync of a company with every edge case Finch allows', () => {
  let harness: SyncHarness
  const hostile = createScenario('hostile')

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'hostile' })
    await harness.sync.sync(harness.connectionId)
  })

  afterAll(() => harness.close())

  function all<T>(sql: string, ...params: unknown[]): T[] {
    return harness.cache.database.prepare(sql).all(...params) as T[]
  }

  it('keeps a null entry inside a line array as a null line, and totals skip it', () => {
    const payment = hostile.payments.find((p) =>
      (hostile.payStatements(p.id) ?? []).some((s) => s.earnings?.includes(null)),
    )!
    const statements = hostile.payStatements(payment.id)!
    const nullEntries = statements.filter((s) => s.earnings?.includes(null)).length

    const cached = all<{ entries: number; total: number }>(
      `SELECT sum(l.is_null_entry) AS entries, sum(l.amount_cents) AS total
       FROM pay_statement s JOIN pay_statement_line l ON l.statement_row = s.statement_row
       WHERE s.payment_id = ? AND l.kind = 'earning'`,
      payment.id,
    )[0]!
    const expected = statements
      .flatMap((s) => s.earnings ?? [])
      .reduce((total, line) => total + (line?.amount ?? 0), 0)

    expect(cached.entries).toBe(nullEntries)
    expect(cached.total).toBe(expected)
  })

  it('keeps type names Finch does not document as the text it sent', () => {
    const types = all<{ type: string }>(
      `SELECT DISTINCT type FROM pay_statement_line WHERE kind = 'earning' AND type IS NOT NULL`,
    ).map((row) => row.type)

    expect(types).toContain('retro_pay')
  })

  it('keeps nulls as nulls and text byte for byte', () => {
    const people = all<{ individual_id: string; first_name: string | null; raw_json: string }>(
      'SELECT individual_id, first_name, raw_json FROM directory_entry',
    )
    const byId = new Map(people.map((p) => [p.individual_id, p]))

    for (const person of hostile.directory) {
      expect(byId.get(person.id)?.first_name).toBe(person.first_name)
      expect(JSON.parse(byId.get(person.id)!.raw_json)).toEqual(person)
    }
    const company = all<{ raw_json: string }>('SELECT raw_json FROM company')[0]!
    expect(JSON.parse(company.raw_json)).toEqual(hostile.company)
  })

  it('rebuilds each statement exactly from its row and its lines', () => {
    const payment = hostile.payments[hostile.payments.length - 1]!
    const statements = hostile.payStatements(payment.id)!
    const rows = all<{ statement_row: number; raw_json: string }>(
      'SELECT statement_row, raw_json FROM pay_statement WHERE payment_id = ? ORDER BY position',
      payment.id,
    )
    const kinds = {
      earning: 'earnings',
      tax: 'taxes',
      employee_deduction: 'employee_deductions',
      employer_contribution: 'employer_contributions',
    } as const

    const rebuilt = rows.map((row) => {
      const statement: Record<string, unknown> = JSON.parse(row.raw_json)
      const lines = all<Record<string, unknown>>(
        'SELECT * FROM pay_statement_line WHERE statement_row = ? ORDER BY kind, position',
        row.statement_row,
      )
      for (const [kind, key] of Object.entries(kinds)) {
        if (statement[key] === null) continue
        statement[key] = lines
          .filter((line) => line.kind === kind)
          .map((line) => (line.is_null_entry === 1 ? null : toLine(line)))
      }
      return statement
    })

    expect(rebuilt).toEqual(statements.map((s) => stripUndefined(s)))
  })
})

function toLine(line: Record<string, unknown>): Record<string, unknown> {
  const rebuilt: Record<string, unknown> = {
    name: line.name,
    type: line.type,
    amount: line.amount_cents,
    currency: line.currency,
  }
  if (line.kind === 'earning') rebuilt.hours = line.hours
  if (line.kind === 'tax') rebuilt.employer = line.employer === null ? null : line.employer === 1
  if (line.kind === 'employee_deduction') {
    rebuilt.pre_tax = line.pre_tax === null ? null : line.pre_tax === 1
  }
  if (line.attributes_json !== null) rebuilt.attributes = JSON.parse(line.attributes_json as string)
  if (line.extra_json !== null) Object.assign(rebuilt, JSON.parse(line.extra_json as string))
  return rebuilt
}

function stripUndefined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}
