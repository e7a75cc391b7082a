/**
 * Pay statements a sync fails to read, payment by payment: a later failure must never take away
 * what an earlier sync stored. Per-item 500s come from a loopback proxy in front of the sandbox,
 * which rewrites chosen payments' items of the pay-statement answer; malformed statements and
 * unknown payments come from the sandbox's own company.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import { afterEach, describe, expect, it } from 'vitest'
import { PayrollQueries } from '../../../src/main/cache/payroll-queries'
import { personYearsStored } from '../../../src/main/cache/person-years'
import { Redactor, createLogger } from '../../../src/main/log/logger'
import { ConnectionSync } from '../../../src/main/sync/sync-connection'
import type { SyncSettings } from '../../../src/main/sync/sync-settings'
import { SecretVault } from '../../../src/main/vault/secret-vault'
import { keytar } from '../../support/test-keychain'
import type { MutableCompany } from './mutable-company'
import { mutableScenario } from './mutable-company'
import type { SyncHarness } from './sync-harness'
import { TEST_SYNC_SETTINGS, startSyncHarness } from './sync-harness'

type Row = Record<string, unknown>

/** Everything the cache stores for one payment's statements, as the live snapshot shows it. */
interface StoredStatements {
  statements: Row[]
  lines: Row[]
  register: Row[]
  registerColumns: Row[]
  personTotals: Row[]
  ytdLines: Row[]
  checks: Row[]
  imbalances: Row[]
  lineTypes: Row[]
  overtime: Row[]
}

/** Register rows of the payment, for the tables that hang off them. */
const REGISTER_OF = `register_row IN (SELECT register_row FROM payment_register WHERE payment_id = ?)`

/** A Finch that answers chosen payments' statements with a per-item 500, the rest as is. */
interface FailingFinch {
  url: string
  failing: Set<string>
  close(): Promise<void>
}

