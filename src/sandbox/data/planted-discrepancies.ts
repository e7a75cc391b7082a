/**
 * The discrepancies scenario: a steady company whose payroll carries a known, listed set of
 * problems, one of each kind an accountant's review looks for. Everything that is not planted
 * ties out to the cent, so a check that reports more than this list, or less, is wrong.
 */
import type { Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'

import type { CompanyPlan, PayrollAdjustments } from './company-plan'
import type { CompanyDataset } from './dataset'
import { generateDataset, splitTaxCents } from './generated-dataset'
import { deriveSeed, Random } from './random'

type Earning = PayStatement.Earning

/** One planted problem, machine-readable; `description` says it in an accountant's words. */
export type PlantedDiscrepancy =
  | {
      /** Gross pay less employee taxes and employee deductions is not the statement's net pay. */
      readonly kind: 'statement_out_of_balance'
      readonly paymentId: string
      readonly individualId: string
      readonly expectedNetCents: number
      readonly netCents: number
      readonly description: string
    }
  | {
      /** A payment's gross pay is not the sum of its statements' gross pay. */
      readonly kind: 'payment_totals_mismatch'
      readonly paymentId: string
      readonly field: 'gross_pay'
      readonly statementsCents: number
      readonly paymentCents: number
      readonly description: string
    }
  | {
      /** A payment's company debit is not its net pay plus employee and employer taxes. */
      readonly kind: 'company_debit_mismatch'
      readonly paymentId: string
      readonly expectedCents: number
      readonly companyDebitCents: number
      readonly description: string
    }
  | {
      /** Someone paid in the pay group's runs before and after has no statement in this one. */
      readonly kind: 'missing_from_run'
      readonly paymentId: string
      readonly individualId: string
      readonly previousPaymentId: string
      readonly nextPaymentId: string
      readonly description: string
    }
  | {
      /** Someone's gross pay rose more than 25% over their previous run in the pay group. */
      readonly kind: 'gross_jump'
      readonly paymentId: string
      readonly individualId: string
      readonly previousPaymentId: string
      readonly previousGrossCents: number
      readonly grossCents: number
      readonly description: string
    }
  | {
      /** The latest payment holds an earning type no earlier payment of the company had. */
      readonly kind: 'new_earning_type'
      readonly paymentId: string
      readonly individualId: string
      readonly earningType: NonNullable<Earning['type']>
      readonly description: string
    }
  | {
      /** Overtime hours far above anything the person worked before. */
      readonly kind: 'overtime_spike'
      readonly paymentId: string
      readonly individualId: string
      readonly overtimeHours: number
      readonly previousMaxOvertimeHours: number
      readonly description: string
    }

/** The problems planted in a company on purpose; empty for every company but `discrepancies`. */
export function plantedDiscrepancies(dataset: CompanyDataset): readonly PlantedDiscrepancy[] {
  return dataset.plantedDiscrepancies ?? []
}

/** A few cents of net pay too many on one statement, as a hand-keyed correction leaves. */
const NET_OVERSTATED_CENTS = 3
/** One payment reports $100.00 more gross pay than its statements add up to. */
const GROSS_TOTAL_OVERSTATED_CENTS = 10_000
/** One payment debits $25.00 more than net pay plus taxes. */
const DEBIT_OVERSTATED_CENTS = 2_500
/** A retroactive salary adjustment of 40% of a period's salary: a jump well above 25%. */
const RETRO_SHARE_OF_SALARY = 0.4
/** A spot bonus of 5% of gross: a new earning type, too small to count as a gross jump. */
const SPOT_BONUS_SHARE_OF_GROSS = 0.05
/**
 * Twelve hours of overtime where the steady company never works more than four, with eight
 * regular hours fewer that period, so the spike does not also lift gross pay by 25%.
 */
const SPIKE_OVERTIME_QUARTERS = 48
const SPIKE_FEWER_REGULAR_QUARTERS = 32
const QUARTERS_PER_HOUR = 4
/** Each pay group needs this many runs so every problem gets a run of its own. */
export const MIN_DISCREPANCY_RUNS = 6

interface Target {
  readonly paymentId: string
  readonly individualId: string
}

interface Targets {
  readonly outOfBalance: Target
  readonly totalsOffPaymentId: string
  readonly debitOffPaymentId: string
  readonly missing: Target & { previousPaymentId: string; nextPaymentId: string }
  readonly grossJump: Target & { previousPaymentId: string }
  readonly newEarningType: Target
  readonly overtimeSpike: Target
}

/**
 * Generates the steady company once to pick who and which runs the problems land on, then again
 * with the problems planted, so taxes and deductions follow the changed earnings and payment
 * totals follow the changed statements wherever the problem is not the total itself.
 */
export function generateWithPlantedDiscrepancies(plan: CompanyPlan): CompanyDataset {
  const steady = generateDataset(plan)
  const targets = chooseTargets(steady, new Random(deriveSeed(plan.seed, 'planted')))
  const planted = generateDataset({ ...plan, adjustments: plantingAdjustments(plan, targets) })
  return { ...planted, plantedDiscrepancies: listPlanted(planted, targets) }
}

function runsOf(dataset: CompanyDataset, frequency: 'bi_weekly' | 'semi_monthly'): Payment[] {
  const runs = dataset.payments.filter((payment) => payment.pay_frequencies?.[0] === frequency)
  if (runs.length < MIN_DISCREPANCY_RUNS) {
    throw new RangeError(
      `The discrepancies scenario needs at least ${MIN_DISCREPANCY_RUNS} runs per pay group`,
    )
  }
  return runs
}

function statementsOf(dataset: CompanyDataset, paymentId: string): readonly PayStatement[] {
  return dataset.payStatements(paymentId) ?? []
}

function chooseTargets(dataset: CompanyDataset, random: Random): Targets {
  const hourlyRuns = runsOf(dataset, 'bi_weekly')
  const salariedRuns = runsOf(dataset, 'semi_monthly')
  const taken = new Set<string>()
  const paidIn = (payment: Payment | undefined): Set<string> =>
    new Set(payment ? statementsOf(dataset, payment.id).map((s) => s.individual_id) : [])

  const pick = (
    payment: Payment,
    alsoPaidIn: readonly (Payment | undefined)[],
    suits: (statement: PayStatement) => boolean,
  ): string => {
    const others = alsoPaidIn.map(paidIn)
    const candidates = statementsOf(dataset, payment.id)
      .filter(
        (statement) =>
          !taken.has(statement.individual_id) &&
          others.every((ids) => ids.has(statement.individual_id)) &&
          suits(statement),
      )
      .map((statement) => statement.individual_id)
    if (candidates.length === 0) {
      throw new RangeError('The discrepancies scenario has too few people to plant every problem')
    }
    const chosen = random.pick(candidates)
    taken.add(chosen)
    return chosen
  }
  const hasEarning = (type: Earning['type']) => (statement: PayStatement) =>
    (statement.earnings ?? []).some((line) => line?.type === type)
  const fullTimeHourly = (statement: PayStatement): boolean =>
    hasEarning('wage')(statement) &&
    dataset.employment(statement.individual_id)?.employment?.subtype === 'full_time'

  const middle = Math.floor(hourlyRuns.length / 2)
  const salariedMiddle = Math.floor(salariedRuns.length / 2)
  const latest = dataset.payments[dataset.payments.length - 1]!
  const latestGroup = latest.pay_frequencies?.[0] === 'bi_weekly' ? hourlyRuns : salariedRuns
  const lastHourly = hourlyRuns[hourlyRuns.length - 1]!
  const lastSalaried = salariedRuns[salariedRuns.length - 1]!
  const previousSalaried = salariedRuns[salariedRuns.length - 2]!
  const missingRun = hourlyRuns[middle]!

  return {
    grossJump: {
      paymentId: lastSalaried.id,
      previousPaymentId: previousSalaried.id,
      individualId: pick(lastSalaried, [previousSalaried], hasEarning('salary')),
    },
    newEarningType: {
      paymentId: latest.id,
      individualId: pick(latest, [latestGroup[latestGroup.length - 2]], () => true),
    },
    overtimeSpike: {
      paymentId: lastHourly.id,
      individualId: pick(lastHourly, hourlyRuns.slice(0, -1), fullTimeHourly),
    },
    missing: {
      paymentId: missingRun.id,
      previousPaymentId: hourlyRuns[middle - 1]!.id,
      nextPaymentId: hourlyRuns[middle + 1]!.id,
      individualId: pick(
        missingRun,
        [hourlyRuns[middle - 1], hourlyRuns[middle + 1]],
        hasEarning('wage'),
      ),
    },
    outOfBalance: {
      paymentId: salariedRuns[salariedMiddle]!.id,
      individualId: pick(salariedRuns[salariedMiddle]!, [], hasEarning('salary')),
    },
    totalsOffPaymentId: hourlyRuns[middle - 2]!.id,
    debitOffPaymentId: salariedRuns[salariedMiddle - 2]!.id,
  }
}

function plantingAdjustments(plan: CompanyPlan, targets: Targets): PayrollAdjustments {
  const is = (target: Target, paymentId: string, individualId: string): boolean =>
    target.paymentId === paymentId && target.individualId === individualId

  return {
    leavesOut: (paymentId, individualId) => is(targets.missing, paymentId, individualId),
    earnings: (paymentId, individualId, earnings) => {
      if (is(targets.grossJump, paymentId, individualId)) return withRetroAdjustment(earnings)
      if (is(targets.newEarningType, paymentId, individualId)) return withSpotBonus(earnings)
      if (is(targets.overtimeSpike, paymentId, individualId)) {
        return withOvertimeSpike(earnings, plan.labels.overtime)
      }
      return earnings
    },
    statement: (paymentId, statement) => {
      if (!is(targets.outOfBalance, paymentId, statement.individual_id)) return statement
      const net = statement.net_pay
      return {
        ...statement,
        net_pay: net && { ...net, amount: (net.amount ?? 0) + NET_OVERSTATED_CENTS },
      }
    },
    payment: (payment) => {
      if (payment.id === targets.totalsOffPaymentId && payment.gross_pay) {
        const gross = payment.gross_pay
        return {
          ...payment,
          gross_pay: { ...gross, amount: (gross.amount ?? 0) + GROSS_TOTAL_OVERSTATED_CENTS },
        }
      }
      if (payment.id === targets.debitOffPaymentId && payment.company_debit) {
        const debit = payment.company_debit
        return {
          ...payment,
          company_debit: { ...debit, amount: (debit.amount ?? 0) + DEBIT_OVERSTATED_CENTS },
        }
      }
      return payment
    },
  }
}

function earningLine(
  type: Earning['type'],
  name: string,
  amountCents: number,
  hours: number | null,
): Earning {
  return { type, name, amount: amountCents, currency: 'usd', hours }
}

function withRetroAdjustment(earnings: readonly Earning[]): Earning[] {
  const salaryCents = earnings.find((line) => line?.type === 'salary')?.amount ?? 0
  const retroCents = Math.round(salaryCents * RETRO_SHARE_OF_SALARY)
  return [...earnings, earningLine('salary', 'Retro Salary Adjustment', retroCents, null)]
}

function withSpotBonus(earnings: readonly Earning[]): Earning[] {
  const grossCents = earnings.reduce((sum, line) => sum + (line?.amount ?? 0), 0)
  const bonusCents = Math.max(
    2_500,
    Math.round((grossCents * SPOT_BONUS_SHARE_OF_GROSS) / 100) * 100,
  )
  return [...earnings, earningLine('bonus', 'Spot Bonus', bonusCents, null)]
}

/** Pays amounts as the time clock does: quarter hours at the rate, rounded to the cent. */
function withOvertimeSpike(earnings: readonly Earning[], overtimeLabel: string): Earning[] {
  const wage = earnings.find((line) => line?.type === 'wage')
  if (!wage || !wage.hours || wage.amount === null) return [...earnings]
  const rateCents = Math.round(wage.amount / wage.hours)
  const regularQuarters = Math.round(wage.hours * QUARTERS_PER_HOUR) - SPIKE_FEWER_REGULAR_QUARTERS
  const pay = (quarters: number, multiplier: number): number =>
    Math.round((quarters * rateCents * multiplier) / QUARTERS_PER_HOUR)

  const regular = {
    ...wage,
    amount: pay(regularQuarters, 1),
    hours: regularQuarters / QUARTERS_PER_HOUR,
  }
  const overtime = earningLine(
    'overtime',
    earnings.find((line) => line?.type === 'overtime')?.name ?? overtimeLabel,
    pay(SPIKE_OVERTIME_QUARTERS, 1.5),
    SPIKE_OVERTIME_QUARTERS / QUARTERS_PER_HOUR,
  )
  const others = earnings.filter((line) => line !== wage && line?.type !== 'overtime')
  return [regular, overtime, ...others]
}

function statementFor(
  dataset: CompanyDataset,
  paymentId: string,
  individualId: string,
): PayStatement {
  const statement = statementsOf(dataset, paymentId).find((s) => s.individual_id === individualId)
  if (!statement) throw new Error(`No statement of ${individualId} in payment ${paymentId}`)
  return statement
}

function cents(lines: readonly ({ amount?: number | null } | null)[] | null): number {
  return (lines ?? []).reduce((sum, line) => sum + (line?.amount ?? 0), 0)
}

function overtimeHours(statement: PayStatement): number {
  return (statement.earnings ?? [])
    .filter((line) => line?.type === 'overtime')
    .reduce((sum, line) => sum + (line?.hours ?? 0), 0)
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const dollars = (amountCents: number): string => USD.format(amountCents / 100)

function listPlanted(dataset: CompanyDataset, targets: Targets): PlantedDiscrepancy[] {
  const paymentOf = (id: string): Payment => dataset.payments.find((payment) => payment.id === id)!

  const unbalanced = statementFor(
    dataset,
    targets.outOfBalance.paymentId,
    targets.outOfBalance.individualId,
  )
  const expectedNetCents =
    (unbalanced.gross_pay?.amount ?? 0) -
    splitTaxCents(unbalanced).employeeCents -
    cents(unbalanced.employee_deductions)
  const netCents = unbalanced.net_pay?.amount ?? 0

  const totalsOff = paymentOf(targets.totalsOffPaymentId)
  const statementsGrossCents = statementsOf(dataset, totalsOff.id).reduce(
    (sum, statement) => sum + (statement.gross_pay?.amount ?? 0),
    0,
  )
  const paymentGrossCents = totalsOff.gross_pay?.amount ?? 0

  const debitOff = paymentOf(targets.debitOffPaymentId)
  const expectedDebitCents =
    (debitOff.net_pay?.amount ?? 0) +
    (debitOff.employee_taxes?.amount ?? 0) +
    (debitOff.employer_taxes?.amount ?? 0)
  const companyDebitCents = debitOff.company_debit?.amount ?? 0

  const { grossJump, newEarningType, overtimeSpike, missing } = targets
  const jumped = statementFor(dataset, grossJump.paymentId, grossJump.individualId)
  const before = statementFor(dataset, grossJump.previousPaymentId, grossJump.individualId)
  const grossCents = jumped.gross_pay?.amount ?? 0
  const previousGrossCents = before.gross_pay?.amount ?? 0

  const spiked = statementFor(dataset, overtimeSpike.paymentId, overtimeSpike.individualId)
  const spikeIndex = dataset.payments.findIndex((payment) => payment.id === overtimeSpike.paymentId)
  const previousMaxOvertimeHours = Math.max(
    0,
    ...dataset.payments
      .slice(0, spikeIndex)
      .flatMap((payment) => statementsOf(dataset, payment.id))
      .filter((statement) => statement.individual_id === overtimeSpike.individualId)
      .map(overtimeHours),
  )

  return [
    {
      kind: 'statement_out_of_balance',
      ...targets.outOfBalance,
      expectedNetCents,
      netCents,
      description:
        `Net pay ${dollars(netCents)} is ${netCents - expectedNetCents} cents more than gross ` +
        'pay less employee taxes and deductions.',
    },
    {
      kind: 'payment_totals_mismatch',
      paymentId: totalsOff.id,
      field: 'gross_pay',
      statementsCents: statementsGrossCents,
      paymentCents: paymentGrossCents,
      description:
        `The payment's gross pay ${dollars(paymentGrossCents)} is not the sum of its ` +
        `statements, ${dollars(statementsGrossCents)}.`,
    },
    {
      kind: 'company_debit_mismatch',
      paymentId: debitOff.id,
      expectedCents: expectedDebitCents,
      companyDebitCents,
      description:
        `The company debit ${dollars(companyDebitCents)} is not net pay plus employee and ` +
        `employer taxes, ${dollars(expectedDebitCents)}.`,
    },
    {
      kind: 'missing_from_run',
      ...missing,
      description: 'Paid in the runs before and after, but missing from this run.',
    },
    {
      kind: 'gross_jump',
      ...grossJump,
      previousGrossCents,
      grossCents,
      description:
        `Gross pay rose from ${dollars(previousGrossCents)} to ${dollars(grossCents)} ` +
        'since the previous run, with a retroactive salary adjustment.',
    },
    {
      kind: 'new_earning_type',
      ...newEarningType,
      earningType: 'bonus',
      description: 'A spot bonus: the first bonus earning in any of the company’s payments.',
    },
    {
      kind: 'overtime_spike',
      ...overtimeSpike,
      overtimeHours: overtimeHours(spiked),
      previousMaxOvertimeHours,
      description:
        `${overtimeHours(spiked)} hours of overtime, where earlier runs had at most ` +
        `${previousMaxOvertimeHours}.`,
    },
  ]
}
