/**
 * Reads a client company's dashboard from the cache's live snapshot: every total is summed by
 * SQLite, so only a few rows per pay run cross to the renderer, never the statements. A run's
 * statements are summed by department once per snapshot and kept in `dashboard_department_total`
 * (a 10,000-person run has some 140,000 lines, too many to sum on every visit); the checks in
 * `attention` read the per-payment rows a sync stores for them.
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
  employee_taxes_cents: number | null
  employee_deductions_cents: number | null
}

/** One pay run's statements of one department, summed. */
interface StatementSlice extends StatementTotals {
  payment_id: string
  department: string
}

/** True for a row (under `alias`) of the snapshot bound as `@live`. */
function live(alias: string): string {
  return `${alias}.added_snapshot <= @live
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > @live)`
}

export interface DashboardOptions {
  now?: () => Date
}

export class DashboardQueries {
  private readonly now: () => Date
  /** The checks' findings of each connection's live snapshot, by snapshot. */
  private readonly checkedSnapshots = new Map<string, { key: string; items: AttentionItem[] }>()

  constructor(
    private readonly db: CacheDatabase,
    options: DashboardOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
  }

  read(connectionId: string, period: DashboardPeriod): ClientDashboard {
    const liveId = this.liveSnapshotId(connectionId)
    const range = liveId === null ? null : this.range(connectionId, liveId, period)
    const runs = liveId !== null && range ? this.runs(connectionId, liveId, range) : []
    const slices = liveId === null ? [] : this.slices(connectionId, liveId, runs)

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
      headcount: liveId !== null && range ? this.headcount(connectionId, liveId, range) : [],
      departments: [...byDepartment.values()].sort(
        (a, b) =>
          b.grossPayCents + b.employerCostCents - (a.grossPayCents + a.employerCostCents) ||
          a.department.localeCompare(b.department),
      ),
      latestSplit: latest ? grossSplit(latest, byRun.get(latest.payment_id)) : null,
    }
  }

  /**
   * Sums every pay run of the live snapshot ahead of the first visit, one run per turn of the
   * event loop so other reads are answered in between. Called after a sync; `read` sums any run
   * this has not reached yet itself, so the dashboard never depends on it having finished.
   */
  async prepare(connectionId: string): Promise<void> {
    const liveId = this.liveSnapshotId(connectionId)
    if (liveId === null) return
    const payments = this.db
      .prepare(
        `SELECT p.payment_id FROM payment_version p
         WHERE p.connection_id = @connection AND ${live('p')}
           AND p.payment_id NOT IN (SELECT payment_id FROM dashboard_summed_payment
             WHERE connection_id = @connection AND snapshot_id = @live)
         ORDER BY p.pay_date DESC`,
      )
      .pluck()
      .all({ connection: connectionId, live: liveId }) as string[]

    for (const paymentId of payments) {
      await new Promise((resolve) => setImmediate(resolve))
      // A sync that swapped meanwhile leaves this snapshot's totals to its own preparation.
      if (this.liveSnapshotId(connectionId) !== liveId) return
      this.sumPayments(connectionId, liveId, [paymentId])
    }
  }

  /**
   * What needs the accountant: the connection's own state, then the reconciliation checks and
   * the latest run's variance. Read apart from the charts, so a slow check never holds them up.
   */
  attention(connectionId: string): AttentionItem[] {
    return [...this.connectionAttention(connectionId), ...this.checksAttention(connectionId)]
  }

  /**
   * The checks' findings change only with the live snapshot, so they are read once per snapshot:
   * a payment whose stored checks are missing is summed from its lines, which can take seconds.
   */
  private checksAttention(connectionId: string): AttentionItem[] {
    const snapshot = this.db
      .prepare(
        `SELECT c.live_snapshot_id AS id, s.swapped_at AS swappedAt
         FROM connection c LEFT JOIN sync_snapshot s ON s.snapshot_id = c.live_snapshot_id
         WHERE c.connection_id = ?`,
      )
      .get(connectionId) as { id: number | null; swappedAt: string | null } | undefined
    const key = `${snapshot?.id ?? ''} ${snapshot?.swappedAt ?? ''}`
    const known = this.checkedSnapshots.get(connectionId)
    if (known?.key === key) return known.items

    const items = [
      ...tieOutAttention(connectionId, readReconciliation(this.db, connectionId)),
      ...varianceAttention(connectionId, readRunVariance(this.db, { connectionId })),
    ]
    this.checkedSnapshots.set(connectionId, { key, items })
    return items
  }

  private liveSnapshotId(connectionId: string): number | null {
    const row = this.db
      .prepare('SELECT live_snapshot_id AS id FROM connection WHERE connection_id = ?')
      .get(connectionId) as { id: number | null } | undefined
    return row?.id ?? null
  }

  private range(
    connectionId: string,
    liveId: number,
    period: DashboardPeriod,
  ): { from: string; to: string } | null {
    const modifier = PERIOD_MODIFIERS[period]
    const row = this.db
      .prepare(
        `SELECT max(p.pay_date) AS last, min(p.pay_date) AS first,
           date(max(p.pay_date), coalesce(@modifier, '+0 days'), '+1 day') AS since
         FROM payment_version p
         WHERE p.connection_id = @connection AND ${live('p')} AND p.pay_date IS NOT NULL`,
      )
      .get({ modifier, connection: connectionId, live: liveId }) as {
      last: string | null
      first: string
      since: string
    }
    if (row.last === null) return null
    return { from: modifier === null ? row.first : row.since, to: row.last }
  }

  private runs(
    connectionId: string,
    liveId: number,
    range: { from: string; to: string },
  ): RunRow[] {
    return this.db
      .prepare(
        `SELECT p.payment_id, p.pay_date, p.gross_pay_cents, p.net_pay_cents,
           p.employer_taxes_cents
         FROM payment_version p
         WHERE p.connection_id = @connection AND ${live('p')}
           AND p.pay_date BETWEEN @from AND @to
         ORDER BY p.pay_date, p.row_id`,
      )
      .all({ connection: connectionId, live: liveId, ...range }) as RunRow[]
  }

  /** The runs' per-department totals, summing any run not summed for this snapshot yet. */
  private slices(connectionId: string, liveId: number, runs: RunRow[]): StatementSlice[] {
    if (runs.length === 0) return []
    const ids = JSON.stringify(runs.map((run) => run.payment_id))
    const params = { connection: connectionId, live: liveId, ids }
    const missing = this.db
      .prepare(
        `SELECT value FROM json_each(@ids) WHERE value NOT IN (SELECT payment_id
           FROM dashboard_summed_payment WHERE connection_id = @connection AND snapshot_id = @live)`,
      )
      .pluck()
      .all(params) as string[]
    if (missing.length > 0) this.sumPayments(connectionId, liveId, missing)

    return this.db
      .prepare(
        `SELECT payment_id, department, statement_count, gross_pay_cents, net_pay_cents,
           employer_taxes_cents, employer_contributions_cents, employee_taxes_cents,
           employee_deductions_cents
         FROM dashboard_department_total
         WHERE connection_id = @connection AND snapshot_id = @live
           AND payment_id IN (SELECT value FROM json_each(@ids))`,
      )
      .all(params) as StatementSlice[]
  }

  /**
   * Sums the statements of each run by department, in one transaction per call: the register's
   * own totals, which the run, department and split charts all fold from. The totals of other
   * snapshots than the live one go first, as nothing reads them any more.
   */
  private sumPayments(connectionId: string, liveId: number, paymentIds: string[]): void {
    const params = { connection: connectionId, live: liveId, none: NO_DEPARTMENT }
    const sum = this.db.prepare(
      `INSERT INTO dashboard_department_total (connection_id, snapshot_id, payment_id, department,
         statement_count, gross_pay_cents, net_pay_cents, employer_taxes_cents,
         employer_contributions_cents, employee_taxes_cents, employee_deductions_cents)
       WITH statements AS (
         SELECT s.statement_row, s.gross_pay_cents, s.net_pay_cents,
           coalesce(nullif(e.department, ''), @none) AS department
         FROM pay_statement_version s INDEXED BY pay_statement_version_by_payment
         LEFT JOIN employment_version e INDEXED BY employment_version_by_person
           ON e.connection_id = s.connection_id AND e.individual_id = s.individual_id
             AND ${live('e')}
         WHERE s.connection_id = @connection AND s.payment_id = @payment AND ${live('s')}
       ),
       line_sums AS (
         SELECT l.statement_row,
           sum(CASE WHEN l.kind = 'tax' AND l.employer = 1 THEN l.amount_cents END)
             AS employer_taxes,
           sum(CASE WHEN l.kind = 'employer_contribution' THEN l.amount_cents END)
             AS employer_contributions,
           sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0 THEN l.amount_cents END)
             AS employee_taxes,
           sum(CASE WHEN l.kind = 'employee_deduction' THEN l.amount_cents END)
             AS employee_deductions
         FROM statements st JOIN pay_statement_line_version l ON l.statement_row = st.statement_row
         GROUP BY l.statement_row
       )
       SELECT @connection, @live, @payment, department, count(*), sum(gross_pay_cents),
         sum(net_pay_cents), sum(employer_taxes), sum(employer_contributions),
         sum(employee_taxes), sum(employee_deductions)
       FROM statements LEFT JOIN line_sums USING (statement_row)
       GROUP BY department`,
    )
    const mark = this.db.prepare(
      `INSERT INTO dashboard_summed_payment (connection_id, snapshot_id, payment_id)
       VALUES (@connection, @live, @payment)`,
    )

    this.db.transaction(() => {
      for (const table of ['dashboard_department_total', 'dashboard_summed_payment']) {
        this.db
          .prepare(`DELETE FROM ${table} WHERE connection_id = ? AND snapshot_id <> ?`)
          .run(connectionId, liveId)
      }
      for (const payment of paymentIds) {
        sum.run({ ...params, payment })
        mark.run({ ...params, payment })
      }
    })()
  }

  /**
   * Who was employed on each pay date, and who started or left since the one before. The people
   * are read once (10,000 pairs of dates from an index) and counted here: SQLite would compare
   * every person with every pay date through a join, which costs far more than the counting.
   */
  private headcount(
    connectionId: string,
    liveId: number,
    range: { from: string; to: string },
  ): HeadcountPoint[] {
    const params = { connection: connectionId, live: liveId, ...range }
    const dates = this.db
      .prepare(
        `SELECT DISTINCT p.pay_date FROM payment_version p
         WHERE p.connection_id = @connection AND ${live('p')}
           AND p.pay_date BETWEEN @from AND @to
         ORDER BY p.pay_date`,
      )
      .pluck()
      .all(params) as string[]
    if (dates.length === 0) return []
    // Finch dates may carry a time; the first ten characters are the calendar date.
    const people = this.db
      .prepare(
        `SELECT substr(e.start_date, 1, 10) AS started, substr(e.end_date, 1, 10) AS ended
         FROM employment_version e INDEXED BY employment_version_filters
         WHERE e.connection_id = @connection AND ${live('e')}`,
      )
      .raw()
      .all(params) as [string | null, string | null][]

    const firstDay = this.db.prepare(`SELECT date(?, '-1 day')`).pluck().get(range.from) as string
    return dates.map((payDate, index) => {
      const previous = dates[index - 1] ?? firstDay
      const within = (date: string | null) => date !== null && date > previous && date <= payDate
      let active = 0
      let hires = 0
      let terminations = 0
      // A person without a start date is counted nowhere, as SQL's comparisons with null are not.
      for (const [started, ended] of people) {
        if (started !== null && started <= payDate && (ended === null || ended >= payDate)) {
          active++
        }
        if (within(started)) hires++
        if (within(ended)) terminations++
      }
      return { payDate, active, hires, terminations }
    })
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
  run.employee_taxes_cents = add(run.employee_taxes_cents, slice.employee_taxes_cents)
  run.employee_deductions_cents = add(
    run.employee_deductions_cents,
    slice.employee_deductions_cents,
  )
}