async function startFailingFinch(sandboxUrl: string): Promise<FailingFinch> {
  const failing = new Set<string>()

  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value !== 'string') continue
      if (['host', 'connection', 'accept-encoding', 'content-length'].includes(name)) continue
      headers.set(name, value)
    }
    const upstream = await fetch(sandboxUrl + (request.url ?? '/'), {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })

    let body = await upstream.text()
    const isStatements = request.url?.startsWith('/employer/pay-statement') ?? false
    if (isStatements && upstream.status === 200) body = failItems(body, failing)
    const answerHeaders: Record<string, string> = {}
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(name)) {
        answerHeaders[name] = value
      }
    })
    response.writeHead(upstream.status, answerHeaders).end(body)
  }

  const server: Server = createServer((request, response) => {
    forward(request, response).catch(() => response.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Finch's own body for an item its provider failed to answer. */
function failItems(body: string, failing: ReadonlySet<string>): string {
  const answer = JSON.parse(body) as { responses: { payment_id: string }[] }
  const responses = answer.responses.map((item) =>
    failing.has(item.payment_id)
      ? {
          payment_id: item.payment_id,
          code: 500,
          body: { code: 500, name: 'server_error', message: 'The provider did not answer.' },
        }
      : item,
  )
  return JSON.stringify({ ...answer, responses })
}

/** The same statements, each paid one dollar more: what a corrected payroll run looks like. */
function raised(statements: readonly PayStatement[]): PayStatement[] {
  return statements.map((statement) => ({
    ...statement,
    gross_pay: statement.gross_pay && {
      ...statement.gross_pay,
      amount: (statement.gross_pay.amount ?? 0) + 100,
    },
  }))
}

describe('pay statements a sync fails to read', () => {
  let harness: SyncHarness
  let company: MutableCompany
  let finch: FailingFinch
  /** Syncs through `finch`, so `finch.failing` payments answer a 500 each. */
  let failingSync: ConnectionSync

  async function start(settings: Partial<SyncSettings> = {}): Promise<void> {
    company = mutableScenario(30, 6)
    harness = await startSyncHarness({
      username: 'scale-30-6',
      sandbox: { datasetFor: () => company.dataset },
      settings,
    })
    finch = await startFailingFinch(harness.sandbox.url)
    const redactor = new Redactor()
    failingSync = new ConnectionSync({
      baseURL: async () => finch.url,
      vault: new SecretVault(keytar, harness.service, redactor),
      cache: harness.cache,
      logger: createLogger({ sinks: [], redactor }).child('sync'),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: { ...TEST_SYNC_SETTINGS, ...settings },
    })
  }

  afterEach(async () => {
    await finch.close()
    await harness.close()
  })

  function all(sql: string, ...params: unknown[]): Row[] {
    return harness.cache.database.prepare(sql).all(...params) as Row[]
  }

  function stored(paymentId: string): StoredStatements {
    return {
      statements: all(
        'SELECT * FROM pay_statement WHERE payment_id = ? ORDER BY position',
        paymentId,
      ),
      lines: all(
        `SELECT l.* FROM pay_statement_line l JOIN pay_statement s USING (statement_row)
         WHERE s.payment_id = ? ORDER BY l.statement_row, l.kind, l.position`,
        paymentId,
      ),
      register: all('SELECT * FROM payment_register WHERE payment_id = ?', paymentId),
      registerColumns: all(
        `SELECT * FROM payment_register_column WHERE ${REGISTER_OF} ORDER BY column_kind, label`,
        paymentId,
      ),
      personTotals: all(
        `SELECT * FROM payment_person_total WHERE ${REGISTER_OF} ORDER BY individual_id`,
        paymentId,
      ),
      ytdLines: all(
        `SELECT * FROM payment_ytd_line WHERE ${REGISTER_OF} ORDER BY kind, label`,
        paymentId,
      ),
      checks: all(`SELECT * FROM payment_register_check WHERE ${REGISTER_OF}`, paymentId),
      imbalances: all(
        `SELECT * FROM payment_register_imbalance WHERE ${REGISTER_OF} ORDER BY statement_row`,
        paymentId,
      ),
      lineTypes: all(
        `SELECT * FROM payment_register_line_type WHERE ${REGISTER_OF} ORDER BY kind, type`,
        paymentId,
      ),
      overtime: all(
        `SELECT * FROM payment_register_overtime WHERE ${REGISTER_OF} ORDER BY individual_id`,
        paymentId,
      ),
    }
  }

  function liveSnapshot(): number {
    return harness.cache.snapshots.live(harness.connectionId)!.snapshotId
  }

  function statementErrors(): Row[] {
    return all(
      `SELECT item_id, status_code, error_name FROM item_error WHERE product = 'pay_statement'
       ORDER BY item_id`,
    )
  }

  /** Gross pay of the payment's live statements, and of its stored register row. */
  function grossOf(paymentId: string): { statements: number; register: number } {
    const [statements] = all(
      'SELECT sum(gross_pay_cents) AS cents FROM pay_statement WHERE payment_id = ?',
      paymentId,
    )
    const [register] = all(
      'SELECT gross_pay_cents AS cents FROM payment_register WHERE payment_id = ?',
      paymentId,
    )
    return { statements: statements!.cents as number, register: register!.cents as number }
  }

  it('keeps the earlier statements and stored totals of a payment Finch answers 500 for, and refreshes the rest', async () => {
    await start()
    const failed = company.payments[4]!.id
    const refreshed = company.payments[5]!.id
    await harness.sync.sync(harness.connectionId)
    const firstSnapshot = liveSnapshot()
    const before = stored(failed)
    const refreshedBefore = grossOf(refreshed)
    company.statements.set(refreshed, raised(company.base.payStatements(refreshed)!))
    company.statements.set(failed, raised(company.base.payStatements(failed)!))
    finch.failing.add(failed)

    const summary = await failingSync.sync(harness.connectionId)

    expect(summary.status).toBe('succeeded')
    expect(summary.mode).toBe('incremental')
    expect(liveSnapshot()).toBeGreaterThan(firstSnapshot)
    expect(before.statements).toHaveLength(30)
    expect(before.register).toHaveLength(1)
    expect(before.personTotals).toHaveLength(30)
    expect(before.checks).toHaveLength(1)
    expect(stored(failed)).toEqual(before)
    expect(statementErrors()).toEqual([
      { item_id: failed, status_code: 500, error_name: 'server_error' },
    ])
    expect(
      new PayrollQueries(harness.cache.database).completeness(harness.connectionId).errors,
    ).toEqual([{ product: 'pay_statement', itemId: failed, statusCode: 500, name: 'server_error' }])
    // The payment read in the same answer has its new statements, and totals summed from them.
    expect(grossOf(refreshed)).toEqual({
      statements: refreshedBefore.statements + 30 * 100,
      register: refreshedBefore.register + 30 * 100,
    })
    expect(
      all('SELECT DISTINCT added_snapshot FROM pay_statement WHERE payment_id = ?', refreshed),
    ).toEqual([{ added_snapshot: liveSnapshot() }])
    expect(summary.counts.pay_statement).toBe(6 * 30)
    expect(all('SELECT count(*) AS n FROM payment_register')).toEqual([{ n: 6 }])
    expect(personYearsStored(harness.cache.database, harness.connectionId)).toBe(liveSnapshot())
  })

  it('keeps the earlier statements of several payments whose statements are malformed or unknown, through a full sync read in pages', async () => {
    await start({ statementsPerPage: 10, paymentsPerStatementRequest: 3 })
    const [olderBroken, unknown, , , recentBroken] = company.payments.map((p) => p.id)
    await harness.sync.sync(harness.connectionId)
    const before = new Map([olderBroken!, unknown!, recentBroken!].map((id) => [id, stored(id)]))
    for (const id of [olderBroken!, recentBroken!]) {
      // Pages of ten: the third is refused, after the first two were written.
      const broken = raised(company.base.payStatements(id)!)
      broken[25] = { ...broken[25]!, gross_pay: { amount: 1234.5, currency: 'usd' } }
      company.statements.set(id, broken)
    }
    company.statements.set(unknown!, undefined)
    const refreshed = company.payments[2]!.id
    const refreshedBefore = grossOf(refreshed)
    company.statements.set(refreshed, raised(company.base.payStatements(refreshed)!))

    const summary = await harness.sync.sync(harness.connectionId, { mode: 'full' })

    expect(summary.status).toBe('succeeded')
    expect(summary.mode).toBe('full')
    for (const [id, earlier] of before) {
      expect(earlier.statements).toHaveLength(30)
      expect(stored(id)).toEqual(earlier)
    }
    expect(statementErrors()).toEqual(
      [
        { item_id: olderBroken, status_code: null, error_name: 'malformed_item' },
        { item_id: unknown, status_code: 404, error_name: 'not_found_error' },
        { item_id: recentBroken, status_code: null, error_name: 'malformed_item' },
      ].sort((a, b) => (a.item_id! < b.item_id! ? -1 : 1)),
    )
    expect(grossOf(refreshed)).toEqual({
      statements: refreshedBefore.statements + 30 * 100,
      register: refreshedBefore.register + 30 * 100,
    })
    expect(summary.counts.pay_statement).toBe(6 * 30)
    expect(personYearsStored(harness.cache.database, harness.connectionId)).toBe(liveSnapshot())
  })

  it('leaves a payment that fails at the first sync without statements, and reads it at the next', async () => {
    await start()
    const failed = company.payments[1]!.id
    finch.failing.add(failed)

    const first = await failingSync.sync(harness.connectionId)
    const afterFirst = stored(failed)
    const errorsFirst = statementErrors()
    finch.failing.clear()
    const second = await harness.sync.sync(harness.connectionId)

    expect(first.status).toBe('succeeded')
    expect(afterFirst.statements).toEqual([])
    expect(afterFirst.register).toEqual([])
    expect(errorsFirst).toEqual([{ item_id: failed, status_code: 500, error_name: 'server_error' }])
    expect(first.counts.pay_statement).toBe(5 * 30)
    // An older payment, outside the incremental window: read again because it failed.
    expect(second.mode).toBe('incremental')
    expect(statementErrors()).toEqual([])
    expect(stored(failed).statements).toHaveLength(30)
    expect(stored(failed).register).toHaveLength(1)
    expect(second.counts.pay_statement).toBe(6 * 30)
  })

  it('replaces statements kept from an earlier sync with fresh ones once the payment reads again', async () => {
    await start()
    const failed = company.payments[0]!.id
    await harness.sync.sync(harness.connectionId)
    const first = stored(failed)
    const grossFirst = grossOf(failed)
    finch.failing.add(failed)
    await failingSync.sync(harness.connectionId, { mode: 'full' })
    const kept = stored(failed)
    const errorsKept = statementErrors()
    finch.failing.clear()
    company.statements.set(failed, raised(company.base.payStatements(failed)!))

    const third = await harness.sync.sync(harness.connectionId)

    expect(kept).toEqual(first)
    expect(errorsKept).toEqual([{ item_id: failed, status_code: 500, error_name: 'server_error' }])
    expect(third.mode).toBe('incremental')
    expect(statementErrors()).toEqual([])
    const fresh = stored(failed)
    expect(fresh.statements).toHaveLength(30)
    expect(fresh.statements.every((row) => row.added_snapshot === liveSnapshot())).toBe(true)
    expect(fresh.register).toHaveLength(1)
    expect(fresh.register[0]!.added_snapshot).toBe(liveSnapshot())
    expect(fresh.personTotals).toHaveLength(30)
    expect(fresh.checks).toHaveLength(1)
    expect(grossOf(failed)).toEqual({
      statements: grossFirst.statements + 30 * 100,
      register: grossFirst.register + 30 * 100,
    })
    expect(all('SELECT count(*) AS n FROM pay_statement WHERE payment_id = ?', failed)).toEqual([
      { n: 30 },
    ])
    expect(third.counts.pay_statement).toBe(6 * 30)
  })
})
