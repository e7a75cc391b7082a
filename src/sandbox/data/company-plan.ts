/**
 * The recipe a scenario hands to the generator: who the company is, how its organisation and pay
 * are shaped, and which payroll events happen. Every scenario is one `CompanyPlan`, so realism and
 * the money rules live in one generator instead of being repeated per scenario.
 */
import type { Company, Location, Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { BenefitType } from '@tryfinch/finch-api/resources/hris/benefits'
import type { ScenarioBehaviour } from './dataset'
import type { Random } from './random'
import type { LocalTaxCode } from './withholding'

export type PayFrequency = 'bi_weekly' | 'semi_monthly'

/** A range of whole cents, both ends inclusive. */
export type CentsRange = readonly [number, number]

export interface WorkSite {
  readonly key: string
  readonly location: Location
  readonly localTax: LocalTaxCode | null
}

/** The key remote workers use instead of a site: they are taxed where they live. */
export const REMOTE_SITE = 'remote'

export type TeamPay =
  | { readonly kind: 'salaried'; readonly annualCents: CentsRange }
  | { readonly kind: 'hourly'; readonly hourlyCents: CentsRange; readonly partTimeShare: number }
  | { readonly kind: 'contractor'; readonly hourlyCents: CentsRange }

export interface TeamProfile {
  /** The department members belong to; a sub-department when it differs from the division's. */
  readonly department: string
  /** Title of the salaried lead a team gets once it has six members; null for flat teams. */
  readonly leadTitle: string | null
  readonly leadAnnualCents: CentsRange
  readonly memberTitles: readonly string[]
  /** Relative share of the company's headcount. */
  readonly weight: number
  readonly pay: TeamPay
  readonly commission?: boolean
  /** Workers' compensation class code (NCCI style). */
  readonly classCode: string | null
  /** `WorkSite` keys, or `REMOTE_SITE`. */
  readonly sites: readonly string[]
  readonly union?: { readonly code: string; readonly local: string }
}

export interface DivisionProfile {
  readonly department: string
  readonly headTitle: string
  readonly headAnnualCents: CentsRange
  readonly teams: readonly TeamProfile[]
}

export interface CompanyProfile {
  readonly legalName: string
  /** Used for work email addresses; always a reserved `.example` domain. */
  readonly emailDomain: string
  readonly entity: Company.Entity
  readonly executive: {
    readonly title: string
    readonly department: string
    readonly annualCents: CentsRange
    readonly site: string
  }
  readonly divisions: readonly DivisionProfile[]
  readonly sites: readonly WorkSite[]
  readonly bankName: string
  readonly payGroupNames: Readonly<Record<PayFrequency, string>>
  /** Benefit types the company offers, in the order they list. */
  readonly benefits: readonly NonNullable<BenefitType>[]
  /** Short name used in plan descriptions ("Harborline 401(k) Plan"). */
  readonly shortName: string
}

/** The printed names of earnings on statements; the hostile scenario replaces them. */
export interface StatementLabels {
  readonly salary: string
  readonly regularHours: string
  readonly overtime: string
  readonly doubleOvertime: string
  readonly paidTimeOff: string
  readonly sickPay: string
  readonly commission: string
  readonly reimbursement: string
  readonly phoneStipend: string
  readonly annualBonus: string
  readonly holidayBonus: string
  readonly severance: string
  readonly contractorPayment: string
}

export const STANDARD_LABELS: StatementLabels = {
  salary: 'Salary',
  regularHours: 'Regular Hours',
  overtime: 'Overtime',
  doubleOvertime: 'Double Overtime',
  paidTimeOff: 'Paid Time Off',
  sickPay: 'Sick Pay',
  commission: 'Commission',
  reimbursement: 'Expense Reimbursement',
  phoneStipend: 'Cell Phone Stipend',
  annualBonus: 'Annual Bonus',
  holidayBonus: 'Holiday Bonus',
  severance: 'Severance',
  contractorPayment: 'Contractor Payment',
}

export interface PersonName {
  readonly first: string
  readonly middle: string | null
  readonly last: string
  readonly preferred: string | null
}

/** An earning with a type Finch has not documented, to exercise enum drift downstream. */
export interface DriftEarning {
  readonly name: string
  readonly type: string
  readonly amountCents: number
}

/**
 * Deliberate changes to the generated payroll, addressed by Finch ids, for a scenario that plants
 * known problems. Payment totals are summed after the statement changes, so a payment still
 * agrees with its statements unless `payment` itself breaks it.
 */
export interface PayrollAdjustments {
  /** True leaves the individual out of that payment, as a payroll run that dropped them. */
  readonly leavesOut?: (paymentId: string, individualId: string) => boolean
  /** Rewrites a statement's earnings before its taxes, deductions and net pay are worked out. */
  readonly earnings?: (
    paymentId: string,
    individualId: string,
    earnings: readonly PayStatement.Earning[],
  ) => readonly PayStatement.Earning[]
  /** Rewrites a finished statement, which may then no longer balance. */
  readonly statement?: (paymentId: string, statement: PayStatement) => PayStatement
  /** Rewrites a payment after its totals were summed from its statements. */
  readonly payment?: (payment: Payment) => Payment
}

export interface CompanyPlan {
  readonly scenario: string
  readonly seed: number
  /** ISO date; nothing is paid after it. */
  readonly today: string
  readonly providerId: string
  readonly connectionType: 'provider' | 'finch'
  readonly profile: CompanyProfile
  /** Everyone in the directory, including people who have left. */
  readonly headcount: number
  readonly payGroups: readonly PayFrequency[]
  /** Regular runs per pay group; when absent, every pay date of the last `historyMonths`. */
  readonly regularRuns?: number
  readonly historyMonths: number
  readonly events: {
    readonly yearEndBonus: boolean
    readonly severance: boolean
    readonly reversal: boolean
    readonly turnover: boolean
  }
  /** Leave some nullable fields null, as real providers do. */
  readonly sparse: boolean
  /** Salaried statements carry `null` hours instead of the period's standard hours. */
  readonly salariedHoursNull: boolean
  readonly labels: StatementLabels
  readonly driftEarning?: DriftEarning
  /**
   * Pay that barely moves between runs: no expense reimbursements and at most four hours of
   * overtime a period, so run-to-run checks see only what a scenario plants.
   */
  readonly steadyPay?: boolean
  readonly adjustments?: PayrollAdjustments
  /** Replaces the ordinary name pools, for the hostile scenario. */
  readonly nameFor?: (index: number, random: Random) => PersonName
  readonly behaviour: ScenarioBehaviour
}
