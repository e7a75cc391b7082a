/**
 * Plain reference versions of the run-to-run checks an accountant makes, written the way the
 * planted discrepancies describe them, so tests can show the discrepancies company trips each
 * check exactly where something was planted and nowhere else.
 */
import type { Payment, PayStatement } from '@tryfinch/finch-api/resources/hris'

import type { Payroll } from './money-audit'

export interface RunFinding {
  readonly paymentId: string
  readonly individualId: string
}

/** The pay group's runs in pay-date order; every payment of a steady company is regular. */
function runsByGroup(payroll: Payroll): Payment[][] {
  const groups = new Map<string, Payment[]>()
  for (const payment of payroll.payments) {
    const group = payment.pay_group_ids?.join(',') ?? ''
    groups.set(group, [...(groups.get(group) ?? []), payment])
  }
  return [...groups.values()]
}

function paidIn(payroll: Payroll, payment: Payment): Map<string, PayStatement> {
  return new Map(
    (payroll.payStatements(payment.id) ?? []).map((statement) => [
      statement.individual_id,
      statement,
    ]),
  )
}

/** Paid in the group's run before and the run after, but not in this one. */
export function findMissingFromRun(payroll: Payroll): RunFinding[] {
  return runsByGroup(payroll).flatMap((runs) =>
    runs.slice(1, -1).flatMap((payment, index) => {
      const before = paidIn(payroll, runs[index]!)
      const after = paidIn(payroll, runs[index + 2]!)
      const now = paidIn(payroll, payment)
      return [...before.keys()]
        .filter((id) => after.has(id) && !now.has(id))
        .map((individualId) => ({ paymentId: payment.id, individualId }))
    }),
  )
}

/** Gross pay more than 25% above the person's previous statement in the same pay group. */
export function findGrossJumps(payroll: Payroll): RunFinding[] {
  const findings: RunFinding[] = []
  for (const runs of runsByGroup(payroll)) {
    const previousGross = new Map<string, number>()
    for (const payment of runs) {
      for (const [individualId, statement] of paidIn(payroll, payment)) {
        const grossCents = statement.gross_pay?.amount ?? 0
        const before = previousGross.get(individualId)
        if (before !== undefined && grossCents > before * 1.25) {
          findings.push({ paymentId: payment.id, individualId })
        }
        previousGross.set(individualId, grossCents)
      }
    }
  }
  return findings
}

/** Earning types in the latest payment that no earlier payment of the company had. */
export function findNewEarningTypes(payroll: Payroll): (RunFinding & { type: string })[] {
  const latest = payroll.payments[payroll.payments.length - 1]
  if (!latest) return []
  const seen = new Set<string | null>()
  for (const payment of payroll.payments.slice(0, -1)) {
    for (const statement of paidIn(payroll, payment).values()) {
      for (const line of statement.earnings ?? []) seen.add(line?.type ?? null)
    }
  }
  return [...paidIn(payroll, latest).values()].flatMap((statement) =>
    (statement.earnings ?? [])
      .filter((line) => line !== null && !seen.has(line.type))
      .map((line) => ({
        paymentId: latest.id,
        individualId: statement.individual_id,
        type: String(line?.type),
      })),
  )
}

/** At least ten hours of overtime and more than twice the person's earlier highest. */
export function findOvertimeSpikes(payroll: Payroll): RunFinding[] {
  const findings: RunFinding[] = []
  const highest = new Map<string, number>()
  for (const payment of payroll.payments) {
    for (const [individualId, statement] of paidIn(payroll, payment)) {
      const hours = (statement.earnings ?? [])
        .filter((line) => line?.type === 'overtime')
        .reduce((sum, line) => sum + (line?.hours ?? 0), 0)
      const before = highest.get(individualId)
      if (before !== undefined && hours >= 10 && hours > before * 2) {
        findings.push({ paymentId: payment.id, individualId })
      }
      highest.set(individualId, Math.max(before ?? 0, hours))
    }
  }
  return findings
}
