/**
 * The year-to-date figures of a payment as a sync writes them, next to its register totals: per
 * person, the statements' count, hours, gross, net and each line category, and the payment's
 * totals per year-to-date line label. The year-to-date and year-end readers sum these rows; for
 * a payment without them (its statements failed on its first read) they sum the lines with the
 * same SQL, so the two can never disagree.
 */
import type { CacheDatabase } from './open-database'
import type { PaymentRegisterTarget } from './payment-register'

/**
 * The tax types the figures keep apart; `other` is any type not listed before it. Migration 012
 * names its columns after these, so another list needs another migration.
 */
export const FIGURE_TAX_TYPES = ['federal', 'fica', 'state', 'local', 'other'] as const

export type FigureTaxType = (typeof FIGURE_TAX_TYPES)[number]

/** The summed line columns, each with the lines (under alias `l`) it adds up. */
export const LINE_FIGURES: readonly (readonly [string, string])[] = [
  ...FIGURE_TAX_TYPES.map((type) => [`employee_${type}_tax_cents`, taxLines(false, type)] as const),
  ...FIGURE_TAX_TYPES.map((type) => [`employer_${type}_tax_cents`, taxLines(true, type)] as const),
  ['pre_tax_deductions_cents', `l.kind = 'employee_deduction' AND l.pre_tax = 1`],
  ['post_tax_deductions_cents', `l.kind = 'employee_deduction' AND coalesce(l.pre_tax, 0) = 0`],
  ['employer_contributions_cents', `l.kind = 'employer_contribution'`],
]

/** Every stored figure column, in table order. */
export const FIGURE_COLUMNS: readonly string[] = [
  'statement_count',
  'incomplete_count',
  'total_hours',
  'gross_pay_cents',
  'net_pay_cents',
  ...LINE_FIGURES.map(([column]) => column),
]

/**
 * A tax with `employer` null is withheld from the employee, as Finch's reconciliation reads it;
 * a tax whose type is missing or not one Finch documents is `other`.
 */
function taxLines(employer: boolean, type: FigureTaxType): string {
  const side = employer ? 'l.employer = 1' : 'coalesce(l.employer, 0) = 0'
  const known = FIGURE_TAX_TYPES.filter((name) => name !== 'other')
    .map((name) => `'${name}'`)
    .join(', ')
  const which = type === 'other' ? `coalesce(l.type, '') NOT IN (${known})` : `l.type = '${type}'`
  return `l.kind = 'tax' AND ${side} AND ${which}`
}

/**
 * The figures of the statements `from` and `where` choose (alias `s`, columns of
 * `pay_statement_version`), one row per `keys` (SQL over `s`, e.g. `s.payment_id,
 * s.individual_id`), the keys first and then `FIGURE_COLUMNS` in order. Lines are summed per
 * statement first, so statement amounts are counted once however many lines they have.
 */
export function statementFiguresSql(query: { keys: string; from: string; where: string }): string {
  const lineSums = LINE_FIGURES.map(
    ([column, lines]) =>
      `coalesce(sum(CASE WHEN ${lines} THEN l.amount_cents END), 0) AS ${column}`,
  ).join(',\n        ')
  const keyColumns = query.keys.split(',').map((key, index) => `${key.trim()} AS key_${index}`)
  const outerKeys = keyColumns.map((_, index) => `st.key_${index}`).join(', ')
  return `SELECT ${outerKeys}, count(*),
      count(CASE WHEN st.gross_pay_cents IS NULL OR st.net_pay_cents IS NULL THEN 1 END),
      coalesce(sum(st.total_hours), 0), coalesce(sum(st.gross_pay_cents), 0),
      coalesce(sum(st.net_pay_cents), 0),
      ${LINE_FIGURES.map(([column]) => `sum(st.${column})`).join(', ')}
    FROM (
      SELECT ${keyColumns.join(', ')}, s.total_hours, s.gross_pay_cents, s.net_pay_cents,
        ${lineSums}
      FROM ${query.from}
        LEFT JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
      WHERE ${query.where}
      GROUP BY s.statement_row) st
    GROUP BY ${outerKeys}`
}

/**
 * The year-to-date label of a line (under alias `l`) and its kind: taxes by who pays them,
 * deductions by whether Finch marks them pre-tax (false or absent is after tax). Only lines that
 * pass `YTD_LINES_SQL` have one.
 */
export const YTD_LINE_KIND_SQL = `CASE
    WHEN l.kind = 'tax' AND l.employer = 1 THEN 'employer_tax'
    WHEN l.kind = 'tax' THEN 'tax'
    WHEN l.pre_tax = 1 THEN 'pre_tax_deduction'
    ELSE 'post_tax_deduction' END`

export const YTD_LINE_LABEL_SQL = `coalesce(nullif(trim(l.name), ''), nullif(trim(l.type), ''),
    'Unnamed')`

