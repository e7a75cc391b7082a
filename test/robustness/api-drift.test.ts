/**
 * Finch answers that drift from the documented shape: extra fields, unknown enum values, nulls,
 * missing optional objects, amounts as strings or fractions, empty pages and duplicate ids. Each
 * must be either stored as it means or refused with a recorded reason; none may crash a sync or
 * change a total without saying so. The sandbox's answers are rewritten by a small proxy on
 * 127.0.0.1, between the sync and the sandbox.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { Redactor, createLogger } from '../../src/main/log/logger'
import { ConnectionSync } from '../../src/main/sync/sync-connection'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { FIXTURE_FILES, createScenario, writeFixtureDataset } from '../../src/sandbox/data'
import { connect } from '../../bench/sync/sandbox-connection'
import { makeTempDir } from '../support/temp-dir'

type Json = unknown
type Rewrite = (pathname: string, body: Json) => Json

interface Totals {
  payments: number
  grossCents: number
  netCents: number
  statements: number
  statementGrossCents: number
  people: number
}

interface ItemError {
  product: string
  item_id: string | null
  error_name: string | null
  message: string | null
}

describe('a sync handed drifting Finch answers', () => {
  const client = { clientId: 'drift-client', clientSecret: randomBytes(24).toString('base64url') }
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let proxy: Server
  let proxyUrl: string
  let rewrite: Rewrite | null = null
  let cache: PayrollCache
  let sync: ConnectionSync
  let connectionId: string
  let clean: Totals

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [client], rateLimits: false })
    proxy = createServer((request, response) => void forward(request, response))
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

    const connection = await connect(sandbox.url, client, 'smallco')
    connectionId = connection.connectionId
    cache = new PayrollCache(
      openDatabase({ path: join(dir.path, 'drift.db'), keyHex: randomBytes(32).toString('hex') }),
    )
    cache.saveConnection({
      connectionId,
      environment: 'finch',
      companyId: 'drift',
      customerId: 'drift',
      customerName: 'Drift',
      providerId: 'gusto',
      connectionType: 'provider',
      products: connection.products,
      connectedAt: new Date().toISOString(),
    })
    sync = new ConnectionSync({
      baseURL: async () => proxyUrl,
      vault: { read: async () => connection.token },
      cache,
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: {
        rateLimits: null,
        paymentsFrom: () => '2024-01-01',
        retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxRateLimitWaits: 2 },
      },
    })
    await sync.sync(connectionId, { mode: 'full' })
    clean = totals()
  })

  afterAll(async () => {
    cache.close()
    await new Promise((resolve) => proxy.close(resolve))
    await sandbox.close()
    dir.remove()
  })

  beforeEach(async () => {
    rewrite = null
    await sync.sync(connectionId, { mode: 'full' })
    expect(totals()).toEqual(clean)
  })

  /** Passes each request to the sandbox and rewrites its JSON answer when a case asks to. */
  async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'accept-encoding', 'connection'].includes(name))
        headers.set(name, value)
    }
    const upstream = await fetch(sandbox.url + request.url, {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })
    let body = await upstream.text()
    const pathname = new URL(request.url ?? '/', proxyUrl).pathname
    if (rewrite && upstream.status === 200 && pathname.startsWith('/employer/')) {
      body = JSON.stringify(rewrite(pathname, JSON.parse(body)))
    }
    const answerHeaders: Record<string, string> = {}
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(name))
        answerHeaders[name] = value
    })
    response.writeHead(upstream.status, answerHeaders).end(body)
  }

  async function driftedSync(drift: Rewrite): Promise<{ status: string; error?: unknown }> {
    rewrite = drift
    try {
      return await sync.sync(connectionId, { mode: 'full' })
    } catch (error) {
      return { status: 'threw', error }
    } finally {
      rewrite = null
    }
  }

  function totals(): Totals {
    const db = cache.database
    const live = `added_snapshot <= (SELECT live_snapshot_id FROM connection WHERE connection_id = @id)
      AND (removed_snapshot IS NULL OR removed_snapshot >
        (SELECT live_snapshot_id FROM connection WHERE connection_id = @id))
      AND connection_id = @id`
    const payments = db
      .prepare(
        `SELECT count(*) AS payments, coalesce(sum(gross_pay_cents), 0) AS grossCents,
           coalesce(sum(net_pay_cents), 0) AS netCents FROM payment_version WHERE ${live}`,
      )
      .get({ id: connectionId }) as Pick<Totals, 'payments' | 'grossCents' | 'netCents'>
    const statements = db
      .prepare(
        `SELECT count(*) AS statements, coalesce(sum(gross_pay_cents), 0) AS statementGrossCents
         FROM pay_statement_version WHERE ${live}`,
      )
      .get({ id: connectionId }) as Pick<Totals, 'statements' | 'statementGrossCents'>
    const people = db
      .prepare(`SELECT count(*) AS people FROM directory_entry_version WHERE ${live}`)
      .get({ id: connectionId }) as Pick<Totals, 'people'>
    return { ...payments, ...statements, ...people }
  }

  function itemErrors(): ItemError[] {
    return cache.database
      .prepare(
        `SELECT product, item_id, error_name, message FROM snapshot_item_error
         WHERE snapshot_id = (SELECT live_snapshot_id FROM connection WHERE connection_id = ?)
         ORDER BY product, item_id`,
      )
      .all(connectionId) as ItemError[]
  }

  function lastRun(): { status: string; error_code: string | null; failure_kind: string | null } {
    return cache.database
      .prepare(
        `SELECT status, error_code, failure_kind FROM sync_run WHERE connection_id = ?
         ORDER BY id DESC LIMIT 1`,
      )
      .get(connectionId) as {
      status: string
      error_code: string | null
      failure_kind: string | null
    }
  }

  it('stores answers with extra fields everywhere and the same totals', async () => {
    const outcome = await driftedSync((_, body) => withExtraFields(body))

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
    expect(itemErrors()).toEqual([])
  })

  it('stores unknown earning, tax and statement types as they are, with the same totals', async () => {
    const outcome = await driftedSync((pathname, body) =>
      pathname === '/employer/pay-statement' ? renameTypes(body) : body,
    )

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
    const newTypes = cache.database
      .prepare(
        "SELECT count(*) AS n FROM pay_statement_line_version WHERE type = 'type_from_the_future'",
      )
      .get() as { n: number }
    expect(newTypes.n).toBeGreaterThan(0)
  })

  it('stores null in every nullable payment field as unknown, not as zero', async () => {
    const outcome = await driftedSync((pathname, body) =>
      pathname === '/employer/payment' ? editPayments(body, nullOptionalFields) : body,
    )

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
    const unknownDebits = cache.database
      .prepare(
        `SELECT count(*) AS n FROM payment WHERE connection_id = ? AND company_debit_cents IS NULL
           AND employer_taxes_cents IS NULL AND pay_period_start IS NULL`,
      )
      .get(connectionId) as { n: number }
    expect(unknownDebits.n).toBe(clean.payments)
  })

  it('stores payments whose optional objects are missing altogether', async () => {
    const outcome = await driftedSync((pathname, body) =>
      pathname === '/employer/payment' ? editPayments(body, dropOptionalFields) : body,
    )

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
  })

  it.each([
    ['a string', (cents: number) => String(cents)],
    ['a fraction', (cents: number) => cents + 0.5],
  ])('leaves out a payment whose gross pay is %s and records why', async (_, distort) => {
    let distortedId = ''
    const outcome = await driftedSync((pathname, body) => {
      if (pathname !== '/employer/payment') return body
      const payments = body as { id: string; gross_pay: { amount: unknown } }[]
      distortedId = payments[0]!.id
      payments[0]!.gross_pay.amount = distort(payments[0]!.gross_pay.amount as number)
      return payments
    })

    expect(outcome.status).toBe('succeeded')
    expect(itemErrors()).toContainEqual({
      product: 'payment',
      item_id: distortedId,
      error_name: 'malformed_item',
      message: expect.stringContaining('gross_pay'),
    })
    expect(totals().payments).toBe(clean.payments - 1)
  })

  it('refuses the statements of payments whose amounts are fractions, keeps the earlier ones and records each', async () => {
    const outcome = await driftedSync((pathname, body) =>
      pathname === '/employer/pay-statement' ? fractionalAmounts(body) : body,
    )

    expect(outcome.status).toBe('succeeded')
    // The statements the clean sync stored stay: a refused read never takes them away.
    expect(totals()).toEqual(clean)
    const refused = itemErrors().filter((error) => error.product === 'pay_statement')
    expect(refused).toHaveLength(clean.payments)
    for (const error of refused) {
      expect(error).toMatchObject({
        error_name: 'malformed_item',
        message: expect.stringContaining('is not a whole number of cents'),
      })
    }
  })

  it('refuses an empty directory page that claims more people, and keeps the previous data', async () => {
    const outcome = await driftedSync((pathname, body) => {
      if (pathname !== '/employer/directory') return body
      return { ...(body as object), individuals: [] }
    })

    expect(outcome.status).toBe('threw')
    expect(outcome.error).toMatchObject({ code: 'finch_malformed_data' })
    expect(lastRun()).toEqual({
      status: 'failed',
      error_code: 'finch_malformed_data',
      failure_kind: 'malformed_response',
    })
    expect(totals()).toEqual(clean)
  })

  it('stores an empty payment list as no payments, since Finch may have none in the range', async () => {
    const outcome = await driftedSync((pathname, body) =>
      pathname === '/employer/payment' ? [] : body,
    )

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toMatchObject({ payments: 0, statements: 0 })
  })

  it('counts a payment Finch lists twice once and records the duplicate', async () => {
    let duplicateId = ''
    const outcome = await driftedSync((pathname, body) => {
      if (pathname !== '/employer/payment') return body
      const payments = body as { id: string }[]
      duplicateId = payments[0]!.id
      return [...payments, structuredClone(payments[0]!)]
    })

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
    expect(itemErrors()).toContainEqual(
      expect.objectContaining({
        product: 'payment',
        item_id: duplicateId,
        error_name: 'duplicate_payment',
      }),
    )
  })

  it('counts a person the directory lists twice once and records the duplicate', async () => {
    let duplicateId = ''
    const outcome = await driftedSync((pathname, body) => {
      if (pathname !== '/employer/directory') return body
      const page = body as { individuals: { id: string }[] }
      duplicateId = page.individuals[0]!.id
      return { ...page, individuals: [...page.individuals, structuredClone(page.individuals[0])] }
    })

    expect(outcome.status).toBe('succeeded')
    expect(totals()).toEqual(clean)
    expect(itemErrors()).toContainEqual(
      expect.objectContaining({
        product: 'directory',
        item_id: duplicateId,
        error_name: 'duplicate_individual',
      }),
    )
  })
})

