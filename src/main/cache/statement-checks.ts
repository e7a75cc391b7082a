/**
 * The checks' per-statement results as a sync writes them, next to a payment's register totals:
 * how many statements lack gross or net pay, each statement whose gross less employee taxes and
 * deductions is not its net pay, the payment's earning and deduction types, and each person's
 * overtime. The checks read these instead of every line; a payment without them (its statements
 * failed) is checked from its lines.
 */
import type { CacheDatabase } from './open-database'
import type { PaymentRegisterTarget } from './payment-register'

/**
 * A statement's employee taxes and deductions from its lines. A tax counts as the employer's
 * only when Finch says `employer: true`; with `employer` null it was withheld from the employee.
 * A line whose amount is null adds nothing. The reconciliation's line-based reading sums alike.
 */
const STATEMENT_BALANCE_COLUMNS_SQL = `s.statement_row, s.gross_pay_cents, s.net_pay_cents,
    coalesce(sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0
      THEN l.amount_cents END), 0) AS employee_taxes_cents,
    coalesce(sum(CASE WHEN l.kind = 'employee_deduction'
      THEN l.amount_cents END), 0) AS employee_deductions_cents`

const STATEMENTS_SQL = 'pay_statement_version s INDEXED BY pay_statement_version_by_payment'

/** The statements of payment `@payment`: those snapshot `@snapshot` wrote, or the live ones. */
function statementsSql(of: 'snapshot' | 'live'): string {
  const live = '(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = @connection)'
  const version =
    of === 'snapshot'
      ? 's.added_snapshot = @snapshot'
      : `s.added_snapshot <= ${live} AND (s.removed_snapshot IS NULL OR s.removed_snapshot > ${live})`
  return `s.connection_id = @connection AND s.payment_id = @payment AND ${version}`
}

/** Finch's earning type for overtime; providers that map it send exactly this. */
export const OVERTIME_EARNING_TYPE = 'overtime'

/** The inserts for register row `@row`; the migration that adds the tables reuses them. */
export function statementChecksSql(of: 'snapshot' | 'live'): Record<string, string> {
  // The payment's statements come first, through the by-payment index, named outright: grouped
  // by person, or filtered on line kinds, SQLite otherwise reads every statement or every line
  // of the cache once per payment.
  const lines = `${STATEMENTS_SQL}
    CROSS JOIN pay_statement_line_version l ON l.statement_row = s.statement_row`
  return {
    check: `INSERT INTO payment_register_check (register_row, unchecked_statement_count)
      SELECT @row, count(CASE WHEN s.gross_pay_cents IS NULL OR s.net_pay_cents IS NULL THEN 1 END)
      FROM ${STATEMENTS_SQL} WHERE ${statementsSql(of)}`,
    imbalances: `INSERT INTO payment_register_imbalance (register_row, statement_row,
        employee_taxes_cents, employee_deductions_cents)
      SELECT @row, statement_row, employee_taxes_cents, employee_deductions_cents
      FROM (SELECT ${STATEMENT_BALANCE_COLUMNS_SQL}
        FROM ${STATEMENTS_SQL}
          LEFT JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
        WHERE ${statementsSql(of)}
        GROUP BY s.statement_row)
      WHERE gross_pay_cents IS NOT NULL AND net_pay_cents IS NOT NULL
        AND gross_pay_cents - employee_taxes_cents - employee_deductions_cents <> net_pay_cents`,
    lineTypes: `INSERT INTO payment_register_line_type (register_row, kind, type)
      SELECT DISTINCT @row, l.kind, l.type FROM ${lines}
      WHERE ${statementsSql(of)} AND l.kind IN ('earning', 'employee_deduction')
        AND l.type IS NOT NULL`,
    overtime: `INSERT INTO payment_register_overtime (register_row, individual_id, hours, cents)
      SELECT @row, s.individual_id, sum(l.hours), sum(l.amount_cents) FROM ${lines}
      WHERE ${statementsSql(of)} AND l.kind = 'earning' AND l.type = '${OVERTIME_EARNING_TYPE}'
      GROUP BY s.individual_id`,
  }
}

/**
 * Stores the checks of the statements `snapshotId` wrote for one payment, under the register
 * row written for them. Call it right after `writePaymentRegister`, in the same transaction.
 */
export function writeStatementChecks(db: CacheDatabase, target: PaymentRegisterTarget): void {
  const params = {
    connection: target.connectionId,
    snapshot: target.snapshotId,
    payment: target.paymentId,
  }
  const register = db
    .prepare(
      `SELECT register_row AS row FROM payment_register_version
       WHERE connection_id = @connection AND payment_id = @payment AND added_snapshot = @snapshot
       ORDER BY register_row DESC LIMIT 1`,
    )
    .get(params) as { row: number } | undefined
  if (!register) return

  for (const sql of Object.values(statementChecksSql('snapshot'))) {
    db.prepare(sql).run({ ...params, row: register.row })
  }
}
