/**
 * Reads a client company's dashboard from the cache's live views: every total is summed by
 * SQLite, so only a few rows per pay run cross to the renderer, never the statements.
 */
import type {
  AttentionItem,
  ClientDashboard,
  DashboardPeriod,
  DepartmentCost,
  GrossSplit,
  HeadcountPoint,
  PayRunTotals,
} from '../../shared/dashboard'
import type { ReconciliationReport, VarianceReport } from '../../shared/checks'
import { STALE_AFTER_DAYS } from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'
import { readReconciliation } from '../checks/reconciliation-checks'
import { readRunVariance } from '../checks/run-variance'

const PERIOD_MODIFIERS: Record<DashboardPeriod, string | null> = {
  '3m': '-3 months',
  '12m': '-12 months',
  all: null,
}

/** Statements without an employment department are grouped here. */
export const NO_DEPARTMENT = 'No department'

interface RunRow {
  payment_id: string
  pay_date: string
  gross_pay_cents: number | null
  net_pay_cents: number | null
  employer_taxes_cents: number | null
}

interface StatementTotals {
  statement_count: number
  gross_pay_cents: number | null
  net_pay_cents: number | null
  employer_taxes_cents: number | null
  employer_contributions_cents: number | null
}

/** One pay run's statements of one department, summed. */
interface StatementSlice extends StatementTotals {
  payment_id: string
  department: string
}

export interface DashboardOptions {
  now?: () => Date
}

export class DashboardQueries {
  private readonly now: () => Date

  constructor(
    private readonly db: CacheDatabase,
    options: DashboardOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
  }

  read(connectionId: string, period: DashboardPeriod): ClientDashboard {
    const range = this.range(connectionId, period)
    const runs = range ? this.runs(connectionId, range) : []
    const slices = range ? this.statementSlices(connectionId, range) : []

    const byRun = new Map<string, StatementTotals>()
    const byDepartment = new Map<string, DepartmentCost>()
    for (const slice of slices) {
      addTotals(byRun, slice)
      const department = byDepartment.get(slice.department) ?? {
        department: slice.department,
        grossPayCents: 0,
        employerCostCents: 0,
      }
      department.grossPayCents += slice.gross_pay_cents ?? 0
      department.employerCostCents +=
        (slice.employer_taxes_cents ?? 0) + (slice.employer_contributions_cents ?? 0)
      byDepartment.set(slice.department, department)
    }
    const latest = runs.at(-1)

    return {
      connectionId,
      period,
      from: range?.from ?? null,
      to: range?.to ?? null,
      runs: runs.map((run) => runTotals(run, byRun.get(run.payment_id))),
      headcount: range ? this.headcount(connectionId, range) : [],
      departments: [...byDepartment.values()].sort(
        (a, b) =>
          b.grossPayCents + b.employerCostCents - (a.grossPayCents + a.employerCostCents) ||
          a.department.localeCompare(b.department),
      ),
      latestSplit: latest ? this.grossSplit(connectionId, latest) : null,
    }
  }

  /**
   * What needs the accountant: the connection's own state, then the reconciliation checks and
   * the latest run's variance. Read apart from the charts, as the checks scan every statement.
   */
  attention(connectionId: string): AttentionItem[] {
    return [
      ...this.connectionAttention(connectionId),
      ...tieOutAttention(connectionId, readReconciliation(this.db, connectionId)),
      ...varianceAttention(connectionId, readRunVariance(this.db, { connectionId })),
    ]
  }

  private range(
    connectionId: string,
    period: DashboardPeriod,
  ): { from: string; to: string } | null {
    const modifier = PERIOD_MODIFIERS[period]
    const row = this.db
      .prepare(
        `SELECT max(pay_date) AS last, min(pay_date) AS first,
           date(max(pay_date), coalesce(?, '+0 days'), '+1 day') AS since
         FROM payment WHERE connection_id = ? AND pay_date IS NOT NULL`,
      )
      .get(modifier, connectionId) as { last: string | null; first: string; since: string }
    if (row.last === null) return null
    return { from: modifier === null ? row.first : row.since, to: row.last }
  }

  private runs(connectionId: string, range: { from: string; to: string }): RunRow[] {
    return this.db
      .prepare(
        `SELECT payment_id, pay_date, gross_pay_cents, net_pay_cents, employer_taxes_cents
         FROM payment WHERE connection_id = ? AND pay_date BETWEEN ? AND ?
         ORDER BY pay_date, row_id`,
      )
      .all(connectionId, range.from, range.to) as RunRow[]
  }

