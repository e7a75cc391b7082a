/**
 * The shapes of the accountant's checks as they cross IPC: statements whose gross pay does not
 * come down to their net pay, payments whose totals disagree with their statements, and what
 * each pay run needs in cash. Types only, plus the rules both sides state to the user.
 */

/** The sandbox's documented rule for what leaves the employer's bank account in one debit. */
export const COMPANY_DEBIT_RULE = 'Company debit = net pay + employee taxes + employer taxes'

/** The rule every statement must follow, to the cent. */
export const GROSS_TO_NET_RULE = 'Gross pay − employee taxes − employee deductions = net pay'

/** A statement whose gross pay, less its employee taxes and deductions, is not its net pay. */
export interface StatementImbalance {
  paymentId: string
  payDate: string | null
  individualId: string
  personName: string | null
  grossPayCents: number
  employeeTaxesCents: number
  employeeDeductionsCents: number
  expectedNetCents: number
  netPayCents: number
  /** Net pay less the expected net pay: positive when the statement pays too much. */
  differenceCents: number
}

export const PAYMENT_CHECK_FIELDS = [
  'gross_pay',
  'net_pay',
  'employee_taxes',
  'employer_taxes',
  'company_debit',
] as const

export type PaymentCheckField = (typeof PAYMENT_CHECK_FIELDS)[number]

/**
 * One payment total that disagrees with what it should be: for company debit, the rule above;
 * for every other field, the sum of the payment's statements.
 */
export interface PaymentMismatch {
  paymentId: string
  payDate: string | null
  field: PaymentCheckField
  expectedCents: number
  paymentCents: number
  /** The payment's figure less the expected one. */
  differenceCents: number
}

/** What one pay run needs in cash, set against the debit the payroll provider reports. */
export interface CashRequirement {
  paymentId: string
  payDate: string | null
  statementCount: number
  netPayCents: number
  employeeTaxesCents: number
  employerTaxesCents: number
  employerContributionsCents: number
  /** Net pay + employee taxes + employer taxes + employer contributions. */
  cashRequiredCents: number
  companyDebitCents: number | null
  /** Cash required less the company debit: what must be funded outside the payroll debit. */
  outsideDebitCents: number | null
}

export interface ReconciliationReport {
  connectionId: string
  statementsChecked: number
  /** Statements lacking gross or net pay, which no check can balance. */
  statementsUnchecked: number
  paymentsChecked: number
  /** Payments with no cached statement yet, whose totals cannot be compared. */
  paymentsUnchecked: number
  imbalances: StatementImbalance[]
  /** True when more imbalances exist than the report carries. */
  imbalancesTruncated: boolean
  paymentMismatches: PaymentMismatch[]
  /** Newest pay date first, at most the report's limit of runs. */
  cashRequirements: CashRequirement[]
}

/** Gross or net pay moving more than this share between runs is called out. */
export const DEFAULT_CHANGE_PERCENT = 25

/** Overtime more than this many times a person's earlier most is a spike. */
export const DEFAULT_OVERTIME_FACTOR = 2

export const VARIANCE_KINDS = [
  'new_hire',
  'termination',
  'missing_from_run',
  'gross_change',
  'net_change',
  'new_earning_type',
  'new_deduction_type',
  'overtime_spike',
] as const

export type VarianceKind = (typeof VARIANCE_KINDS)[number]

/** One change between two runs worth an accountant's look. */
export interface VarianceFinding {
  kind: VarianceKind
  individualId: string
  personName: string | null
  /** The figure before and after: cents for pay, hours (or cents) for overtime; null if none. */
  previousValue: number | null
  currentValue: number | null
  /** The earning or deduction type that is new; null for other kinds. */
  lineType: string | null
  description: string
}

export interface PayRunSummary {
  paymentId: string
  payDate: string | null
  payGroupIds: string[]
  statementCount: number
}

export interface VarianceReport {
  connectionId: string
  current: PayRunSummary | null
  previous: PayRunSummary | null
  changePercent: number
  overtimeFactor: number
  findings: VarianceFinding[]
  /** Runs the accountant may pick between, newest first, at most `MAX_RUN_CHOICES`. */
  runs: PayRunSummary[]
}

export const MAX_RUN_CHOICES = 200

/** One recorded act: a sync, an export or a revealed number, by whom and when. */
export interface AuditEntry {
  id: number
  occurredAt: string
  actor: string
  action: string
  subject: string | null
  /** What the act touched, in words: row counts, format, outcome. Never a revealed value. */
  detail: string
}

export interface AuditPage {
  total: number
  offset: number
  rows: AuditEntry[]
}
