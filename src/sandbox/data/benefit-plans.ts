/**
 * The benefits a sandbox company offers and each worker's elections in them. One election drives
 * both what `/employer/benefits/{id}/individuals` reports and the deduction and contribution lines
 * on every pay statement, so enrollments and statements always agree.
 */
import type { CompanyBenefit } from '@tryfinch/finch-api/resources/hris'
import type { BenefitType } from '@tryfinch/finch-api/resources/hris/benefits'
import type { EnrollmentBody } from './dataset'
import type { Random } from './random'

type OfferedType = NonNullable<BenefitType>

export type EmployeeDeductionRule =
  | { readonly kind: 'percent'; readonly basisPoints: number }
  | { readonly kind: 'fixed'; readonly perPeriodCents: number }

export type EmployerContributionRule =
  | { readonly kind: 'tiered'; readonly tiers: readonly MatchTier[] }
  | { readonly kind: 'percent'; readonly basisPoints: number }
  | { readonly kind: 'fixed'; readonly perPeriodCents: number }

/** Both numbers in basis points, as Finch writes them: the match rate up to a deferral level. */
export interface MatchTier {
  readonly threshold: number
  readonly match: number
}

export interface Election {
  /** Null for deductions that are not a company benefit, such as a wage garnishment. */
  readonly benefitId: string | null
  readonly type: BenefitType
  readonly deductionName: string
  readonly preTax: boolean
  /** Section 125 and commuter deductions also escape FICA; 401(k) deferrals do not. */
  readonly ficaExempt: boolean
  readonly employee: EmployeeDeductionRule
  readonly employer: EmployerContributionRule | null
  readonly contributionName: string | null
  /** Retirement deferrals are also taken from bonuses; health premiums are not. */
  readonly appliesToSupplemental: boolean
}

/** The "safe harbor basic" match: all of the first 3% deferred, half of the next 2%. */
const SAFE_HARBOR_TIERS: readonly MatchTier[] = [
  { threshold: 300, match: 10_000 },
  { threshold: 500, match: 5_000 },
]

interface PlanDefinition {
  readonly deductionName: string
  readonly description: (shortName: string) => string
  readonly preTax: boolean
  readonly ficaExempt: boolean
  readonly contributionName: string | null
}

const PLAN_DEFINITIONS: Readonly<Partial<Record<OfferedType, PlanDefinition>>> = {
  '401k': {
    deductionName: '401(k)',
    description: (shortName) => `${shortName} 401(k) Plan`,
    preTax: true,
    ficaExempt: false,
    contributionName: '401(k) Match',
  },
  '401k_roth': {
    deductionName: 'Roth 401(k)',
    description: (shortName) => `${shortName} Roth 401(k)`,
    preTax: false,
    ficaExempt: false,
    contributionName: null,
  },
  '401k_loan': {
    deductionName: '401(k) Loan Repayment',
    description: () => '401(k) Loan Repayment',
    preTax: false,
    ficaExempt: false,
    contributionName: null,
  },
  simple_ira: {
    deductionName: 'SIMPLE IRA',
    description: (shortName) => `${shortName} SIMPLE IRA`,
    preTax: true,
    ficaExempt: false,
    contributionName: 'SIMPLE IRA Employer Match',
  },
  s125_medical: {
    deductionName: 'Medical',
    description: () => 'Medical PPO (Section 125)',
    preTax: true,
    ficaExempt: true,
    contributionName: 'Medical Employer Share',
  },
  s125_dental: {
    deductionName: 'Dental',
    description: () => 'Dental PPO (Section 125)',
    preTax: true,
    ficaExempt: true,
    contributionName: 'Dental Employer Share',
  },
  s125_vision: {
    deductionName: 'Vision',
    description: () => 'Vision Plan (Section 125)',
    preTax: true,
    ficaExempt: true,
    contributionName: null,
  },
  hsa_pre: {
    deductionName: 'HSA',
    description: () => 'Health Savings Account',
    preTax: true,
    ficaExempt: true,
    contributionName: 'HSA Employer Contribution',
  },
  fsa_medical: {
    deductionName: 'Healthcare FSA',
    description: () => 'Healthcare Flexible Spending Account',
    preTax: true,
    ficaExempt: true,
    contributionName: null,
  },
  commuter: {
    deductionName: 'Commuter Transit',
    description: () => 'Pre-tax Commuter Transit',
    preTax: true,
    ficaExempt: true,
    contributionName: null,
  },
  custom_post_tax: {
    deductionName: 'Supplemental Life',
    description: () => 'Supplemental Life Insurance',
    preTax: false,
    ficaExempt: false,
    contributionName: null,
  },
}

/** Annual IRS limits for the plan year the sandbox's default date falls in (2026). */
const ELECTIVE_DEFERRAL_LIMIT_CENTS = 2_450_000
const SIMPLE_IRA_LIMIT_CENTS = 1_700_000
const HSA_LIMIT_CENTS = { individual: 440_000, family: 875_000 } as const
const HEALTH_FSA_LIMIT_CENTS = 340_000

