/**
 * Generates one worker's pay statement for one run, from the seed alone, so a statement can be
 * rebuilt on demand and always comes out the same. Net pay is derived last, as gross pay minus
 * the employee's taxes and deductions, which makes the statement balance to the cent by
 * construction.
 */
import type { Money, PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { Election } from './benefit-plans'
import { daysBetween, maxDate, minDate, yearOf } from './calendar'
import type { CompanyPlan } from './company-plan'
import type { PayRun } from './pay-runs'
import { mixSeeds, Random } from './random'
import { percentOfCents, withholdTaxes } from './withholding'
import type { Worker } from './workforce'
import { PERIODS_PER_YEAR, rateOn } from './workforce'

type Earning = PayStatement.Earning
type Deduction = PayStatement.EmployeeDeduction
type Contribution = PayStatement.EmployerContribution

/** Hours are drawn in quarter hours, as time clocks round them. */
const QUARTERS_PER_HOUR = 4

export function usd(amountCents: number): Money {
  return { amount: amountCents, currency: 'usd' }
}

function earning(
  type: Earning['type'],
  name: string,
  amountCents: number,
  hours: number | null,
): Earning {
  return { type, name, amount: amountCents, currency: 'usd', hours }
}

interface DrawnEarnings {
  readonly earnings: Earning[]
  readonly totalHours: number | null
}

export function buildPayStatement(plan: CompanyPlan, run: PayRun, worker: Worker): PayStatement {
  if (run.reverses) return reverseStatement(buildPayStatement(plan, run.reverses, worker), run)

  const random = new Random(mixSeeds(run.seed, worker.index))
  const { pay } = worker
  const { earnings, totalHours } = adjustedEarnings(
    plan,
    run,
    worker,
    drawEarnings(plan, run, worker, random),
  )
  const contractor = pay.kind === 'contractor'

  const grossCents = sumAmounts(earnings)
  const reimbursedCents = sumAmounts(earnings.filter((line) => line.type === 'reimbursement'))
  // Reimbursements repay the worker's own expenses: they are neither wages nor taxed.
  const wagesCents = grossCents - reimbursedCents

  const elections =
    contractor || run.kind === 'severance'
      ? []
      : run.kind === 'bonus'
        ? pay.elections.filter((election) => election.appliesToSupplemental)
        : pay.elections

  const deductions: Deduction[] = []
  const taken: { election: Election; amountCents: number }[] = []
  let preTaxCents = 0
  let ficaExemptCents = 0
  // Pre-tax deductions may take at most this share of wages, so a short paycheck (a new hire's
  // first days) still covers the FICA its 401(k) deferral owes and never nets below zero.
  const preTaxLimitCents = Math.floor(wagesCents * 0.8)
  for (const election of elections) {
    if (!election.preTax) continue
    const amountCents = electedCents(election, wagesCents)
    if (amountCents <= 0 || preTaxCents + amountCents > preTaxLimitCents) continue
    preTaxCents += amountCents
    if (election.ficaExempt) ficaExemptCents += amountCents
    deductions.push(deduction(election, amountCents))
    taken.push({ election, amountCents })
  }

  const taxes = contractor
    ? []
    : withholdTaxes({
        incomeTaxableCents: wagesCents - preTaxCents,
        ficaTaxableCents: wagesCents - ficaExemptCents,
        ytdFicaWagesCents: estimatedYtdWagesCents(run, worker),
        periodsPerYear: PERIODS_PER_YEAR[pay.frequency],
        filingStatus: pay.filingStatus,
        taxState: pay.taxState,
        localTax: pay.localTax,
        supplemental: run.kind !== 'regular',
        firstPayrollOfMonth: run.firstOfMonth,
        payYear: yearOf(run.payDate),
      })
  const employeeTaxCents = sumAmounts(taxes.filter((tax) => tax.employer !== true))

  // Post-tax deductions that no longer fit are skipped, as payroll systems put them in arrears.
  let netCents = grossCents - employeeTaxCents - preTaxCents
  for (const election of elections) {
    if (election.preTax) continue
    const amountCents = electedCents(election, wagesCents)
    if (amountCents <= 0 || amountCents > netCents) continue
    netCents -= amountCents
    deductions.push(deduction(election, amountCents))
    taken.push({ election, amountCents })
  }

  return {
    individual_id: worker.id,
    type: run.statementType,
    payment_method: pay.paymentMethod,
    total_hours: totalHours,
    gross_pay: usd(grossCents),
    net_pay: usd(netCents),
    earnings,
    taxes,
    employee_deductions: contractor && plan.sparse ? null : deductions,
    employer_contributions:
      contractor && plan.sparse ? null : contributions(run, taken, wagesCents),
  }
}

/** A scenario's planted change to the drawn earnings; total hours follow the changed lines. */
function adjustedEarnings(
  plan: CompanyPlan,
  run: PayRun,
  worker: Worker,
  drawn: DrawnEarnings,
): DrawnEarnings {
  const adjust = plan.adjustments?.earnings
  if (!adjust) return drawn
  const adjusted = adjust(run.id, worker.id, drawn.earnings)
  if (adjusted === drawn.earnings) return drawn
  const earnings = [...adjusted]
  if (drawn.totalHours === null) return { earnings, totalHours: null }
  let totalHours = 0
  for (const line of earnings) totalHours += line.hours ?? 0
  return { earnings, totalHours }
}

function sumAmounts(lines: readonly ({ amount?: number | null } | null)[]): number {
  let totalCents = 0
  for (const line of lines) totalCents += line?.amount ?? 0
  return totalCents
}

function electedCents(election: Election, wagesCents: number): number {
  return election.employee.kind === 'percent'
    ? percentOfCents(wagesCents, election.employee.basisPoints)
    : election.employee.perPeriodCents
}

function deduction(election: Election, amountCents: number): Deduction {
  return {
    type: election.type,
    name: election.deductionName,
    amount: amountCents,
    currency: 'usd',
    pre_tax: election.preTax,
  }
}

function contributions(
  run: PayRun,
  taken: readonly { election: Election; amountCents: number }[],
  wagesCents: number,
): Contribution[] {
  const lines: Contribution[] = []
  for (const { election } of taken) {
    const rule = election.employer
    if (rule === null || election.contributionName === null) continue
    let amountCents = 0
    if (rule.kind === 'fixed') {
      // Health premiums are paid per regular paycheck only.
      amountCents = run.kind === 'regular' ? rule.perPeriodCents : 0
    } else if (rule.kind === 'percent') {
      amountCents = percentOfCents(wagesCents, rule.basisPoints)
    } else if (election.employee.kind === 'percent') {
      amountCents = matchedCents(wagesCents, election.employee.basisPoints, rule.tiers)
    }
    if (amountCents === 0) continue
    lines.push({
      type: election.type,
      name: election.contributionName,
      amount: amountCents,
      currency: 'usd',
    })
  }
  return lines
}

/** Tier thresholds are cumulative deferral levels; each slice of the deferral earns its rate. */
function matchedCents(
  wagesCents: number,
  deferralBasisPoints: number,
  tiers: readonly { readonly threshold: number; readonly match: number }[],
): number {
  let matchCents = 0
  let floorBasisPoints = 0
  for (const tier of tiers) {
    const sliceBasisPoints = Math.max(
      0,
      Math.min(deferralBasisPoints, tier.threshold) - floorBasisPoints,
    )
    matchCents += (wagesCents * sliceBasisPoints * tier.match) / 100_000_000
    floorBasisPoints = tier.threshold
  }
  return Math.round(matchCents)
}

/**
 * What FICA wages the worker has had so far this year, estimated from their nominal pay, so the
 * Social Security and unemployment wage bases apply without replaying the whole year.
 */
function estimatedYtdWagesCents(run: PayRun, worker: Worker): number {
  const { pay } = worker
  const periodsPerYear = PERIODS_PER_YEAR[pay.frequency]
  const rateCents = rateOn(pay.rates, run.payDate)
  const nominalCents =
    pay.kind === 'salaried'
      ? rateCents / periodsPerYear
      : (rateCents * pay.weeklyHours * 52) / periodsPerYear
  const yearStart = `${run.payDate.slice(0, 4)}-01-01`
  const daysPaid = daysBetween(maxDate(yearStart, pay.paidFrom), run.payDate)
  const priorPeriods = Math.max(0, Math.floor((daysPaid * periodsPerYear) / 365))
  return Math.round(nominalCents * priorPeriods)
}

function drawEarnings(
  plan: CompanyPlan,
  run: PayRun,
  worker: Worker,
  random: Random,
): DrawnEarnings {
  const { pay } = worker
  const labels = plan.labels
  const rateCents = rateOn(pay.rates, run.periodEnd)

  if (run.kind === 'bonus') {
    const bonusCents =
      pay.kind === 'salaried'
        ? Math.max(5_000, Math.round((rateCents * random.int(30, 120)) / 1_000 / 5_000) * 5_000)
        : random.int(5, 15) * 5_000
    const label = pay.kind === 'salaried' ? labels.annualBonus : labels.holidayBonus
    return { earnings: [earning('bonus', label, bonusCents, null)], totalHours: null }
  }
  if (run.kind === 'severance') {
    const severanceCents = Math.round((rateCents * pay.severanceWeeks) / 52)
    return {
      earnings: [earning('severance', labels.severance, severanceCents, null)],
      totalHours: null,
    }
  }

  const periodsPerYear = PERIODS_PER_YEAR[pay.frequency]
  const employedShare = shareOfPeriodEmployed(run, worker)
  const earnings: Earning[] = []
  let totalHours: number | null

  if (pay.kind === 'salaried') {
    const standardHours = Math.round(((40 * 52) / periodsPerYear) * employedShare * 100) / 100
    const hours = plan.salariedHoursNull ? null : standardHours
    const salaryCents = Math.round((rateCents * employedShare) / periodsPerYear)
    earnings.push(earning('salary', labels.salary, salaryCents, hours))
    totalHours = hours
  } else {
    const drawn = timeClockEarnings(plan, worker, rateCents, employedShare, random)
    earnings.push(...drawn.earnings)
    totalHours = drawn.totalHours
  }

  if (pay.commission && run.firstOfMonth) {
    earnings.push(earning('commission', labels.commission, random.int(80, 2_400) * 500, null))
  }
  if (pay.phoneStipend && run.firstOfMonth) {
    earnings.push(earning('other', labels.phoneStipend, 5_000, null))
  }
  // The draw happens even for steady pay, so the scenarios that share this code keep their data.
  if (pay.kind !== 'contractor' && random.chance(0.07) && !plan.steadyPay) {
    earnings.push(earning('reimbursement', labels.reimbursement, random.int(1_500, 42_000), null))
  }
  const drift = plan.driftEarning
  if (drift && random.chance(0.3)) {
    // Deliberately outside Finch's documented enum: consumers must survive new earning types.
    const undocumentedType = drift.type as unknown as Earning['type']
    earnings.push(earning(undocumentedType, drift.name, drift.amountCents, null))
  }
  return { earnings, totalHours }
}

/** Hourly and contractor pay from drawn hours: regular, overtime, time off and sick time. */
function timeClockEarnings(
  plan: CompanyPlan,
  worker: Worker,
  rateCents: number,
  employedShare: number,
  random: Random,
): DrawnEarnings {
  const { pay } = worker
  const labels = plan.labels
  const periodsPerYear = PERIODS_PER_YEAR[pay.frequency]
  const standardQuarters = Math.round(
    ((pay.weeklyHours * 52) / periodsPerYear) * employedShare * QUARTERS_PER_HOUR,
  )
  const hourly = pay.kind === 'hourly'
  let workedQuarters = Math.max(
    0,
    standardQuarters - (hourly ? random.int(0, 12) : random.int(0, standardQuarters / 2)),
  )
  const timeOffQuarters =
    hourly && random.chance(0.12) ? Math.min(workedQuarters, random.pick([16, 32, 64])) : 0
  workedQuarters -= timeOffQuarters
  const sickQuarters =
    hourly && random.chance(0.06) ? Math.min(workedQuarters, random.int(4, 8) * 4) : 0
  workedQuarters -= sickQuarters
  const fullTime = pay.weeklyHours >= 40
  const overtimeQuarters =
    hourly && fullTime && random.chance(0.35) ? random.int(2, plan.steadyPay ? 16 : 48) : 0
  const doubleQuarters =
    hourly && pay.doubleOvertime && !plan.steadyPay && overtimeQuarters > 0 && random.chance(0.15)
      ? random.int(2, 12)
      : 0

  const lines: readonly [Earning['type'], string, number, number][] = hourly
    ? [
        ['wage', labels.regularHours, workedQuarters, 1],
        ['overtime', labels.overtime, overtimeQuarters, 1.5],
        ['double_overtime', labels.doubleOvertime, doubleQuarters, 2],
        ['pto', labels.paidTimeOff, timeOffQuarters, 1],
        ['sick', labels.sickPay, sickQuarters, 1],
      ]
    : [['1099', labels.contractorPayment, Math.max(4, workedQuarters), 1]]
  const earnings: Earning[] = []
  let totalHours = 0
  for (const [type, name, quarters, multiplier] of lines) {
    if (quarters === 0) continue
    const amountCents = Math.round((quarters * rateCents * multiplier) / QUARTERS_PER_HOUR)
    const hours = quarters / QUARTERS_PER_HOUR
    earnings.push(earning(type, name, amountCents, hours))
    totalHours += hours
  }
  return { earnings, totalHours }
}

/** New hires and leavers are paid for the days of the period they were employed. */
function shareOfPeriodEmployed(run: PayRun, worker: Worker): number {
  const { paidFrom, paidUntil } = worker.pay
  if (paidFrom <= run.periodStart && (paidUntil === null || paidUntil >= run.periodEnd)) return 1
  const from = maxDate(run.periodStart, paidFrom)
  const until = paidUntil === null ? run.periodEnd : minDate(run.periodEnd, paidUntil)
  const periodDays = daysBetween(run.periodStart, run.periodEnd) + 1
  const employedDays = Math.max(0, daysBetween(from, until) + 1)
  return Math.min(1, employedDays / periodDays)
}

const negate = (value: number): number => 0 - value
const negateMoney = (money: Money | null): Money | null =>
  money === null
    ? null
    : { amount: money.amount === null ? null : negate(money.amount), currency: money.currency }

/** A voided paycheck: the original statement with every amount and hour negated. */
function reverseStatement(original: PayStatement, run: PayRun): PayStatement {
  const negateAmount = <Line extends { amount?: number | null }>(line: Line): Line => ({
    ...line,
    amount: line.amount === null || line.amount === undefined ? line.amount : negate(line.amount),
  })
  return {
    ...original,
    type: run.statementType,
    total_hours: original.total_hours === null ? null : negate(original.total_hours),
    gross_pay: negateMoney(original.gross_pay),
    net_pay: negateMoney(original.net_pay),
    earnings:
      original.earnings?.map((line) =>
        line === null
          ? null
          : { ...negateAmount(line), hours: line.hours === null ? null : negate(line.hours) },
      ) ?? null,
    taxes: original.taxes?.map(negateAmount) ?? null,
    employee_deductions: original.employee_deductions?.map(negateAmount) ?? null,
    employer_contributions: original.employer_contributions?.map(negateAmount) ?? null,
  }
}