/** The latest run's gross pay broken into what the employee kept and what was withheld. */
function grossSplit(run: RunRow, statements: StatementTotals | undefined): GrossSplit {
  return {
    paymentId: run.payment_id,
    payDate: run.pay_date,
    grossPayCents: run.gross_pay_cents ?? 0,
    employeeTaxesCents: statements?.employee_taxes_cents ?? 0,
    employeeDeductionsCents: statements?.employee_deductions_cents ?? 0,
    netPayCents: run.net_pay_cents ?? 0,
  }
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

  return [...runs].map(([paymentId, run]) => {
    const problems = [...run.problems].join('; ')
    return {
      kind: 'tie_out',
      connectionId,
      paymentId,
      payDate: run.payDate,
      message: `${problems.charAt(0).toUpperCase()}${problems.slice(1)}.`,
    }
  })
}

function varianceAttention(connectionId: string, report: VarianceReport): AttentionItem[] {
  if (!report.current || report.findings.length === 0) return []
  const count = report.findings.length
  return [
    {
      kind: 'variance',
      connectionId,
      paymentId: report.current.paymentId,
      payDate: report.current.payDate,
      message: `${count} ${
        count === 1 ? 'change' : 'changes'
      } against the run before it beyond ${report.changePercent}% or otherwise unusual.`,
    },
  ]
}
