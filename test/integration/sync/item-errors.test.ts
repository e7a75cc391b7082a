import { afterEach, describe, expect, it } from 'vitest'
import { createScenario } from '../../../src/sandbox/data'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'
import type { MutableCompany } from './mutable-company'
import { mutableScenario } from './mutable-company'

describe('items Finch fails one by one, or has not collected yet', () => {
  let harness: SyncHarness
  let company: MutableCompany

  async function start(username = 'scale-30-6'): Promise<void> {
    company = mutableScenario(30, 6)
    harness = await startSyncHarness({
      username,
      sandbox: { datasetFor: () => company.dataset },
    })
  }

  afterEach(() => harness.close())

  function all<T>(sql: string, ...params: unknown[]): T[] {
    return harness.cache.database.prepare(sql).all(...params) as T[]
  }

  it('records each failed item, keeps every other one, and the sync succeeds', async () => {
    await start()
    const [lost, unemployed] = company.directory.map((p) => p.id)
    const [missingPayment, brokenPayment] = company.payments.map((p) => p.id)
    company.individuals.set(lost!, undefined)
    company.employments.set(unemployed!, undefined)
    company.statements.set(missingPayment!, undefined)
    const broken = company.base.payStatements(brokenPayment!)!.map((s) => ({ ...s }))
    broken[3] = { ...broken[3]!, gross_pay: { amount: 1234.5, currency: 'usd' } }
    company.statements.set(brokenPayment!, broken)

    const summary = await harness.sync.sync(harness.connectionId)

    expect(summary.status).toBe('succeeded')
    expect(summary.counts).toMatchObject({ directory: 30, individual: 29, employment: 29 })
    expect(
      all(
        'SELECT product, item_id, status_code, error_name, finch_code FROM item_error ORDER BY product',
      ),
    ).toEqual([
      {
        product: 'employment',
        item_id: unemployed,
        status_code: 404,
        error_name: 'not_found_error',
        finch_code: 'individual_not_found',
      },
      {
        product: 'individual',
        item_id: lost,
        status_code: 404,
        error_name: 'not_found_error',
        finch_code: 'individual_not_found',
      },
      {
        product: 'pay_statement',
        item_id: missingPayment,
        status_code: 404,
        error_name: 'not_found_error',
        finch_code: 'payment_not_found',
      },
      {
        product: 'pay_statement',
        item_id: brokenPayment,
        status_code: null,
        error_name: 'malformed_item',
        finch_code: null,
      },
    ])
    const message = all<{ message: string }>(
      `SELECT message FROM item_error WHERE error_name = 'malformed_item'`,
    )[0]!.message
    expect(message).toMatch(/pay_statements\[3\]\.gross_pay\.amount is not a whole number of cents/)
    expect(message).not.toContain('1234.5')
    // A payment whose statements could not all be read has none, rather than a wrong total.
    expect(
      all(
        'SELECT count(*) AS n FROM pay_statement WHERE payment_id IN (?, ?)',
        missingPayment,
        brokenPayment,
      ),
    ).toEqual([{ n: 0 }])
    expect(all('SELECT count(*) AS n FROM pay_statement')).toEqual([{ n: 30 * 4 }])
  })

  it('records statements still being collected as pending and reads them at the next sync', async () => {
    await start()
    const waiting = company.payments[company.payments.length - 1]!.id
    company.pendingStatements.add(waiting)

    await harness.sync.sync(harness.connectionId)
    const pending = all('SELECT product, item_id, finch_code FROM pending_item')
    const before = all('SELECT count(*) AS n FROM pay_statement WHERE payment_id = ?', waiting)
    company.pendingStatements.delete(waiting)
    const later = await harness.sync.sync(harness.connectionId)

    expect(pending).toEqual([
      { product: 'pay_statement', item_id: waiting, finch_code: 'data_sync_in_progress' },
    ])
    expect(before).toEqual([{ n: 0 }])
    expect(later.mode).toBe('incremental')
    expect(all('SELECT * FROM pending_item')).toEqual([])
    expect(all('SELECT count(*) AS n FROM pay_statement WHERE payment_id = ?', waiting)).toEqual([
      { n: 30 },
    ])
  })

  it('keeps what an assisted connection has while Finch still collects it, then fills it in', async () => {
    harness = await startSyncHarness({ username: 'assisted' })

    const first = await harness.sync.sync(harness.connectionId)
    const pendingFirst = all<{ product: string; item_id: string | null }>(
      'SELECT product, item_id FROM pending_item ORDER BY product',
    )
    const statusFirst = all<{ product: string; status: string }>(
      `SELECT product, status FROM product_freshness WHERE status <> 'fresh'`,
    )
    const second = await harness.sync.sync(harness.connectionId)
    const pendingSecond = all<{ product: string; item_id: string | null }>(
      'SELECT product, item_id FROM pending_item ORDER BY product',
    )

    expect(first.status).toBe('succeeded')
    // The first three data requests answer 202: those products wait for the next sync.
    expect(pendingFirst.filter((item) => item.item_id === null)).toHaveLength(3)
    expect(statusFirst.filter((s) => s.status === 'pending')).toHaveLength(3)
    expect(second.status).toBe('succeeded')
    expect(pendingSecond.every((item) => item.item_id !== null)).toBe(true)
    // The newest two payments' statements stay with Finch's operators for now.
    expect(pendingSecond.filter((item) => item.product === 'pay_statement')).toHaveLength(2)
    // Whatever was pending at first is read in full now, though the sync is incremental.
    const assisted = createScenario('assisted')
    expect(second.mode).toBe('incremental')
    expect(second.counts).toMatchObject({
      directory: assisted.directory.length,
      individual: assisted.directory.length,
      employment: assisted.directory.length,
      payment: assisted.payments.length,
    })
    const readable = assisted.payments.slice(0, -2)
    expect(second.counts.pay_statement).toBe(
      readable.reduce((sum, p) => sum + (assisted.payStatements(p.id)?.length ?? 0), 0),
    )
  })
})
