/**
 * Checks the money rules on every statement and payment of a payroll, holding no more than one
 * payment's statements at a time, and reports what it checked and every cent that disagreed.
 * The payroll can be a dataset or what the sandbox served over HTTP.
 */
import type { Money, Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'

/** Payments and their statements, as a `CompanyDataset` holds them or an API client read them. */
export interface Payroll {
  readonly payments: readonly Payment[]
  payStatements(paymentId: string): readonly PayStatement[] | undefined
}

export type MoneyRule =
  /** A missing, fractional or non-USD amount. */
  | 'format'
  /** Net pay is gross pay less employee taxes and employee deductions. */
  | 'statement_balance'
  /** Gross pay is the sum of the earnings. */
  | 'earnings_sum'
  /** A payment's gross, net and tax totals are the sums of its statements. */
  | 'payment_total'
  /** A payment's company debit is net pay plus employee and employer taxes. */
  | 'company_debit'
  /** A payment names exactly the individuals its statements pay. */
  | 'individual_ids'
  | 'missing_statements'

export interface MoneyMismatch {
  readonly rule: MoneyRule
  readonly paymentId: string
  /** The statement's individual, for statement rules; null for payment rules. */
  readonly individualId: string | null
  /** The payment field, for `payment_total`; null otherwise. */
  readonly field: string | null
  readonly message: string
}

export interface MoneyAudit {
  readonly paymentsChecked: number
  readonly statementsChecked: number
  /** One entry per broken rule; empty when every cent agrees. */
  readonly mismatches: MoneyMismatch[]
}

type Report = (rule: MoneyRule, message: string, field?: string) => void

function centsOf(money: Money | null, where: string, report: Report): number {
  if (money === null || money.amount === null) {
    report('format', `${where} is null`)
    return 0
  }
  if (!Number.isInteger(money.amount)) report('format', `${where} is not whole cents`)
  if (money.currency !== 'usd') report('format', `${where} is in ${money.currency}`)
  return money.amount
}

function lineCents(
  lines: readonly ({ amount?: number | null; currency: string | null } | null)[] | null,
  where: string,
  report: Report,
): number {
  let totalCents = 0
  for (const line of lines ?? []) {
    if (line === null) continue
    const amountCents = line.amount ?? 0
    if (!Number.isInteger(amountCents)) report('format', `${where} has a fractional amount`)
    if (line.currency !== 'usd') report('format', `${where} has currency ${line.currency}`)
    totalCents += amountCents
  }
  return totalCents
}

function auditStatement(statement: PayStatement, where: string, report: Report) {
  const grossCents = centsOf(statement.gross_pay, `${where} gross_pay`, report)
  const netCents = centsOf(statement.net_pay, `${where} net_pay`, report)
  const taxes = statement.taxes ?? []
  const employeeTaxCents = lineCents(
    taxes.filter((tax) => tax.employer !== true),
    `${where} taxes`,
    report,
  )
  const employerTaxCents = lineCents(
    taxes.filter((tax) => tax.employer === true),
    `${where} taxes`,
    report,
  )
  const deductionCents = lineCents(statement.employee_deductions, `${where} deductions`, report)
  const earningCents = lineCents(statement.earnings, `${where} earnings`, report)
  lineCents(statement.employer_contributions, `${where} contributions`, report)

  if (grossCents - employeeTaxCents - deductionCents !== netCents) {
    report(
      'statement_balance',
      `${where}: gross ${grossCents} - taxes ${employeeTaxCents} - deductions ${deductionCents} != net ${netCents}`,
    )
  }
  if (earningCents !== grossCents) {
    report('earnings_sum', `${where}: earnings ${earningCents} != gross ${grossCents}`)
  }
  return { grossCents, netCents, employeeTaxCents, employerTaxCents }
}

function auditPayment(payroll: Payroll, payment: Payment, mismatches: MoneyMismatch[]): number {
  const paymentId = payment.id
  const where = `payment ${paymentId}`
  const reportFor =
    (individualId: string | null): Report =>
    (rule, message, field) =>
      mismatches.push({ rule, paymentId, individualId, field: field ?? null, message })
  const report = reportFor(null)

  const statements = payroll.payStatements(paymentId)
  if (statements === undefined) {
    report('missing_statements', `${where} has no statements`)
    return 0
  }
  const totals = { grossCents: 0, netCents: 0, employeeTaxCents: 0, employerTaxCents: 0 }
  statements.forEach((statement, index) => {
    const amounts = auditStatement(
      statement,
      `${where} statement ${index}`,
      reportFor(statement.individual_id),
    )
    totals.grossCents += amounts.grossCents
    totals.netCents += amounts.netCents
    totals.employeeTaxCents += amounts.employeeTaxCents
    totals.employerTaxCents += amounts.employerTaxCents
  })

  const expected: [string, Money | null, number][] = [
    ['gross_pay', payment.gross_pay, totals.grossCents],
    ['net_pay', payment.net_pay, totals.netCents],
    ['employee_taxes', payment.employee_taxes, totals.employeeTaxCents],
    ['employer_taxes', payment.employer_taxes, totals.employerTaxCents],
  ]
  for (const [field, money, sumCents] of expected) {
    const cents = centsOf(money, `${where} ${field}`, report)
    if (cents !== sumCents) {
      report('payment_total', `${where} ${field} ${cents} != statements' ${sumCents}`, field)
    }
  }
  // The debit is checked against the payment's own totals, so a wrong total is reported once.
  const debitCents = centsOf(payment.company_debit, `${where} company_debit`, report)
  const owedCents =
    (payment.net_pay?.amount ?? 0) +
    (payment.employee_taxes?.amount ?? 0) +
    (payment.employer_taxes?.amount ?? 0)
  if (debitCents !== owedCents) {
    report('company_debit', `${where} company_debit ${debitCents} != net plus taxes ${owedCents}`)
  }

  const statementIds = [...new Set(statements.map((statement) => statement.individual_id))].sort()
  const paymentIds = [...(payment.individual_ids ?? [])].sort()
  if (JSON.stringify(statementIds) !== JSON.stringify(paymentIds)) {
    report('individual_ids', `${where} individual_ids differ from its statements' individuals`)
  }
  return statements.length
}

export function auditMoney(payroll: Payroll): MoneyAudit {
  const mismatches: MoneyMismatch[] = []
  let statementsChecked = 0
  for (const payment of payroll.payments) {
    statementsChecked += auditPayment(payroll, payment, mismatches)
  }
  return { paymentsChecked: payroll.payments.length, statementsChecked, mismatches }
}
