/**
 * Checks a dataset's money rules on every statement and payment, without holding more than one
 * payment's statements at a time, and reports what it checked and every cent that disagreed.
 */
import type { Money, Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { CompanyDataset } from '../../../src/sandbox/data'

export interface MoneyAudit {
  readonly paymentsChecked: number
  readonly statementsChecked: number
  /** One line per broken rule; empty when every cent agrees. */
  readonly mismatches: string[]
}

function centsOf(money: Money | null, where: string, mismatches: string[]): number {
  if (money === null || money.amount === null) {
    mismatches.push(`${where} is null`)
    return 0
  }
  if (!Number.isInteger(money.amount)) mismatches.push(`${where} is not whole cents`)
  if (money.currency !== 'usd') mismatches.push(`${where} is in ${money.currency}`)
  return money.amount
}

function lineCents(
  lines: readonly ({ amount?: number | null; currency: string | null } | null)[] | null,
  where: string,
  mismatches: string[],
): number {
  let totalCents = 0
  for (const line of lines ?? []) {
    if (line === null) continue
    const amountCents = line.amount ?? 0
    if (!Number.isInteger(amountCents)) mismatches.push(`${where} has a fractional amount`)
    if (line.currency !== 'usd') mismatches.push(`${where} has currency ${line.currency}`)
    totalCents += amountCents
  }
  return totalCents
}

function auditStatement(statement: PayStatement, where: string, mismatches: string[]) {
  const grossCents = centsOf(statement.gross_pay, `${where} gross_pay`, mismatches)
  const netCents = centsOf(statement.net_pay, `${where} net_pay`, mismatches)
  const taxes = statement.taxes ?? []
  const employeeTaxCents = lineCents(
    taxes.filter((tax) => tax.employer !== true),
    `${where} taxes`,
    mismatches,
  )
  const employerTaxCents = lineCents(
    taxes.filter((tax) => tax.employer === true),
    `${where} taxes`,
    mismatches,
  )
  const deductionCents = lineCents(statement.employee_deductions, `${where} deductions`, mismatches)
  const earningCents = lineCents(statement.earnings, `${where} earnings`, mismatches)
  lineCents(statement.employer_contributions, `${where} contributions`, mismatches)

  if (grossCents - employeeTaxCents - deductionCents !== netCents) {
    mismatches.push(
      `${where}: gross ${grossCents} - taxes ${employeeTaxCents} - deductions ${deductionCents} != net ${netCents}`,
    )
  }
  if (earningCents !== grossCents) {
    mismatches.push(`${where}: earnings ${earningCents} != gross ${grossCents}`)
  }
  return { grossCents, netCents, employeeTaxCents, employerTaxCents }
}

function auditPayment(dataset: CompanyDataset, payment: Payment, mismatches: string[]): number {
  const statements = dataset.payStatements(payment.id)
  if (statements === undefined) {
    mismatches.push(`payment ${payment.id} has no statements`)
    return 0
  }
  const totals = { grossCents: 0, netCents: 0, employeeTaxCents: 0, employerTaxCents: 0 }
  statements.forEach((statement, index) => {
    const amounts = auditStatement(
      statement,
      `payment ${payment.id} statement ${index}`,
      mismatches,
    )
    totals.grossCents += amounts.grossCents
    totals.netCents += amounts.netCents
    totals.employeeTaxCents += amounts.employeeTaxCents
    totals.employerTaxCents += amounts.employerTaxCents
  })

  const where = `payment ${payment.id}`
  const expected: [string, Money | null, number][] = [
    ['gross_pay', payment.gross_pay, totals.grossCents],
    ['net_pay', payment.net_pay, totals.netCents],
    ['employee_taxes', payment.employee_taxes, totals.employeeTaxCents],
    ['employer_taxes', payment.employer_taxes, totals.employerTaxCents],
    [
      'company_debit',
      payment.company_debit,
      totals.netCents + totals.employeeTaxCents + totals.employerTaxCents,
    ],
  ]
  for (const [field, money, sumCents] of expected) {
    const cents = centsOf(money, `${where} ${field}`, mismatches)
    if (cents !== sumCents) mismatches.push(`${where} ${field} ${cents} != statements' ${sumCents}`)
  }

  const statementIds = [...new Set(statements.map((statement) => statement.individual_id))].sort()
  const paymentIds = [...(payment.individual_ids ?? [])].sort()
  if (JSON.stringify(statementIds) !== JSON.stringify(paymentIds)) {
    mismatches.push(`${where} individual_ids differ from its statements' individuals`)
  }
  return statements.length
}

export function auditMoney(dataset: CompanyDataset): MoneyAudit {
  const mismatches: string[] = []
  let statementsChecked = 0
  for (const payment of dataset.payments) {
    statementsChecked += auditPayment(dataset, payment, mismatches)
  }
  return { paymentsChecked: dataset.payments.length, statementsChecked, mismatches }
}
