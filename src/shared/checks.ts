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
  /** The run's pay groups' names where the cache knows them, null for an unnamed one. */
  payGroupNames: (string | null)[]
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
  /** The run's pay groups' names where the cache knows them, null for an unnamed one. */
  payGroupNames: (string | null)[]
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
  /** The company's pay groups: a run is named by its groups beside its pay date when several. */
  payGroupCount: number
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
  /** The pay groups' names where the cache knows them, in the order of `payGroupIds`. */
  payGroupNames: (string | null)[]
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
  /** The recorded kind, such as `reveal_ssn`, for tests and filters; never shown as is. */
  action: string
  /** The kind in words: `Revealed an SSN`. */
  actionLabel: string
  /** What was acted on, in words: a person's name, a table's title; null when nothing. */
  subject: string | null
  /** What the act touched, in words: row counts, format, outcome. Never a revealed value. */
  detail: string
}

export interface AuditPage {
  total: number
  offset: number
  rows: AuditEntry[]
}

/**
 * Finch's tax types. Finch adds enum values without notice, so every other type (and a missing
 * one) is summed under `other`.
 */
export const TAX_TYPES = ['federal', 'fica', 'state', 'local', 'other'] as const

export type TaxType = (typeof TAX_TYPES)[number]

export type TaxCents = Record<TaxType, number>

/**
 * A year's totals over pay statements: one person's, or a company's. Employee taxes are tax lines
 * without `employer: true`; pre-tax deductions are employee deductions with `pre_tax: true`, and
 * every other employee deduction is post-tax. A null amount adds nothing.
 */
export interface YearEndFigures {
  statementCount: number
  /** Statements that lack gross or net pay; their other lines still count. */
  incompleteStatementCount: number
  grossPayCents: number
  employeeTaxCents: TaxCents
  employeeTaxesCents: number
  preTaxDeductionsCents: number
  postTaxDeductionsCents: number
  employerContributionsCents: number
  employerTaxCents: TaxCents
  employerTaxesCents: number
  netPayCents: number
}

/** The year-end summary leaves as a table (CSV, Excel) or a printable PDF. */
export const YEAR_END_FORMATS = ['csv', 'xlsx', 'pdf'] as const

export type YearEndFormat = (typeof YEAR_END_FORMATS)[number]

export interface YearEndPerson extends YearEndFigures {
  individualId: string
  /** As the directory names the person (`Rivera, Ana Luisa`); null when it has no name. */
  personName: string | null
}

export interface YearEndPage {
  connectionId: string
  year: number
  /** Years with payments in the cache, newest first, for the year picker. */
  years: number[]
  /** People paid in the year. */
  total: number
  offset: number
  rows: YearEndPerson[]
  /** The whole company's totals: the sum of every person's row, not only this page's. */
  totals: YearEndFigures
}

/** Why two records are taken for one person. */
export type PersonMatchBasis = 'name_and_dob' | 'name_and_email'

export interface MatchedConnection {
  connectionId: string
  /** The company's legal name at that connection, or the client's name where none is cached. */
  companyName: string
  providerId: string
}

export interface MatchedRecord {
  connectionId: string
  individualId: string
  /** The name as that connection spells it. */
  personName: string
  /** The record's pay in the chosen year. */
  figures: YearEndFigures
}

export interface MatchedPerson {
  personName: string
  basis: PersonMatchBasis
  records: MatchedRecord[]
  /** The records' figures added together. */
  combined: YearEndFigures
}

export interface MatchedPeoplePage {
  customerName: string
  year: number
  years: number[]
  connections: MatchedConnection[]
  /** People with personal details in the client's connections, and how many were matched. */
  recordCount: number
  total: number
  offset: number
  people: MatchedPerson[]
}