export function offerBenefits(
  types: readonly OfferedType[],
  shortName: string,
  random: Random,
): CompanyBenefit[] {
  return types.map((type) => {
    const definition = PLAN_DEFINITIONS[type]
    return {
      benefit_id: random.uuid(),
      type,
      description: definition ? definition.description(shortName) : type,
      frequency: 'every_paycheck',
      company_contribution:
        type === '401k'
          ? { type: 'match', tiers: SAFE_HARBOR_TIERS.map((tier) => ({ ...tier })) }
          : null,
    }
  })
}

export interface ElectionProfile {
  readonly annualPayCents: number
  readonly periodsPerYear: number
  readonly age: number
  readonly partTime: boolean
  /** Commuter benefits are mostly taken where transit is good. */
  readonly transitCity: boolean
}

export interface WorkerEnrollment {
  readonly benefitId: string
  readonly record: EnrollmentBody
}

export interface WorkerBenefits {
  readonly elections: readonly Election[]
  readonly enrollments: readonly WorkerEnrollment[]
}

/** Health coverage tiers; premiums below are per month, in the same order. */
type CoverageTier = 'employee' | 'employee_spouse' | 'employee_children' | 'family'
const MONTHLY_PREMIUM_CENTS: Readonly<
  Record<'medical' | 'dental' | 'vision', Readonly<Record<CoverageTier, readonly [number, number]>>>
> = {
  medical: {
    employee: [14_500, 62_000],
    employee_spouse: [36_000, 104_000],
    employee_children: [31_000, 96_000],
    family: [54_000, 138_000],
  },
  dental: {
    employee: [1_200, 2_500],
    employee_spouse: [2_800, 4_500],
    employee_children: [2_600, 4_200],
    family: [4_400, 6_800],
  },
  vision: {
    employee: [650, 0],
    employee_spouse: [1_250, 0],
    employee_children: [1_200, 0],
    family: [1_900, 0],
  },
}

function perPeriodCents(monthlyCents: number, periodsPerYear: number): number {
  return Math.round((monthlyCents * 12) / periodsPerYear)
}

/** Caps a deferral rate so a full year of it stays under the plan's annual limit. */
function capBasisPoints(basisPoints: number, annualPayCents: number, limitCents: number): number {
  if (annualPayCents <= 0) return basisPoints
  const capped = Math.floor((limitCents * 10_000) / annualPayCents / 100) * 100
  return Math.max(100, Math.min(basisPoints, capped))
}

