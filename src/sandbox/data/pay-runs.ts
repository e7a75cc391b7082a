/**
 * The company's payroll calendar: regular biweekly and semimonthly runs, year-end bonus runs,
 * severance payments and one reversal. A run knows its dates and who it pays, never the amounts,
 * which are regenerated from the seed whenever its statements are asked for.
 */
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import {
  addDays,
  businessDaysBefore,
  daysBetween,
  isoDate,
  lastDayOfMonth,
  monthOf,
  onOrBeforeBusinessDay,
  yearOf,
} from './calendar'
import type { CompanyPlan, PayFrequency } from './company-plan'
import { deriveSeed, Random } from './random'
import type { Worker } from './workforce'

export type RunKind = 'regular' | 'bonus' | 'severance' | 'reversal'

export interface PayRun {
  /** Stable name of the run; with the seed it determines the payment id and every amount. */
  readonly key: string
  /** Seeds the statements of this run; derived from the scenario seed and the key. */
  readonly seed: number
  readonly id: string
  readonly kind: RunKind
  readonly statementType: NonNullable<PayStatement['type']>
  readonly payDate: string
  readonly debitDate: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly frequencies: readonly PayFrequency[]
  /** The first regular run of its pay group in a calendar month carries the monthly items. */
  readonly firstOfMonth: boolean
  /** The one worker of a severance or reversal run. */
  readonly workerIndex: number | null
  /** The run whose statement a reversal cancels. */
  readonly reverses: PayRun | null
}

interface RunDates {
  readonly payDate: string
  readonly periodStart: string
  readonly periodEnd: string
}

/** Every other Friday, counted from a fixed Friday so schedules do not drift with `today`. */
const BIWEEKLY_ANCHOR = '2024-01-05'

function biweeklyDates(today: string, fromDate: string, count: number | undefined): RunDates[] {
  const latest = addDays(BIWEEKLY_ANCHOR, Math.floor(daysBetween(BIWEEKLY_ANCHOR, today) / 14) * 14)
  const dates: RunDates[] = []
  for (let payDate = latest; ; payDate = addDays(payDate, -14)) {
    if (count === undefined ? payDate <= fromDate : dates.length >= count) break
    // The two weeks worked end on the Sunday before payday.
    const periodEnd = addDays(payDate, -5)
    dates.push({ payDate, periodStart: addDays(periodEnd, -13), periodEnd })
  }
  return dates.reverse()
}

/** Paid on the 15th and the month's last day, or on the Friday before when those are weekends. */
function semimonthlyDates(today: string, fromDate: string, count: number | undefined): RunDates[] {
  const dates: RunDates[] = []
  let year = yearOf(today)
  let month = monthOf(today)
  for (;;) {
    const halves: RunDates[] = [
      {
        payDate: onOrBeforeBusinessDay(lastDayOfMonth(year, month)),
        periodStart: isoDate(year, month, 16),
        periodEnd: lastDayOfMonth(year, month),
      },
      {
        payDate: onOrBeforeBusinessDay(isoDate(year, month, 15)),
        periodStart: isoDate(year, month, 1),
        periodEnd: isoDate(year, month, 15),
      },
    ]
    for (const half of halves) {
      if (half.payDate > today) continue
      if (count === undefined ? half.payDate <= fromDate : dates.length >= count) {
        return dates.reverse()
      }
      dates.push(half)
    }
    month--
    if (month === 0) {
      month = 12
      year--
    }
  }
}

function paymentId(seed: number, key: string): string {
  return new Random(deriveSeed(seed, 'payment', key)).uuid()
}

/** The regular runs of every pay group, and the first day the payroll history covers. */
export function scheduleRegularRuns(plan: CompanyPlan): { runs: PayRun[]; windowStart: string } {
  const historyStart = addDays(plan.today, -Math.round((plan.historyMonths * 365) / 12))
  const runs: PayRun[] = []
  for (const frequency of plan.payGroups) {
    const dates =
      frequency === 'bi_weekly'
        ? biweeklyDates(plan.today, historyStart, plan.regularRuns)
        : semimonthlyDates(plan.today, historyStart, plan.regularRuns)
    let previousMonth = ''
    for (const { payDate, periodStart, periodEnd } of dates) {
      const key = `regular:${frequency}:${payDate}`
      const month = payDate.slice(0, 7)
      runs.push({
        key,
        seed: deriveSeed(plan.seed, 'statements', key),
        id: paymentId(plan.seed, key),
        kind: 'regular',
        statementType: 'regular_payroll',
        payDate,
        // Direct deposits are funded by an ACH debit two banking days ahead of payday.
        debitDate: businessDaysBefore(payDate, 2),
        periodStart,
        periodEnd,
        frequencies: [frequency],
        firstOfMonth: month !== previousMonth,
        workerIndex: null,
        reverses: null,
      })
      previousMonth = month
    }
  }
  const windowStart = runs.reduce(
    (earliest, run) => (run.periodStart < earliest ? run.periodStart : earliest),
    historyStart,
  )
  return { runs, windowStart }
}

