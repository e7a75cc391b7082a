/**
 * The shapes of the payroll review as they cross IPC: pay runs with their totals, a pay run's
 * register (one row per statement, one money column per line type found in the run), and one
 * pay statement's lines. Money is integer cents throughout. Types only.
 */

/** The filters above the pay runs list. Absent fields do not filter; dates are `YYYY-MM-DD`. */
export interface PayRunFilters {
  from?: string
  to?: string
  payGroupId?: string
}

/** A pay group the pay runs can be narrowed to. */
export interface PayGroupChoice {
  payGroupId: string
  name: string | null
}

/** One Finch payment, with the totals the provider reported for it. */
export interface PayRun {
  paymentId: string
  payDate: string | null
  payPeriodStart: string | null
  payPeriodEnd: string | null
  grossPayCents: number | null
  employeeTaxesCents: number | null
  employerTaxesCents: number | null
  netPayCents: number | null
  companyDebitCents: number | null
  individualCount: number | null
  payGroupIds: string[]
  /** The groups' names in the order of `payGroupIds`; null for one the provider left unnamed. */
  payGroupNames: (string | null)[]
}

export interface PayRunPage {
  total: number
  offset: number
  rows: PayRun[]
}

export const REGISTER_LINE_KINDS = [
  'tax',
  'employer_tax',
  'employee_deduction',
  'employer_contribution',
] as const

/** Which part of a statement a register column sums: employee or employer taxes, and so on. */
export type RegisterLineKind = (typeof REGISTER_LINE_KINDS)[number]

/** A money column of the register, found in the run's lines; unknown types keep their text. */
export interface RegisterColumn {
  kind: RegisterLineKind
  label: string
  totalCents: number
}

/** The payment's own totals beside the sums of its statements; `null` where Finch gave none. */
export interface RegisterReconciliation {
  field: 'gross' | 'employee_taxes' | 'employer_taxes' | 'net'
  paymentCents: number | null
  registerCents: number
  /** True when the payment has a figure and it differs from the statements' sum. */
  differs: boolean
}

export interface RegisterSummary {
  payRun: PayRun
  statementCount: number
  totalHours: number
  /** False when no statement of the run gives hours, as for a salaried run: not zero hours. */
  hoursReported: boolean
  grossPayCents: number
  netPayCents: number
  /** In display order: employee taxes, employer taxes, deductions, contributions. */
  columns: RegisterColumn[]
  reconciliation: RegisterReconciliation[]
}

/** One statement in a register; `amountsCents[i]` belongs to the summary's `columns[i]`. */
export interface RegisterRow {
  statementRow: number
  individualId: string
  personName: string | null
  totalHours: number | null
  grossPayCents: number | null
  netPayCents: number | null
  amountsCents: (number | null)[]
}

export interface RegisterPage {
  total: number
  offset: number
  rows: RegisterRow[]
}

export type StatementLineKind = 'earning' | 'tax' | 'employee_deduction' | 'employer_contribution'

export interface StatementLine {
  kind: StatementLineKind
  name: string | null
  type: string | null
  amountCents: number | null
  hours: number | null
  /** Cents per hour where the line carries both hours and an amount. */
  rateCents: number | null
  preTax: boolean | null
  employer: boolean | null
}

export interface PayStatementDetail {
  statementRow: number
  paymentId: string
  payDate: string | null
  individualId: string
  personName: string | null
  type: string | null
  paymentMethod: string | null
  totalHours: number | null
  grossPayCents: number | null
  netPayCents: number | null
  lines: StatementLine[]
}