/** Draws one worker's elections among the company's offered benefits. */
export function electBenefits(
  offered: readonly CompanyBenefit[],
  profile: ElectionProfile,
  random: Random,
): WorkerBenefits {
  const elections: Election[] = []
  const enrollments: WorkerEnrollment[] = []
  const offeredByType = new Map(offered.map((benefit) => [benefit.type, benefit]))
  const participation = profile.partTime ? 0.45 : 1
  const tier = random.pickWeighted<CoverageTier>([
    ['employee', 45],
    ['employee_spouse', 20],
    ['employee_children', 15],
    ['family', 20],
  ])

  const enrol = (
    type: OfferedType,
    employee: EmployeeDeductionRule,
    employer: EmployerContributionRule | null,
    record: Omit<EnrollmentBody, 'employee_deduction' | 'company_contribution'>,
    appliesToSupplemental = false,
  ): void => {
    const benefit = offeredByType.get(type)
    const definition = PLAN_DEFINITIONS[type]
    if (!benefit || !definition) return
    elections.push({
      benefitId: benefit.benefit_id,
      type,
      deductionName: definition.deductionName,
      preTax: definition.preTax,
      ficaExempt: definition.ficaExempt,
      employee,
      employer,
      contributionName: employer ? definition.contributionName : null,
      appliesToSupplemental,
    })
    enrollments.push({
      benefitId: benefit.benefit_id,
      record: {
        ...record,
        employee_deduction:
          employee.kind === 'percent'
            ? { type: 'percent', amount: employee.basisPoints }
            : { type: 'fixed', amount: employee.perPeriodCents },
        company_contribution: enrollmentContribution(employer),
      },
    })
  }

  const catchUp = profile.age >= 50
  const deferring = offeredByType.has('401k') && random.chance(0.72 * participation)
  if (deferring) {
    const basisPoints = capBasisPoints(
      random.pick([300, 400, 500, 600, 600, 800, 1000, 1200, 1500]),
      profile.annualPayCents,
      ELECTIVE_DEFERRAL_LIMIT_CENTS,
    )
    enrol(
      '401k',
      { kind: 'percent', basisPoints },
      { kind: 'tiered', tiers: SAFE_HARBOR_TIERS },
      { annual_maximum: ELECTIVE_DEFERRAL_LIMIT_CENTS, catch_up: catchUp },
      true,
    )
    if (random.chance(0.25)) {
      enrol(
        '401k_roth',
        { kind: 'percent', basisPoints: random.pick([200, 300, 400, 500]) },
        null,
        { annual_maximum: ELECTIVE_DEFERRAL_LIMIT_CENTS, catch_up: catchUp },
        true,
      )
    }
    if (random.chance(0.07)) {
      enrol('401k_loan', { kind: 'fixed', perPeriodCents: random.int(9, 44) * 500 }, null, {
        annual_maximum: null,
        catch_up: null,
      })
    }
  }
  if (offeredByType.has('simple_ira')) {
    const basisPoints = capBasisPoints(
      random.pick([300, 400, 500, 600]),
      profile.annualPayCents,
      SIMPLE_IRA_LIMIT_CENTS,
    )
    // The employer matches dollar for dollar up to 3% of pay, the usual SIMPLE IRA formula.
    enrol(
      'simple_ira',
      { kind: 'percent', basisPoints },
      { kind: 'percent', basisPoints: Math.min(basisPoints, 300) },
      { annual_maximum: SIMPLE_IRA_LIMIT_CENTS, catch_up: catchUp },
      true,
    )
  }

  const insured = random.chance(0.82 * participation)
  if (insured) {
    const [employeeMonthlyCents, employerMonthlyCents] = MONTHLY_PREMIUM_CENTS.medical[tier]
    enrol(
      's125_medical',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(employeeMonthlyCents, profile.periodsPerYear),
      },
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(employerMonthlyCents, profile.periodsPerYear),
      },
      { annual_maximum: null, catch_up: null },
    )
  }
  if (random.chance(insured ? 0.85 : 0.3)) {
    const [employeeMonthlyCents, employerMonthlyCents] = MONTHLY_PREMIUM_CENTS.dental[tier]
    enrol(
      's125_dental',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(employeeMonthlyCents, profile.periodsPerYear),
      },
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(employerMonthlyCents, profile.periodsPerYear),
      },
      { annual_maximum: null, catch_up: null },
    )
  }
  if (random.chance(insured ? 0.6 : 0.2)) {
    const [employeeMonthlyCents] = MONTHLY_PREMIUM_CENTS.vision[tier]
    enrol(
      's125_vision',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(employeeMonthlyCents, profile.periodsPerYear),
      },
      null,
      { annual_maximum: null, catch_up: null },
    )
  }

  const savesInHsa = insured && random.chance(0.22)
  if (savesInHsa) {
    const limit = tier === 'employee' ? 'individual' : 'family'
    enrol(
      'hsa_pre',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(random.int(2, 12) * 2_500, profile.periodsPerYear),
      },
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(limit === 'family' ? 10_000 : 5_000, profile.periodsPerYear),
      },
      {
        annual_maximum: HSA_LIMIT_CENTS[limit],
        catch_up: profile.age >= 55,
        hsa_contribution_limit: limit,
      },
    )
  }
  if (!savesInHsa && random.chance(0.1 * participation)) {
    const annualElectionCents = random.int(2, 13) * 25_000
    enrol(
      'fsa_medical',
      { kind: 'fixed', perPeriodCents: Math.round(annualElectionCents / profile.periodsPerYear) },
      null,
      { annual_maximum: HEALTH_FSA_LIMIT_CENTS, catch_up: null },
    )
  }
  if (random.chance(profile.transitCity ? 0.35 : 0.05)) {
    enrol(
      'commuter',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(random.int(6, 32) * 1_000, profile.periodsPerYear),
      },
      null,
      { annual_maximum: null, catch_up: null },
    )
  }
  if (random.chance(0.15 * participation)) {
    enrol(
      'custom_post_tax',
      {
        kind: 'fixed',
        perPeriodCents: perPeriodCents(random.int(8, 42) * 100, profile.periodsPerYear),
      },
      null,
      { annual_maximum: null, catch_up: null },
    )
  }

  return { elections, enrollments }
}

function enrollmentContribution(
  employer: EmployerContributionRule | null,
): EnrollmentBody['company_contribution'] {
  if (employer === null) return null
  switch (employer.kind) {
    case 'tiered':
      return { type: 'tiered', tiers: employer.tiers.map((tier) => ({ ...tier })) }
    case 'percent':
      return { type: 'percent', amount: employer.basisPoints }
    case 'fixed':
      return { type: 'fixed', amount: employer.perPeriodCents }
  }
}

/** A court-ordered deduction: post-tax, and not a benefit, so Finch reports its type as null. */
export function garnishment(perPeriodCents: number): Election {
  return {
    benefitId: null,
    type: null,
    deductionName: 'Child Support',
    preTax: false,
    ficaExempt: false,
    employee: { kind: 'fixed', perPeriodCents },
    employer: null,
    contributionName: null,
    appliesToSupplemental: false,
  }
}
