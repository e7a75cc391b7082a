/**
 * The named companies the local sandbox serves. The Connect page picks one by the username typed
 * at login (`smallco`, `largeco`, …); tests and benchmarks create them directly. The same name,
 * seed and options always produce the same data, byte for byte.
 */
import { toIsoDate } from './calendar'
import type { CompanyPlan } from './company-plan'
import { STANDARD_LABELS } from './company-plan'
import {
  BRIGHTWATER,
  CEDAR_AND_PINE,
  HARBORLINE,
  JUNIPER_LANE,
  MERIDIAN,
  NORTHWIND,
  TIDEWATER,
} from './company-profiles'
import type { CompanyDataset } from './dataset'
import { generateDataset } from './generated-dataset'
import { HOSTILE_COMPANY, HOSTILE_LABELS, hostileName } from './hostile-company'
import { generateWithPlantedDiscrepancies, MIN_DISCREPANCY_RUNS } from './planted-discrepancies'
import { joinProviderMove, MIN_MOVE_PEOPLE } from './provider-move'
import type { ProviderMove } from './provider-move'
import { deriveSeed } from './random'

export const SCENARIO_NAMES = [
  'smallco',
  'largeco',
  'assisted',
  'reauth',
  'empty',
  'hostile',
  'scale',
  'discrepancies',
  'moveco-old',
  'moveco-new',
] as const

export type ScenarioName = (typeof SCENARIO_NAMES)[number]

export interface ScenarioOptions {
  readonly seed?: number
  /** Headcount, including people who have left; ignored by `smallco` and `empty`. */
  readonly people?: number
  /** Regular pay runs per pay group; by default each scenario's own history length. */
  readonly payRuns?: number
  /** Nothing is paid after this day (UTC); fixed by default so tests are reproducible. */
  readonly today?: Date
}

export const DEFAULT_SEED = 20_260_101
export const DEFAULT_TODAY = '2026-11-30'
export const MAX_PEOPLE = 10_000
export const MAX_PAY_RUNS = 52

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name)
}

function checkedCount(
  label: string,
  value: number | undefined,
  fallback: number,
  max: number,
  min = 1,
): number {
  const count = value ?? fallback
  if (!Number.isInteger(count) || count < min || count > max) {
    throw new RangeError(
      `${label} must be a whole number from ${min} to ${max}, got ${String(value)}`,
    )
  }
  return count
}

/** The discrepancies company needs enough people that every planted problem has its own. */
const MIN_DISCREPANCY_PEOPLE = 24

/** The company of the provider-move pair: a mover, its crews on one pay schedule. */
const LARKSPUR = {
  ...BRIGHTWATER,
  legalName: 'Larkspur Moving & Storage Co.',
  shortName: 'Larkspur',
  emailDomain: 'larkspurmoving.example',
}

/** The day the pair's company left its old provider; the new one pays from the next day. */
const MOVE_DAY = '2026-06-30'

const QUIET_EVENTS = { yearEndBonus: false, severance: false, reversal: false, turnover: false }
const ALL_EVENTS = { yearEndBonus: true, severance: true, reversal: true, turnover: true }