  /**
   * The period's statements summed by pay run and department in one pass over their lines: the
   * register's own totals, which the run and department charts both fold from.
   */
  private statementSlices(
    connectionId: string,
    range: { from: string; to: string },
  ): StatementSlice[] {
    return this.db
      .prepare(
        `WITH statements AS (
           SELECT s.statement_row, s.payment_id, s.gross_pay_cents, s.net_pay_cents,
             coalesce(nullif(e.department, ''), :none) AS department
           FROM pay_statement s
           JOIN payment p ON p.connection_id = s.connection_id AND p.payment_id = s.payment_id
           LEFT JOIN employment e
             ON e.connection_id = s.connection_id AND e.individual_id = s.individual_id
           WHERE s.connection_id = :connection AND p.pay_date BETWEEN :from AND :to
         ),
         employer_lines AS (
           SELECT l.statement_row,
             sum(CASE WHEN l.kind = 'tax' THEN l.amount_cents END) AS taxes,
             sum(CASE WHEN l.kind = 'employer_contribution' THEN l.amount_cents END)
               AS contributions
           FROM pay_statement_line l
           WHERE l.statement_row IN (SELECT statement_row FROM statements)
             AND (l.kind = 'employer_contribution' OR (l.kind = 'tax' AND l.employer = 1))
           GROUP BY l.statement_row
         )
         SELECT payment_id, department, count(*) AS statement_count,
           sum(gross_pay_cents) AS gross_pay_cents, sum(net_pay_cents) AS net_pay_cents,
           sum(taxes) AS employer_taxes_cents, sum(contributions) AS employer_contributions_cents
         FROM statements LEFT JOIN employer_lines USING (statement_row)
         GROUP BY payment_id, department`,
      )
      .all({ connection: connectionId, none: NO_DEPARTMENT, ...range }) as StatementSlice[]
  }

  private headcount(connectionId: string, range: { from: string; to: string }): HeadcountPoint[] {
    // Finch dates may carry a time; the first ten characters are the calendar date.
    return this.db
      .prepare(
        `WITH dates AS (
           SELECT DISTINCT pay_date FROM payment
           WHERE connection_id = :connection AND pay_date BETWEEN :from AND :to
         ),
         windows AS (
           SELECT pay_date, coalesce(lag(pay_date) OVER (ORDER BY pay_date), date(:from, '-1 day'))
             AS previous
           FROM dates
         ),
         people AS (
           SELECT substr(start_date, 1, 10) AS started, substr(end_date, 1, 10) AS ended
           FROM employment WHERE connection_id = :connection
         )
         SELECT w.pay_date AS payDate,
           coalesce(sum(p.started <= w.pay_date AND (p.ended IS NULL OR p.ended >= w.pay_date)), 0)
             AS active,
           coalesce(sum(p.started > w.previous AND p.started <= w.pay_date), 0) AS hires,
           coalesce(sum(p.ended > w.previous AND p.ended <= w.pay_date), 0) AS terminations
         FROM windows w LEFT JOIN people p
         GROUP BY w.pay_date ORDER BY w.pay_date`,
      )
      .all({ connection: connectionId, ...range }) as HeadcountPoint[]
  }

  private grossSplit(connectionId: string, run: RunRow): GrossSplit {
    const lines = this.db
      .prepare(
        `SELECT
           coalesce(sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0
             THEN l.amount_cents END), 0) AS taxes,
           coalesce(sum(CASE WHEN l.kind = 'employee_deduction' THEN l.amount_cents END), 0)
             AS deductions
         FROM pay_statement s JOIN pay_statement_line l ON l.statement_row = s.statement_row
         WHERE s.connection_id = ? AND s.payment_id = ?`,
      )
      .get(connectionId, run.payment_id) as { taxes: number; deductions: number }
    return {
      paymentId: run.payment_id,
      payDate: run.pay_date,
      grossPayCents: run.gross_pay_cents ?? 0,
      employeeTaxesCents: lines.taxes,
      employeeDeductionsCents: lines.deductions,
      netPayCents: run.net_pay_cents ?? 0,
    }
  }

