import { describe, expect, it } from 'vitest'
import {
  StatementPlanner,
  fewestStatementRequests,
} from '../../../../src/main/sync/statement-batches'

const FINCH = { paymentsPerRequest: 10, statementsPerPage: 5_000, statementsPerRequest: 10_000 }

function drain(planner: StatementPlanner) {
  const batches = []
  for (let batch = planner.next(); batch; batch = planner.next()) batches.push(batch)
  return batches
}

describe('packing pay-statement pages into requests', () => {
  it('puts ten payments of a thousand people in each request, one page each', () => {
    const planner = new StatementPlanner(FINCH)
    for (let i = 0; i < 52; i++) planner.add(`payment-${i}`, 1_000)

    const batches = drain(planner)

    expect(batches).toHaveLength(6)
    expect(batches.map((b) => b.length)).toEqual([10, 10, 10, 10, 10, 2])
    expect(batches[0]![0]).toEqual({ paymentId: 'payment-0', offset: 0, limit: 1_000 })
    expect(batches.length).toBe(fewestStatementRequests(Array(52).fill(1_000), FINCH))
  })

  it('keeps a request within its statement budget and pages large payments', () => {
    const planner = new StatementPlanner(FINCH)
    for (let i = 0; i < 4; i++) planner.add(`payment-${i}`, 10_000)

    const first = planner.next()!

    expect(first).toEqual([
      { paymentId: 'payment-0', offset: 0, limit: 5_000 },
      { paymentId: 'payment-1', offset: 0, limit: 5_000 },
    ])
  })

  it('asks for the rest of a payment before any new one, never twice in one request', () => {
    const planner = new StatementPlanner({ ...FINCH, statementsPerRequest: 20_000 })
    planner.add('a', 8_000)
    planner.add('b', 100)
    planner.next()

    planner.askNext('a', 5_000, 3_000)
    planner.askNext('a', 9_000, 10)
    planner.add('c', 100)

    expect(planner.next()).toEqual([
      { paymentId: 'a', offset: 9_000, limit: 10 },
      { paymentId: 'c', offset: 0, limit: 100 },
    ])
    expect(planner.next()).toEqual([{ paymentId: 'a', offset: 5_000, limit: 3_000 }])
    expect(planner.next()).toBeNull()
  })

  it('uses Finch’s default page for a payment that lists no people', () => {
    const planner = new StatementPlanner(FINCH)
    planner.add('unknown', null)
    planner.add('empty', 0)

    expect(planner.next()).toEqual([
      { paymentId: 'unknown', offset: 0, limit: 100 },
      { paymentId: 'empty', offset: 0, limit: 1 },
    ])
  })
})
