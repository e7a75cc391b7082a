import { describe, expect, it } from 'vitest'
import {
  formatLineType,
  formatPaymentMethod,
  formatStatementType,
} from '../../../src/renderer/src/format/format-pay-statement'

describe('pay statement terms', () => {
  it('says each statement type Finch documents in words', () => {
    expect(
      ['regular_payroll', 'off_cycle_payroll', 'one_time_payment'].map(formatStatementType),
    ).toEqual(['Regular payroll', 'Off-cycle payroll', 'One-time payment'])
  })

  it('says how a statement was paid', () => {
    expect(formatPaymentMethod('direct_deposit')).toBe('Direct deposit')
  })

  it('reads a line’s type in the words of its kind', () => {
    expect(formatLineType('earning', 'wage')).toBe('Hourly wage')
    expect(formatLineType('tax', 'fica')).toBe('FICA')
    expect(formatLineType('employee_deduction', '401k')).toBe('401(k)')
    expect(formatLineType('employer_contribution', 's125_medical')).toBe('Medical (section 125)')
  })

  it('shows a value Finch added later in sentence case rather than as it came', () => {
    expect(formatStatementType('holiday_bonus_run')).toBe('Holiday bonus run')
  })
})