  /** Re-authentication, data Finch has not finished collecting, and an old cache. */
  private connectionAttention(connectionId: string): AttentionItem[] {
    const connection = this.db
      .prepare('SELECT status, last_synced_at FROM connection WHERE connection_id = ?')
      .get(connectionId) as { status: string; last_synced_at: string | null } | undefined
    if (!connection) return []
    const items: AttentionItem[] = []

    if (connection.status === 'needs_reauthentication') {
      items.push({
        kind: 'reauthenticate',
        connectionId,
        message: 'The employer’s payroll system cut Finch off: reconnect this company to sync it.',
      })
    }

    const pending = this.db
      .prepare(
        `SELECT product, count(*) AS items FROM pending_item WHERE connection_id = ?
         GROUP BY product ORDER BY product`,
      )
      .all(connectionId) as { product: string; items: number }[]
    for (const { product, items: count } of pending) {
      items.push({
        kind: 'pending',
        connectionId,
        message: `Finch is still collecting ${product.replace('_', ' ')} data (${count} ${
          count === 1 ? 'item' : 'items'
        }); these totals may be incomplete.`,
      })
    }

    const syncedAt = connection.last_synced_at ? Date.parse(connection.last_synced_at) : NaN
    const ageDays = (this.now().getTime() - syncedAt) / 86_400_000
    if (Number.isNaN(syncedAt) || ageDays > STALE_AFTER_DAYS) {
      items.push({
        kind: 'stale',
        connectionId,
        message: Number.isNaN(syncedAt)
          ? 'This company has never been synced.'
          : `The cached data is ${Math.floor(ageDays)} days old; sync to bring it up to date.`,
      })
    }
    return items
  }
}

/** Adds a department's slice into its run's totals; a null stays null until a number comes. */
function addTotals(byRun: Map<string, StatementTotals>, slice: StatementSlice): void {
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b)
  const run = byRun.get(slice.payment_id)
  if (!run) {
    byRun.set(slice.payment_id, { ...slice })
    return
  }
  run.statement_count += slice.statement_count
  run.gross_pay_cents = add(run.gross_pay_cents, slice.gross_pay_cents)
  run.net_pay_cents = add(run.net_pay_cents, slice.net_pay_cents)
  run.employer_taxes_cents = add(run.employer_taxes_cents, slice.employer_taxes_cents)
  run.employer_contributions_cents = add(
    run.employer_contributions_cents,
    slice.employer_contributions_cents,
  )
}

function runTotals(run: RunRow, statements: StatementTotals | undefined): PayRunTotals {
  const employerTaxesCents = statements?.employer_taxes_cents ?? 0
  const employerContributionsCents = statements?.employer_contributions_cents ?? 0
  return {
    paymentId: run.payment_id,
    payDate: run.pay_date,
    grossPayCents: run.gross_pay_cents ?? 0,
    netPayCents: run.net_pay_cents ?? 0,
    employerTaxesCents,
    employerContributionsCents,
    employerCostCents: employerTaxesCents + employerContributionsCents,
    statementCount: statements?.statement_count ?? 0,
  }
}

/** One item per pay run whose payment disagrees with its statements or whose statements do not net. */
function tieOutAttention(connectionId: string, report: ReconciliationReport): AttentionItem[] {
  const runs = new Map<string, { payDate: string | null; problems: Set<string> }>()
  const note = (paymentId: string, payDate: string | null, problem: string) => {
    const run = runs.get(paymentId) ?? { payDate, problems: new Set<string>() }
    run.problems.add(problem)
    runs.set(paymentId, run)
  }
  for (const mismatch of report.paymentMismatches) {
    note(
      mismatch.paymentId,
      mismatch.payDate,
      `${mismatch.field.replaceAll('_', ' ')} does not tie out`,
    )
  }
  for (const imbalance of report.imbalances) {
    note(imbalance.paymentId, imbalance.payDate, 'a statement does not come down to its net pay')
  }

  return [...runs].map(([paymentId, run]) => ({
    kind: 'tie_out',
    connectionId,
    paymentId,
    message: `Pay run of ${run.payDate ?? 'an unknown date'}: ${[...run.problems].join('; ')}.`,
  }))
}

function varianceAttention(connectionId: string, report: VarianceReport): AttentionItem[] {
  if (!report.current || report.findings.length === 0) return []
  const count = report.findings.length
  return [
    {
      kind: 'variance',
      connectionId,
      paymentId: report.current.paymentId,
      message: `The ${report.current.payDate ?? 'latest'} run has ${count} ${
        count === 1 ? 'change' : 'changes'
      } against the run before it beyond ${report.changePercent}% or otherwise unusual.`,
    },
  ]
}