export const YTD_LINES_SQL = `l.is_null_entry = 0 AND l.kind IN ('tax', 'employee_deduction')`

/**
 * Stores the figures of the statements `snapshotId` wrote for one payment, under the register
 * row written for them. Call it right after `writePaymentRegister`, in the same transaction.
 */
export function writePersonTotals(db: CacheDatabase, target: PaymentRegisterTarget): void {
  const params = {
    connection: target.connectionId,
    snapshot: target.snapshotId,
    payment: target.paymentId,
  }
  const register = db
    .prepare(
      `SELECT register_row FROM payment_register_version
       WHERE connection_id = @connection AND payment_id = @payment AND added_snapshot = @snapshot
       ORDER BY register_row DESC LIMIT 1`,
    )
    .get(params) as { register_row: number } | undefined
  if (!register) return
  const statements = `s.connection_id = @connection AND s.payment_id = @payment
    AND s.added_snapshot = @snapshot`

  db.prepare(
    `INSERT INTO payment_person_total_version (register_row, individual_id,
       ${FIGURE_COLUMNS.join(', ')})
     ${statementFiguresSql({
       keys: '@row, s.individual_id',
       from: 'pay_statement_version s',
       where: statements,
     })}`,
  ).run({ ...params, row: register.register_row })
  db.prepare(
    `INSERT INTO payment_ytd_line_version (register_row, kind, label, total_cents)
     SELECT @row, ${YTD_LINE_KIND_SQL} AS kind, ${YTD_LINE_LABEL_SQL} AS label,
       coalesce(sum(l.amount_cents), 0)
     FROM pay_statement_version s
       JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
     WHERE ${statements} AND ${YTD_LINES_SQL}
     GROUP BY 2, 3`, // by position: a bare `kind` would group by the line's own kind
  ).run({ ...params, row: register.register_row })
}

/** Which people of the year a figures query keeps. */
export type PeopleFilter = 'all' | 'one' | 'some'

function personCondition(column: string, people: PeopleFilter): string {
  if (people === 'one') return `${column} = @individualId`
  if (people === 'some') return `${column} IN (SELECT value FROM json_each(@individualIds))`
  return '1'
}

/**
 * A CTE of the connection's payments paid in a year (`@connectionId`, `@from`, `@to`), each with
 * its live register row (null when it has no stored totals).
 */
export const YEAR_PAYMENT_SQL = `year_payment AS MATERIALIZED (
    SELECT p.payment_id, r.register_row
    FROM payment p LEFT JOIN payment_register r
      ON r.connection_id = p.connection_id AND r.payment_id = p.payment_id
    WHERE p.connection_id = @connectionId AND p.pay_date BETWEEN @from AND @to)`

/** True for a row (under `alias`) of the live snapshot of `@connectionId`. */
export function liveRowSql(alias: string): string {
  const live = '(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = @connectionId)'
  return `${alias}.added_snapshot <= ${live}
      AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > ${live})`
}

/**
 * The live statements (alias `s`) of the year's payments (alias `yp`, after `year_payment`)
 * that have no stored figures, for a FROM clause. The join order and index are fixed: left to
 * itself SQLite reads every statement of the connection to find the few of such payments.
 */
export const UNSUMMED_STATEMENTS_FROM_SQL = `year_payment yp
    CROSS JOIN pay_statement_version s INDEXED BY pay_statement_version_by_payment
      ON s.connection_id = @connectionId AND s.payment_id = yp.payment_id
        AND yp.register_row IS NULL AND ${liveRowSql('s')}`

/**
 * CTEs for a year's figures of a connection, from the payments whose pay date falls in it
 * (`@connectionId`, `@from`, `@to`): `year_payment` (each payment and its live register row, if
 * it has one) and `person_year` (one row per person paid: `individual_id` and `FIGURE_COLUMNS`).
 * A payment with stored figures adds one row per person; one without (its statements failed on
 * its first read, or were written before the figures were) is summed from its lines. `@individualId` or
 * `@individualIds` (a JSON array) narrows the people.
 */
export function personYearSql(people: PeopleFilter): string {
  const sums = FIGURE_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(', ')
  return `WITH ${YEAR_PAYMENT_SQL},
  person_payment (individual_id, ${FIGURE_COLUMNS.join(', ')}) AS (
    SELECT t.individual_id, ${FIGURE_COLUMNS.map((column) => `t.${column}`).join(', ')}
    FROM year_payment yp JOIN payment_person_total_version t ON t.register_row = yp.register_row
    WHERE ${personCondition('t.individual_id', people)}
    UNION ALL
    ${statementFiguresSql({
      keys: 's.individual_id',
      from: UNSUMMED_STATEMENTS_FROM_SQL,
      where: personCondition('s.individual_id', people),
    })}),
  person_year AS (
    SELECT individual_id, ${sums} FROM person_payment GROUP BY individual_id)`
}