describe('a sync of a fixture company whose records drift from the documented shape', () => {
  const client = { clientId: 'fixture-client', clientSecret: randomBytes(24).toString('base64url') }
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let fixturePayments: { id: string; gross_pay: { amount: number } | null }[]
  let fixturePeople: number

  beforeAll(async () => {
    const folder = join(dir.path, 'drifted-smallco')
    writeFixtureDataset(createScenario('smallco'), folder)
    editFixture(folder, FIXTURE_FILES.company, (company: Record<string, Json>) => ({
      ...company,
      entity: { type: 'cooperative_of_the_future', subtype: null },
      departments: null,
      locations: null,
      accounts: null,
      added_later: { nested: [1, 2, 3] },
    }))
    editFixture(folder, FIXTURE_FILES.directory, (people: Record<string, Json>[]) =>
      people.map((person) => ({ ...person, department: null, manager: null, is_active: null })),
    )
    editFixture(folder, FIXTURE_FILES.employment, (bodies: Record<string, Json>[]) =>
      bodies.map((body) => ({
        ...body,
        title: null,
        department: null,
        manager: null,
        income: null,
        income_history: null,
        location: null,
        employment: { type: 'seasonal_contractor', subtype: null },
      })),
    )
    editFixture(folder, FIXTURE_FILES.payment, (payments: Record<string, Json>[]) =>
      payments.map((payment) => ({ ...payment, pay_group_ids: null, pay_period: null })),
    )
    fixturePeople = (
      JSON.parse(readFileSync(join(folder, FIXTURE_FILES.directory), 'utf8')) as unknown[]
    ).length
    fixturePayments = JSON.parse(readFileSync(join(folder, FIXTURE_FILES.payment), 'utf8'))
    sandbox = await startSandbox({
      clients: [client],
      rateLimits: false,
      fixtureFolders: { 'drifted-smallco': folder },
    })
  })

  afterAll(async () => {
    await sandbox.close()
    dir.remove()
  })

  it("stores the company, its people and its payroll, with the payments' gross intact", async () => {
    const connection = await connect(sandbox.url, client, 'drifted-smallco')
    const cache = new PayrollCache(
      openDatabase({ path: join(dir.path, 'cache.db'), keyHex: randomBytes(32).toString('hex') }),
    )
    cache.saveConnection({
      connectionId: connection.connectionId,
      environment: 'finch',
      companyId: 'fixture',
      customerId: 'fixture',
      customerName: 'Fixture',
      providerId: 'gusto',
      connectionType: 'provider',
      products: connection.products,
      connectedAt: new Date().toISOString(),
    })
    const sync = new ConnectionSync({
      baseURL: async () => sandbox.url,
      vault: { read: async () => connection.token },
      cache,
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: { rateLimits: null, paymentsFrom: () => '2024-01-01' },
    })

    const summary = await sync.sync(connection.connectionId, { mode: 'full' })

    expect(summary.status).toBe('succeeded')
    const stored = cache.database
      .prepare(
        `SELECT count(*) AS payments, sum(gross_pay_cents) AS grossCents FROM payment
         WHERE connection_id = ?`,
      )
      .get(connection.connectionId)
    expect(stored).toEqual({
      payments: fixturePayments.length,
      grossCents: fixturePayments.reduce((sum, p) => sum + (p.gross_pay?.amount ?? 0), 0),
    })
    const entity = cache.database
      .prepare('SELECT entity_type FROM company_version WHERE connection_id = ?')
      .get(connection.connectionId)
    expect(entity).toEqual({ entity_type: 'cooperative_of_the_future' })
    const people = cache.database
      .prepare(
        `SELECT count(*) AS n FROM directory_entry_version WHERE connection_id = ?
           AND department IS NULL AND manager_id IS NULL`,
      )
      .get(connection.connectionId)
    expect(people).toEqual({ n: fixturePeople })
    cache.close()
  })
})

