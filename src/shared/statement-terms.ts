/**
 * Words for the enum values on a Finch pay statement: how it was paid, and the type of each
 * earning, tax, deduction and contribution line, for the statement card and its export alike.
 * Finch adds values without notice, so an unknown one is still given, in sentence case.
 */
import { finchTermWords } from './finch-terms'
import type { StatementLine } from './payroll-review'

const PAYMENT_METHODS: Record<string, string> = {
  direct_deposit: 'Direct deposit',
  check: 'Check',
  other: 'Other',
}

const EARNING_TYPES: Record<string, string> = {
  salary: 'Salary',
  wage: 'Hourly wage',
  reimbursement: 'Reimbursement',
  overtime: 'Overtime',
  double_overtime: 'Double overtime',
  severance: 'Severance',
  pto: 'Paid time off',
  sick: 'Sick pay',
  bonus: 'Bonus',
  commission: 'Commission',
  tips: 'Tips',
  '1099': '1099 payment',
  other: 'Other',
}

const TAX_TYPES: Record<string, string> = {
  federal: 'Federal',
  state: 'State',
  local: 'Local',
  fica: 'FICA',
}

/** Finch's benefit types, which deduction and contribution lines carry. */
const BENEFIT_TYPES: Record<string, string> = {
  '401k': '401(k)',
  '401k_roth': 'Roth 401(k)',
  '401k_loan': '401(k) loan',
  '403b': '403(b)',
  '403b_roth': 'Roth 403(b)',
  '457': '457(b)',
  '457_roth': 'Roth 457(b)',
  s125_medical: 'Medical (section 125)',
  s125_dental: 'Dental (section 125)',
  s125_vision: 'Vision (section 125)',
  hsa_pre: 'HSA (pre-tax)',
  hsa_post: 'HSA (post-tax)',
  fsa_medical: 'Medical FSA',
  fsa_dependent_care: 'Dependent care FSA',
  simple_ira: 'SIMPLE IRA',
  simple: 'SIMPLE plan',
  commuter: 'Commuter',
  custom_pre_tax: 'Other pre-tax',
  custom_post_tax: 'Other post-tax',
}

const LINE_TYPES: Record<StatementLine['kind'], Record<string, string>> = {
  earning: EARNING_TYPES,
  tax: TAX_TYPES,
  employee_deduction: BENEFIT_TYPES,
  employer_contribution: BENEFIT_TYPES,
}

/** Own keys only, so a value such as `constructor` reads as itself. */
function known(labels: Record<string, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]! : finchTermWords(value)
}

/** `direct_deposit` reads `Direct deposit`. */
export function paymentMethodWords(method: string): string {
  return known(PAYMENT_METHODS, method)
}

/** A line's type in the words of its kind: `401k` on a deduction reads `401(k)`. */
export function lineTypeWords(kind: StatementLine['kind'], type: string): string {
  return known(Object.hasOwn(LINE_TYPES, kind) ? LINE_TYPES[kind] : {}, type)
}
