/**
 * The recipe a scenario hands to the generator: who the company is, how its organisation and pay
 * are shaped, and which payroll events happen. Every scenario is one `CompanyPlan`, so realism and
 * the money rules live in one generator instead of being repeated per scenario.
 */
import type { Company, Location } from '@tryfinch/finch-api/resources/hris'
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
  /** Replaces the ordinary name pools, for the hostile scenario. */
  readonly nameFor?: (index: number, random: Random) => PersonName
  readonly behaviour: ScenarioBehaviour
}
