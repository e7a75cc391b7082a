import { describe, expect, it } from 'vitest'
import { createProviderMove, createScenario } from '../../../src/sandbox/data'
import { auditMoney } from './money-audit'

describe('the provider-move pair', () => {
  const move = createProviderMove()

  it('serves the same two companies through the moveco-old and moveco-new logins', () => {
    const before = createScenario('moveco-old')
    const after = createScenario('moveco-new')

    expect(before.directory).toEqual(move.before.directory)
    expect(after.directory).toEqual(move.after.directory)
    expect(before.providerId).not.toBe(after.providerId)
    expect(after.company.ein).toBe(before.company.ein)
    expect(after.company.legal_name).toBe(before.company.legal_name)
  })

  it('pays at the old provider until the move and at the new one after it', () => {
    const lastBefore = move.before.payments.at(-1)!.pay_date!
    const firstAfter = move.after.payments[0]!.pay_date!

    expect(lastBefore <= '2026-06-30').toBe(true)
    expect(firstAfter > lastBefore).toBe(true)
    expect(move.after.payments.at(-1)!.pay_date).toBe('2026-11-30')
  })

  it('gives each moved person the old identity, spelled as the variant says', () => {
    const identity = (side: 'before' | 'after', id: string) => {
      const record = move[side].individual(id)!
      return [record.first_name, record.last_name, record.dob, record.emails?.map((e) => e.data)]
    }
    const byVariant = Object.fromEntries(
      move.pairs.map((pair) => [
        pair.variant,
        [identity('before', pair.beforeIndividualId), identity('after', pair.afterIndividualId)],
      ]),
    )

    const [recasedBefore, recasedAfter] = byVariant.recased!
    expect(recasedAfter![0]).toBe(String(recasedBefore![0]).toLowerCase())
    expect(recasedAfter![1]).toBe(String(recasedBefore![1]).toUpperCase())
    expect(byVariant.spaced![1]![0]).toMatch(/^\s+\S.*\s$/)
    expect(byVariant.no_dob_after![1]![2]).toBeNull()
    expect(byVariant.no_dob_before![0]![2]).toBeNull()
    expect(byVariant.other_dob![0]![2]).not.toBe(byVariant.other_dob![1]![2])
    expect(byVariant.other_email![1]![3]).not.toContain(byVariant.other_email![0]![3]![0])
    expect(move.pairs.filter((pair) => pair.samePerson)).toHaveLength(6)
    expect(move.pairs.filter((pair) => !pair.samePerson)).toHaveLength(3)
  })

  it('keeps the directory and employment names in step with the personal records', () => {
    for (const pair of move.pairs) {
      const entry = move.after.directory.find((person) => person.id === pair.afterIndividualId)!
      const individual = move.after.individual(pair.afterIndividualId)!
      const employment = move.after.employment(pair.afterIndividualId)!

      expect([entry.first_name, entry.last_name]).toEqual([
        individual.first_name,
        individual.last_name,
      ])
      expect([employment.first_name, employment.last_name]).toEqual([
        individual.first_name,
        individual.last_name,
      ])
    }
  })

  it('follows the money rules on both sides', () => {
    expect(auditMoney(move.before).mismatches).toEqual([])
    expect(auditMoney(move.after).mismatches).toEqual([])
  })
})
