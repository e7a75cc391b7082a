import { describe, expect, it } from 'vitest'
import { lineTypeWords, paymentMethodWords } from '../../../src/shared/statement-terms'

describe('pay statement words, shared by the card and the export', () => {
  it('reads line types in the words of their kind', () => {
    expect(lineTypeWords('tax', 'fica')).toBe('FICA')
    expect(lineTypeWords('employee_deduction', '401k')).toBe('401(k)')
    expect(lineTypeWords('employer_contribution', 's125_medical')).toBe('Medical (section 125)')
    expect(lineTypeWords('earning', 'wage')).toBe('Hourly wage')
  })

  it('gives an unknown or prototype-named value as itself, in sentence case', () => {
    expect(lineTypeWords('tax', 'new_levy')).toBe('New levy')
    expect(lineTypeWords('tax', 'constructor')).toBe('Constructor')
    expect(paymentMethodWords('toString')).toBe('ToString')
    expect(paymentMethodWords('direct_deposit')).toBe('Direct deposit')
  })
})