function offCycleRun(
  plan: CompanyPlan,
  kind: Exclude<RunKind, 'regular'>,
  key: string,
  payDate: string,
  frequencies: readonly PayFrequency[],
  workerIndex: number | null,
  reverses: PayRun | null,
): PayRun {
  return {
    key,
    seed: deriveSeed(plan.seed, 'statements', key),
    id: paymentId(plan.seed, key),
    kind,
    statementType: kind === 'severance' ? 'one_time_payment' : 'off_cycle_payroll',
    payDate,
    debitDate: businessDaysBefore(payDate, 1),
    periodStart: reverses?.periodStart ?? payDate,
    periodEnd: reverses?.periodEnd ?? payDate,
    frequencies,
    firstOfMonth: false,
    workerIndex,
    reverses,
  }
}

/** Bonus, severance and reversal runs, which depend on who works at the company. */
export function scheduleOffCycleRuns(
  plan: CompanyPlan,
  regularRuns: readonly PayRun[],
  windowStart: string,
  workers: readonly Worker[],
): PayRun[] {
  const runs: PayRun[] = []
  if (workers.length === 0) return runs

  if (plan.events.yearEndBonus) {
    for (let year = yearOf(windowStart); year <= yearOf(plan.today); year++) {
      const payDate = onOrBeforeBusinessDay(isoDate(year, 12, 12))
      if (payDate < windowStart || payDate > plan.today) continue
      runs.push(offCycleRun(plan, 'bonus', `bonus:${payDate}`, payDate, plan.payGroups, null, null))
    }
  }

  if (plan.events.severance) {
    for (const worker of workers) {
      const { paidUntil, severanceWeeks, frequency } = worker.pay
      if (paidUntil === null || severanceWeeks === 0) continue
      const payDate = onOrBeforeBusinessDay(addDays(paidUntil, 10))
      if (payDate > plan.today) continue
      const key = `severance:${worker.index}`
      runs.push(offCycleRun(plan, 'severance', key, payDate, [frequency], worker.index, null))
    }
  }

  if (plan.events.reversal) {
    const reversal = scheduleReversal(plan, regularRuns, workers)
    if (reversal) runs.push(reversal)
  }
  return runs
}

/**
 * A payroll correction: a salaried worker's paycheck from a bit over a year ago is voided a week
 * later, so the reversal carries that statement with every amount negated.
 */
function scheduleReversal(
  plan: CompanyPlan,
  regularRuns: readonly PayRun[],
  workers: readonly Worker[],
): PayRun | null {
  const frequency = plan.payGroups.includes('semi_monthly') ? 'semi_monthly' : plan.payGroups[0]
  const candidates = regularRuns.filter((run) => run.frequencies[0] === frequency)
  const original = candidates[Math.floor(candidates.length * 0.45)]
  if (!original) return null
  const members = runMembers(original, workers).filter((worker) => worker.pay.kind !== 'contractor')
  if (members.length === 0) return null
  const worker = new Random(deriveSeed(plan.seed, 'reversal')).pick(members)
  const payDate = onOrBeforeBusinessDay(addDays(original.payDate, 7))
  if (payDate > plan.today) return null
  const key = `reversal:${original.key}:${worker.index}`
  return offCycleRun(plan, 'reversal', key, payDate, original.frequencies, worker.index, original)
}

const KIND_ORDER: Readonly<Record<RunKind, number>> = {
  regular: 0,
  bonus: 1,
  severance: 2,
  reversal: 3,
}

/** Finch lists payments by pay date; ties keep a fixed order so datasets stay reproducible. */
export function sortRuns(runs: readonly PayRun[]): PayRun[] {
  return [...runs].sort(
    (first, second) =>
      first.payDate.localeCompare(second.payDate) ||
      KIND_ORDER[first.kind] - KIND_ORDER[second.kind] ||
      (first.key < second.key ? -1 : first.key > second.key ? 1 : 0),
  )
}

/** The workers a run pays, in directory order. */
export function runMembers(run: PayRun, workers: readonly Worker[]): Worker[] {
  if (run.workerIndex !== null) {
    const worker = workers[run.workerIndex]
    return worker ? [worker] : []
  }
  if (run.kind === 'bonus') {
    // Year-end bonuses go to employees on staff for at least a month before payday.
    const hiredBy = addDays(run.payDate, -30)
    return workers.filter(
      ({ pay }) =>
        pay.kind !== 'contractor' &&
        pay.paidFrom <= hiredBy &&
        (pay.paidUntil === null || pay.paidUntil >= run.payDate),
    )
  }
  return workers.filter(
    ({ pay }) =>
      run.frequencies.includes(pay.frequency) &&
      pay.paidFrom <= run.periodEnd &&
      pay.paidFrom <= run.payDate &&
      (pay.paidUntil === null || pay.paidUntil >= run.periodStart),
  )
}
