import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchPeople } from '../../../src/main/cache/people-search'
import type { SyncSummary } from '../../../src/shared/domain'
import type { CompanyDataset } from '../../../src/sandbox/data'
import { createScenario } from '../../../src/sandbox/data'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

function sum(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0)
}

describe('a full sync of every product', () => {
  let harness: SyncHarness
  let summary: SyncSummary
  const largeco: CompanyDataset = createScenario('largeco')

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'largeco' })
    summary = await harness.sync.sync(harness.connectionId)
  })

  afterAll(() => harness.close())

  function one<T>(sql: string, ...params: unknown[]): T {
    return harness.cache.database.prepare(sql).get(...params) as T
  }

  it('caches the company, every person, payment, statement, benefit and pay group', () => {
    const statementCount = sum(largeco.payments.map((p) => largeco.payStatements(p.id)?.length))
    const enrollmentCount = sum(
      largeco.benefits.map((b) => largeco.enrollments(b.benefit_id).length),
    )

    expect(summary.status).toBe('succeeded')
    expect(summary.mode).toBe('full')
    expect(summary.counts).toEqual({
      company: 1,
      directory: largeco.directory.length,
      individual: largeco.directory.length,
      employment: largeco.directory.length,
      payment: largeco.payments.length,
      pay_statement: statementCount,
      benefit: largeco.benefits.length,
      benefit_enrollment: enrollmentCount,
      pay_group: largeco.payGroups.length,
    })
    expect(harness.cache.listConnections()[0]).toMatchObject({
      companyName: largeco.company.legal_name,
      peopleCount: largeco.directory.length,
    })
  })

  it('keeps every amount in whole cents, with totals equal to Finch’s to the cent', () => {
    const statements = largeco.payments.flatMap((p) => largeco.payStatements(p.id) ?? [])
    const lines = statements.flatMap((s) => [
      ...(s.earnings ?? []),
      ...(s.taxes ?? []),
      ...(s.employee_deductions ?? []),
      ...(s.employer_contributions ?? []),
    ])

    const cached = one<{ gross: number; net: number }>(
      'SELECT sum(gross_pay_cents) AS gross, sum(net_pay_cents) AS net FROM pay_statement',
    )
    const cachedLines = one<{ total: number; fractional: number }>(
      `SELECT sum(amount_cents) AS total, sum(amount_cents <> round(amount_cents)) AS fractional
       FROM pay_statement_line`,
    )
    const payments = one<{ debit: number }>('SELECT sum(company_debit_cents) AS debit FROM payment')

    expect(cached.gross).toBe(sum(statements.map((s) => s.gross_pay?.amount)))
    expect(cached.net).toBe(sum(statements.map((s) => s.net_pay?.amount)))
    expect(cachedLines.total).toBe(sum(lines.map((line) => line?.amount)))
    expect(cachedLines.fractional).toBe(0)
    expect(payments.debit).toBe(sum(largeco.payments.map((p) => p.company_debit?.amount)))
  })

  it('asks for people in one batch and for statements ten payments at a time', () => {
    const requests = harness.sandbox.requestSummary()

    expect(requests['GET /employer/directory']).toEqual({ '200': 1 })
    expect(requests['POST /employer/individual']).toEqual({ '200': 1 })
    expect(requests['POST /employer/employment']).toEqual({ '200': 1 })
    expect(requests['GET /employer/payment']).toEqual({ '200': 1 })
    expect(requests['POST /employer/pay-statement']).toEqual({
      '200': Math.ceil(largeco.payments.length / 10),
    })
    expect(requests['GET /employer/benefits/{benefit_id}/individuals']).toEqual({
      '200': largeco.benefits.length,
    })
  })

  it('keeps the SSN in the cache but leaves it out of the live view', () => {
    const person = largeco.directory[0]!
    const stored = one<{ ssn: string | null }>(
      'SELECT ssn FROM individual_version WHERE individual_id = ?',
      person.id,
    )
    const shown = one<Record<string, unknown>>(
      'SELECT * FROM individual WHERE individual_id = ?',
      person.id,
    )

    expect(stored.ssn).toBe(largeco.individual(person.id)?.ssn)
    expect(stored.ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/)
    expect(Object.keys(shown)).not.toContain('ssn')
    expect(Object.keys(shown)).not.toContain('encrypted_ssn')
    expect(JSON.stringify(shown)).not.toContain(stored.ssn!)
    expect(shown.ssn_last4).toBe(stored.ssn!.slice(-4))
  })

  it('finds people by name, preferred name, email, title and department with FTS5', () => {
    const person = largeco.directory.find((p) => largeco.individual(p.id)?.preferred_name)!
    const individual = largeco.individual(person.id)!
    const employment = largeco.employment(person.id)!
    const email = individual.emails?.[0]?.data ?? ''
    const search = (text: string) =>
      searchPeople(harness.cache.database, harness.connectionId, text, 500).map(
        (match) => match.individualId,
      )

    expect(search(`${individual.first_name} ${individual.last_name}`)).toContain(person.id)
    expect(search(individual.preferred_name!)).toContain(person.id)
    expect(search(email.split('@')[0]!)).toContain(person.id)
    expect(search(`${employment.title} ${employment.department?.name}`)).toContain(person.id)
    expect(search(individual.last_name!.slice(0, 3))).toContain(person.id)
    expect(search('"; DROP TABLE person_search_index; --')).toEqual([])
  })

  it('reports each product’s progress with its requests and retries', () => {
    const finals = new Map(harness.progress.map((event) => [event.product, event]))

    expect([...finals.keys()].sort()).toEqual([
      'benefits',
      'company',
      'directory',
      'employment',
      'individual',
      'pay_group',
      'pay_statement',
      'payment',
    ])
    expect(finals.get('pay_statement')).toMatchObject({
      state: 'done',
      done: largeco.payments.length,
      total: largeco.payments.length,
      requests: Math.ceil(largeco.payments.length / 10),
      retries: 0,
    })
    expect(finals.get('directory')).toMatchObject({ done: 120, total: 120, requests: 1 })
  })

  it('records each product’s freshness from Finch’s headers', () => {
    const rows = harness.cache.database
      .prepare('SELECT product, status, data_retrieved_at, synced_at FROM product_freshness')
      .all() as { product: string; status: string; data_retrieved_at: string | null }[]

    expect(rows).toHaveLength(8)
    for (const row of rows) {
      expect(row.status).toBe('fresh')
      expect(Date.parse(row.data_retrieved_at ?? '')).not.toBeNaN()
    }
  })
})
