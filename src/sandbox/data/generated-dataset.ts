/**
 * Assembles a `CompanyDataset` from a company plan. People, payments and their totals are built
 * once; pay statements are regenerated from the seed each time a payment's statements are read,
 * so even 10,000 people × 52 runs never sit in memory together.
 */
import type { Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { CompanyPlan, PayFrequency } from './company-plan'
import type { CompanyDataset } from './dataset'
import type { PayRun } from './pay-runs'
import { runMembers, scheduleOffCycleRuns, scheduleRegularRuns, sortRuns } from './pay-runs'
import { buildPayStatement, usd } from './pay-statement'
import type { Worker } from './workforce'
import { buildWorkforce } from './workforce'

export function generateDataset(plan: CompanyPlan): CompanyDataset {
  const { runs: regularRuns, windowStart } = scheduleRegularRuns(plan)
  const workforce = buildWorkforce(plan, windowStart)
  const { workers } = workforce
  const offCycleRuns = scheduleOffCycleRuns(plan, regularRuns, windowStart, workers)
  const adjustments = plan.adjustments

  const membersOf = (run: PayRun): Worker[] => {
    const members = runMembers(run, workers)
    const leavesOut = adjustments?.leavesOut
    return leavesOut ? members.filter((worker) => !leavesOut(run.id, worker.id)) : members
  }
  const statementOf = (run: PayRun, worker: Worker): PayStatement => {
    const statement = buildPayStatement(plan, run, worker)
    return adjustments?.statement?.(run.id, statement) ?? statement
  }

  const payments: Payment[] = []
  const runsById = new Map<string, PayRun>()
  for (const run of sortRuns([...regularRuns, ...offCycleRuns])) {
    const members = membersOf(run)
    if (members.length === 0) continue
    const payment = summarisePayment(run, members, statementOf, workforce.payGroupIds)
    payments.push(adjustments?.payment?.(payment) ?? payment)
    runsById.set(run.id, run)
  }

  const workersById = new Map(workers.map((worker) => [worker.id, worker]))
  return {
    scenario: plan.scenario,
    providerId: plan.providerId,
    connectionType: plan.connectionType,
    company: workforce.company,
    directory: workers.map((worker) => worker.directoryEntry),
    individual: (individualId) => workersById.get(individualId)?.individual,
    employment: (individualId) => workersById.get(individualId)?.employment,
    payments,
    payStatements: (paymentId) => {
      const run = runsById.get(paymentId)
      if (!run) return undefined
      return membersOf(run).map((worker) => statementOf(run, worker))
    },
    benefits: workforce.benefits,
    enrollments: (benefitId) => workforce.enrollmentsByBenefit.get(benefitId) ?? [],
    payGroups: workforce.payGroups,
    behaviour: plan.behaviour,
  }
}

/**
 * Employee taxes are the statement tax lines without `employer: true`; employer taxes are those
 * with it and never reduce net pay.
 */
export function splitTaxCents(statement: PayStatement): {
  employeeCents: number
  employerCents: number
} {
  let employeeCents = 0
  let employerCents = 0
  for (const tax of statement.taxes ?? []) {
    if (tax.employer === true) employerCents += tax.amount ?? 0
    else employeeCents += tax.amount ?? 0
  }
  return { employeeCents, employerCents }
}

/**
 * A payment's totals are the sums of its statements. The company debit is what leaves the
 * employer's bank account for the payroll: net pay plus employee taxes withheld plus employer
 * taxes. Benefit deductions and employer contributions are remitted to plan carriers outside
 * the payroll debit, so they are not part of it.
 */
function summarisePayment(
  run: PayRun,
  members: readonly Worker[],
  statementOf: (run: PayRun, worker: Worker) => PayStatement,
  payGroupIds: ReadonlyMap<PayFrequency, string>,
): Payment {
  let grossCents = 0
  let netCents = 0
  let employeeTaxCents = 0
  let employerTaxCents = 0
  // Each statement is summed and dropped at once: holding a large run's statements together
  // until the end doubles the time of the largest scenarios.
  for (const worker of members) {
    const statement = statementOf(run, worker)
    const { employeeCents, employerCents } = splitTaxCents(statement)
    grossCents += statement.gross_pay?.amount ?? 0
    netCents += statement.net_pay?.amount ?? 0
    employeeTaxCents += employeeCents
    employerTaxCents += employerCents
  }

  return {
    id: run.id,
    pay_date: run.payDate,
    debit_date: run.debitDate,
    pay_period: { start_date: run.periodStart, end_date: run.periodEnd },
    pay_group_ids: run.frequencies.flatMap((frequency) => payGroupIds.get(frequency) ?? []),
    pay_frequencies: [...run.frequencies],
    individual_ids: members.map((worker) => worker.id),
    gross_pay: usd(grossCents),
    net_pay: usd(netCents),
    employee_taxes: usd(employeeTaxCents),
    employer_taxes: usd(employerTaxCents),
    company_debit: usd(netCents + employeeTaxCents + employerTaxCents),
  }
}