function editFixture<T>(folder: string, file: string, edit: (value: T) => unknown): void {
  const path = join(folder, file)
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as T)))
}

function withExtraFields(value: Json): Json {
  if (Array.isArray(value)) return value.map(withExtraFields)
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, Json> = { unexpected_field: { added: 'later', count: 3 } }
  for (const [key, inner] of Object.entries(value)) copy[key] = withExtraFields(inner)
  return copy
}

function renameTypes(value: Json): Json {
  if (Array.isArray(value)) return value.map(renameTypes)
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, Json> = {}
  for (const [key, inner] of Object.entries(value)) {
    copy[key] =
      key === 'type' && typeof inner === 'string' ? 'type_from_the_future' : renameTypes(inner)
  }
  return copy
}

function fractionalAmounts(value: Json): Json {
  if (Array.isArray(value)) return value.map(fractionalAmounts)
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, Json> = {}
  for (const [key, inner] of Object.entries(value)) {
    copy[key] =
      key === 'amount' && typeof inner === 'number' ? inner + 0.25 : fractionalAmounts(inner)
  }
  return copy
}

const OPTIONAL_PAYMENT_FIELDS = [
  'company_debit',
  'employer_taxes',
  'employee_taxes',
  'pay_period',
  'debit_date',
  'pay_group_ids',
  'pay_frequencies',
]

function nullOptionalFields(payment: Record<string, Json>): Record<string, Json> {
  return { ...payment, ...Object.fromEntries(OPTIONAL_PAYMENT_FIELDS.map((key) => [key, null])) }
}

function dropOptionalFields(payment: Record<string, Json>): Record<string, Json> {
  const copy = { ...payment }
  for (const key of OPTIONAL_PAYMENT_FIELDS) delete copy[key]
  return copy
}

function editPayments(body: Json, edit: (payment: Record<string, Json>) => Record<string, Json>) {
  return (body as Record<string, Json>[]).map(edit)
}