function planFor(name: ScenarioName, options: ScenarioOptions): CompanyPlan {
  const common = {
    scenario: name,
    seed: deriveSeed(options.seed ?? DEFAULT_SEED, name),
    today: options.today ? toIsoDate(options.today) : DEFAULT_TODAY,
    connectionType: 'provider' as const,
    labels: STANDARD_LABELS,
    behaviour: {},
    ...(options.payRuns === undefined
      ? {}
      : { regularRuns: checkedCount('payRuns', options.payRuns, 1, MAX_PAY_RUNS) }),
  }
  const people = (fallback: number): number =>
    checkedCount('people', options.people, fallback, MAX_PEOPLE)

  switch (name) {
    case 'moveco-old':
    case 'moveco-new': {
      const old = name === 'moveco-old'
      return {
        ...common,
        providerId: old ? 'paychex_flex' : 'gusto',
        profile: LARKSPUR,
        headcount: checkedCount('people', options.people, 14, MAX_PEOPLE, MIN_MOVE_PEOPLE),
        payGroups: ['semi_monthly'],
        historyMonths: old ? 6 : 5,
        // The two sides are independent generations (their seeds differ by name); the move
        // then joins their people.
        ...(old && common.today > MOVE_DAY ? { today: MOVE_DAY } : {}),
        // Nobody leaves and no field is left empty, so only the planted differences matter.
        events: QUIET_EVENTS,
        sparse: false,
        salariedHoursNull: false,
      }
    }
    case 'smallco':
      return {
        ...common,
        providerId: 'gusto',
        profile: JUNIPER_LANE,
        headcount: 1,
        payGroups: ['semi_monthly'],
        regularRuns: checkedCount('payRuns', options.payRuns, 6, MAX_PAY_RUNS),
        historyMonths: 3,
        events: QUIET_EVENTS,
        sparse: false,
        salariedHoursNull: false,
      }
    case 'largeco':
      return {
        ...common,
        providerId: 'adp_workforce_now',
        profile: HARBORLINE,
        headcount: people(120),
        payGroups: ['bi_weekly', 'semi_monthly'],
        historyMonths: 24,
        events: ALL_EVENTS,
        sparse: true,
        salariedHoursNull: true,
      }
    case 'assisted':
      return {
        ...common,
        providerId: 'paychex_flex',
        connectionType: 'finch',
        profile: CEDAR_AND_PINE,
        headcount: people(25),
        payGroups: ['bi_weekly', 'semi_monthly'],
        historyMonths: 12,
        events: ALL_EVENTS,
        sparse: true,
        salariedHoursNull: false,
      }
    case 'reauth':
      return {
        ...common,
        providerId: 'adp_run',
        profile: BRIGHTWATER,
        headcount: people(12),
        payGroups: ['bi_weekly'],
        historyMonths: 6,
        events: { ...QUIET_EVENTS, turnover: true },
        sparse: false,
        salariedHoursNull: false,
        behaviour: { reauthenticateAfterRequests: 6 },
      }
    case 'empty':
      return {
        ...common,
        providerId: 'justworks',
        profile: NORTHWIND,
        headcount: 0,
        payGroups: [],
        historyMonths: 12,
        events: QUIET_EVENTS,
        sparse: false,
        salariedHoursNull: false,
      }
    case 'hostile':
      return {
        ...common,
        providerId: 'rippling',
        profile: HOSTILE_COMPANY,
        headcount: people(24),
        payGroups: ['bi_weekly', 'semi_monthly'],
        historyMonths: 14,
        events: ALL_EVENTS,
        sparse: true,
        salariedHoursNull: true,
        labels: HOSTILE_LABELS,
        driftEarning: { name: 'Retro Pay <i>adj</i>', type: 'retro_pay', amountCents: 1_234 },
        nameFor: (index) => hostileName(index),
      }
    case 'scale':
      return {
        ...common,
        providerId: 'workday',
        profile: MERIDIAN,
        headcount: people(1_000),
        payGroups: ['bi_weekly'],
        regularRuns: checkedCount('payRuns', options.payRuns, 26, MAX_PAY_RUNS),
        historyMonths: 12,
        // A steady workforce, so every run pays the full headcount: the worst case for size.
        events: QUIET_EVENTS,
        sparse: false,
        salariedHoursNull: false,
      }
    case 'discrepancies':
      return {
        ...common,
        providerId: 'paylocity',
        profile: TIDEWATER,
        headcount: checkedCount('people', options.people, 36, MAX_PEOPLE, MIN_DISCREPANCY_PEOPLE),
        payGroups: ['bi_weekly', 'semi_monthly'],
        historyMonths: 6,
        ...(options.payRuns === undefined
          ? {}
          : {
              regularRuns: checkedCount(
                'payRuns',
                options.payRuns,
                MIN_DISCREPANCY_RUNS,
                MAX_PAY_RUNS,
                MIN_DISCREPANCY_RUNS,
              ),
            }),
        // Nobody joins or leaves and no off-cycle runs happen: only planted problems stand out.
        events: QUIET_EVENTS,
        sparse: false,
        salariedHoursNull: false,
        steadyPay: true,
      }
  }
}

/** Builds one scenario's company. Throws `RangeError` for out-of-range `people` or `payRuns`. */
export function createScenario(name: ScenarioName, options: ScenarioOptions = {}): CompanyDataset {
  if (!isScenarioName(name)) {
    throw new RangeError(
      `Unknown sandbox scenario "${String(name)}"; known: ${SCENARIO_NAMES.join(', ')}`,
    )
  }
  const plan = planFor(name, options)
  if (name === 'discrepancies') return generateWithPlantedDiscrepancies(plan)
  if (name === 'moveco-old') return createProviderMove(options).before
  if (name === 'moveco-new') return createProviderMove(options).after
  const dataset = generateDataset(plan)

  if (name === 'assisted') {
    // The newest two payments' statements are still being fetched by Finch's operators.
    const pendingPayStatementIds = new Set(dataset.payments.slice(-2).map((payment) => payment.id))
    return { ...dataset, behaviour: { assistedPendingRequests: 3, pendingPayStatementIds } }
  }
  if (name === 'hostile') {
    // Finch's schema allows null entries inside these arrays; few consumers expect them.
    const { company } = dataset
    return {
      ...dataset,
      company: {
        ...company,
        departments: [...(company.departments ?? []), null],
        locations: [...(company.locations ?? []), null],
      },
      payStatements: (paymentId) =>
        dataset
          .payStatements(paymentId)
          ?.map((statement, index) =>
            index % 5 === 0
              ? { ...statement, earnings: [...(statement.earnings ?? []), null] }
              : statement,
          ),
    }
  }
  return dataset
}

/**
 * Both sides of the provider move (`moveco-old`, `moveco-new`) and which of their people are
 * one person and which only look alike. Throws `RangeError` for fewer than 12 people.
 */
export function createProviderMove(options: ScenarioOptions = {}): ProviderMove {
  return joinProviderMove(
    generateDataset(planFor('moveco-old', options)),
    generateDataset(planFor('moveco-new', options)),
  )
}
