import { describe, expect, it } from 'vitest'
import {
  checkDirectoryPage,
  checkEnrollment,
  checkPayment,
  checkStatement,
} from '../../../../src/main/sync/finch-checks'
import { MalformedData } from '../../../../src/main/sync/sync-errors'

function statement(overrides: Record<string, unknown> = {}) {
  return {
    individual_id: 'p1',
    type: 'regular_payroll',
    payment_method: 'direct_deposit',
    total_hours: 80,
    gross_pay: { amount: 250_000, currency: 'usd' },
    net_pay: { amount: 190_000, currency: 'usd' },
    earnings: [{ name: 'Salary', type: 'salary', amount: 250_000, currency: 'usd', hours: 80 }],
    taxes: [],
    employee_deductions: null,
    employer_contributions: [],
    ...overrides,
  }
}

function failure(check: () => unknown): MalformedData {
  try {
    check()
  } catch (error) {
    if (error instanceof MalformedData) return error
    throw error
  }
  throw new Error('the check passed')
}

describe('checking Finch’s answers', () => {
  it('accepts unknown type names, null arrays, null entries and fields Finch adds later', () => {
    const value = statement({
      type: 'bonus_run_2031',
      earnings: [null, { name: 'Retro', type: 'retro_pay', amount: 1, currency: 'usd', new: 1 }],
      shiny_new_field: { anything: true },
    })

    expect(checkStatement(value, 's')).toBe(value)
  })

  it('refuses an id the app could not be asked about again, and names the field only', () => {
    for (const id of ['emp.007 x', '../p1', 'p1\n', 'x'.repeat(129), '']) {
      const error = failure(() => checkStatement(statement({ individual_id: id }), 's'))
      expect(error.message).toContain('individual_id')
      if (id.length > 0) expect(error.message).not.toContain(id)
    }
    expect(checkStatement(statement({ individual_id: 'a1B2-c3_d4' }), 's')).toBeTruthy()
  })

  it('refuses a fractional amount and names the field, not the value', () => {
    const error = failure(() =>
      checkStatement(
        statement({ taxes: [{ name: 'FICA', type: 'fica', amount: 12.5, currency: 'usd' }] }),
        'statements[7]',
      ),
    )

    expect(error.path).toBe('statements[7].taxes[0].amount')
    expect(error.message).not.toContain('12.5')
  })

  it('refuses money that is text, and a statement without an individual', () => {
    expect(
      failure(() => checkStatement(statement({ net_pay: { amount: '1900' } }), 's')).path,
    ).toBe('s.net_pay.amount')
    expect(failure(() => checkStatement(statement({ individual_id: '' }), 's')).path).toBe(
      's.individual_id',
    )
  })

  it('refuses a payment whose totals or ids have the wrong shape', () => {
    const payment = { id: 'pay-1', pay_date: '2026-01-15', gross_pay: null, individual_ids: ['a'] }

    expect(checkPayment(payment, 'p')).toBe(payment)
    expect(failure(() => checkPayment({ ...payment, individual_ids: [1] }, 'p')).path).toBe(
      'p.individual_ids[0]',
    )
    expect(
      failure(() => checkPayment({ ...payment, company_debit: { amount: Infinity } }, 'p')).path,
    ).toBe('p.company_debit.amount')
  })

  it('needs a directory page to say where it is', () => {
    expect(checkDirectoryPage({ individuals: [], paging: { count: 0, offset: 0 } })).toEqual({
      individuals: [],
      count: 0,
      offset: 0,
    })
    expect(failure(() => checkDirectoryPage({ individuals: [] })).path).toBe('directory.paging')
    expect(failure(() => checkDirectoryPage({ individuals: {}, paging: { offset: 0 } })).path).toBe(
      'directory.individuals',
    )
  })

  it('accepts enrollment amounts in cents or basis points, but only whole ones', () => {
    const enrollment = {
      annual_maximum: 2_300_000,
      catch_up: false,
      employee_deduction: { type: 'percent', amount: 500 },
      company_contribution: { type: 'tiered', tiers: [{ match: 100, threshold: 300 }] },
    }

    expect(checkEnrollment(enrollment, 'e')).toBe(enrollment)
    expect(
      failure(() =>
        checkEnrollment({ ...enrollment, employee_deduction: { type: 'fixed', amount: 0.5 } }, 'e'),
      ).path,
    ).toBe('e.employee_deduction.amount')
  })
})
