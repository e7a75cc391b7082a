/**
 * Words for the enum values on a Finch pay statement: its type, how it was paid, and the type of
 * each earning, tax, deduction and contribution line (the word lists are shared with the
 * exports). Finch adds values without notice, so an unknown one is still shown, in sentence case.
 */
import type { StatementLine } from '../../../shared/payroll-review'
import { lineTypeWords, paymentMethodWords } from '../../../shared/statement-terms'
import { formatFinchTerm } from './format-finch-term'

/** `off_cycle_payroll` reads `Off-cycle payroll`, in the shared words the exports write too. */
export function formatStatementType(type: string): string {
  return formatFinchTerm(type)
}

/** `direct_deposit` reads `Direct deposit`. */
export function formatPaymentMethod(method: string): string {
  return paymentMethodWords(method)
}

/** A line's type in the words of its kind: `401k` on a deduction reads `401(k)`. */
export function formatLineType(kind: StatementLine['kind'], type: string): string {
  return lineTypeWords(kind, type)
}
