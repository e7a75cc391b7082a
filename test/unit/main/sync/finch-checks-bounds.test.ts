import { describe, expect, it } from 'vitest'
import {
  MAX_AMOUNT_CENTS,
  checkBatchItem,
  checkPayment,
} from '../../../../src/main/sync/finch-checks'
import { MalformedData } from '../../../../src/main/sync/sync-errors'

function payment(grossCents: number): Record<string, unknown> {
  return {
    id: 'payment-1',
    pay_date: '2026-11-30',
    gross_pay: { amount: grossCents, currency: 'usd' },
    net_pay: { amount: 1_000, currency: 'usd' },
  }
}

function nestedDeep(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let level = 0; level < depth; level += 1) value = { deeper: value }
  return value
}

describe('the bounds on what Finch may send', () => {
  it('accepts an amount of exactly $1 billion', () => {
    expect(() => checkPayment(payment(MAX_AMOUNT_CENTS), 'payments[0]')).not.toThrow()
  })

  it.each([MAX_AMOUNT_CENTS + 1, -MAX_AMOUNT_CENTS - 1, Number.MAX_SAFE_INTEGER])(
    'refuses an amount of %d cents, whose sums could not stay exact',
    (grossCents) => {
      expect(() => checkPayment(payment(grossCents), 'payments[0]')).toThrow(MalformedData)
    },
  )

  it('refuses a payment nested thousands of levels deep as one malformed item', () => {
    const body = { ...payment(1_000), extra: nestedDeep(20_000) }

    expect(() => checkPayment(body, 'payments[0]')).toThrow(MalformedData)
  })

  it('refuses a deeply nested batch item without overflowing the stack', () => {
    const item = { individual_id: 'person-1', code: 200, body: nestedDeep(50_000) }

    expect(() => checkBatchItem(item, 'individual_id', 'responses[0]')).toThrow(MalformedData)
  })

  it('accepts ordinary nesting', () => {
    const item = { individual_id: 'person-1', code: 200, body: nestedDeep(10) }

    expect(() => checkBatchItem(item, 'individual_id', 'responses[0]')).not.toThrow()
  })
})
