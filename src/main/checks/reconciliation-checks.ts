/**
 * The reconciliation checks over a connection's live snapshot: every pay statement's gross pay
 * must come down to its net pay to the cent, every payment's totals must equal the sums of its
 * statements, its company debit must follow the debit rule, and each pay run's cash need is set
 * against that debit. All sums run in SQLite over integer cents, so totals are exact.
 *
 * A sync stores each complete payment's totals (the register) and its statements' checks, so the
 * checks read a few rows per run. A payment without them (its statements failed, or a cache
 * written another way) is summed from its lines, which is also the reading the stored rows must
 * always agree with (`readReconciliationFromLines`).
 */
import type {
  CashRequirement,
  PaymentCheckField,
  PaymentMismatch,
  ReconciliationReport,
  StatementImbalance,
} from '../../shared/checks'
import { directoryJoinSql } from '../cache/directory-join'
import type { CacheDatabase } from '../cache/open-database'
import { countPayGroups, payGroupNamesOf, readPayGroupNames } from '../review/pay-group-names'

/** More failing statements than this are counted but not listed, to keep one answer small. */
export const MAX_LISTED_IMBALANCES = 1_000

/** The newest pay runs whose cash needs one report carries. */
export const MAX_CASH_RUNS = 400

/**
 * One row per statement with its line sums. A tax line counts as the employer's only when Finch
 * says `employer: true`; a tax with `employer` null is withheld from the employee, as providers
 * that leave it out mean. A line whose amount is null adds nothing.
 */
function statementSumsSql(only = ''): string {
  return `
  SELECT s.statement_row, s.payment_id, s.individual_id, s.gross_pay_cents, s.net_pay_cents,
    coalesce(sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0
      THEN l.amount_cents END), 0) AS employee_taxes_cents,
    coalesce(sum(CASE WHEN l.kind = 'tax' AND l.employer = 1
      THEN l.amount_cents END), 0) AS employer_taxes_cents,
    coalesce(sum(CASE WHEN l.kind = 'employee_deduction'
      THEN l.amount_cents END), 0) AS employee_deductions_cents,
    coalesce(sum(CASE WHEN l.kind = 'employer_contribution'
      THEN l.amount_cents END), 0) AS employer_contributions_cents
  FROM pay_statement s
  LEFT JOIN pay_statement_line l ON l.statement_row = s.statement_row
  WHERE s.connection_id = @connectionId ${only}
  GROUP BY s.statement_row`
}

interface ImbalanceRecord {
  statement_row: number
  payment_id: string
  pay_date: string | null
  individual_id: string
  first_name: string | null
  last_name: string | null
  gross_pay_cents: number
  net_pay_cents: number
  employee_taxes_cents: number
  employee_deductions_cents: number
}

interface PaymentRecord {
  payment_id: string
  pay_date: string | null
  pay_group_ids_json: string | null
  gross_pay_cents: number | null
  net_pay_cents: number | null
  employee_taxes_cents: number | null
  employer_taxes_cents: number | null
  company_debit_cents: number | null
  statement_count: number
  statements_gross_cents: number
  statements_net_cents: number
  statements_employee_taxes_cents: number
  statements_employer_taxes_cents: number
  statements_employer_contributions_cents: number
}

export interface ReconciliationOptions {
  /** Only this pay run's statements and payment; every run when absent. */
  paymentId?: string
  /** How many failing statements to skip, for the next page of them. */
  imbalanceOffset?: number
}

/**
 * The checks from the rows a sync stored, payment by payment, and from the lines of a payment
 * without them. Statements are found through their payment: a statement whose payment is not in
 * the snapshot is not counted, which the sync never leaves (it hides such statements).
 */
export function readReconciliation(
  db: CacheDatabase,
  connectionId: string,
  options: ReconciliationOptions = {},
): ReconciliationReport {
  const payments = readStoredPayments(db, connectionId, options.paymentId)
  const unstored = payments.filter((payment) => payment.register_row === null)
  const summed = new Map(
    readPayments(db, connectionId, idsOf(unstored)).map((record) => [record.payment_id, record]),
  )
  const records = payments.map((payment) =>
    payment.register_row === null ? summed.get(payment.payment_id)! : payment,
  )
  const unstoredCounts = readStatementCounts(db, connectionId, idsOf(unstored))
  const stored = payments.filter((payment) => payment.register_row !== null)
  const total = stored.reduce((sum, payment) => sum + payment.statement_count, 0)
  const unchecked = stored.reduce((sum, payment) => sum + payment.unchecked_statement_count, 0)
  const statementCounts = {
    total: total + unstoredCounts.total,
    unchecked: unchecked + unstoredCounts.unchecked,
  }

  const imbalances = readStoredImbalances(db, connectionId, {
    registerRows: stored.map((payment) => payment.register_row!),
    unstoredPaymentIds: idsOf(unstored),
    offset: options.imbalanceOffset ?? 0,
  })
  return toReport(
    connectionId,
    statementCounts,
    imbalances,
    records,
    readPayGroups(db, connectionId),
  )
}

/**
 * The same report summed from every statement line of the connection, as the checks read before
 * a sync stored their results; the stored rows must always give exactly this.
 */
export function readReconciliationFromLines(
  db: CacheDatabase,
  connectionId: string,
): ReconciliationReport {
  const statementCounts = db
    .prepare(
      `SELECT count(*) AS total,
         count(CASE WHEN gross_pay_cents IS NULL OR net_pay_cents IS NULL THEN 1 END) AS unchecked
       FROM pay_statement WHERE connection_id = ?`,
    )
    .get(connectionId) as { total: number; unchecked: number }

  const imbalances = readImbalances(db, connectionId)
  const payments = readPayments(db, connectionId, null)
  return toReport(
    connectionId,
    statementCounts,
    imbalances,
    payments,
    readPayGroups(db, connectionId),
  )
}

/** What names a pay run beside its pay date: its groups, when the company has several. */
interface PayGroups {
  count: number
  names: ReadonlyMap<string, string>
}

function readPayGroups(db: CacheDatabase, connectionId: string): PayGroups {
  return {
    count: countPayGroups(db, connectionId),
    names: readPayGroupNames(db, connectionId),
  }
}

function toReport(
  connectionId: string,
  statementCounts: { total: number; unchecked: number },
  imbalances: StatementImbalance[],
  payments: PaymentRecord[],
  payGroups: PayGroups,
): ReconciliationReport {
  const withStatements = payments.filter((payment) => payment.statement_count > 0)
  return {
    connectionId,
    payGroupCount: payGroups.count,
    statementsChecked: statementCounts.total - statementCounts.unchecked,
    statementsUnchecked: statementCounts.unchecked,
    paymentsChecked: withStatements.length,
    paymentsUnchecked: payments.length - withStatements.length,
    imbalances: imbalances.slice(0, MAX_LISTED_IMBALANCES),
    imbalancesTruncated: imbalances.length > MAX_LISTED_IMBALANCES,
    paymentMismatches: withStatements.flatMap((payment) =>
      paymentMismatches(payment, payGroupNamesOf(payment.pay_group_ids_json, payGroups.names)),
    ),
    cashRequirements: withStatements
      .slice(0, MAX_CASH_RUNS)
      .map((payment) =>
        toCashRequirement(payment, payGroupNamesOf(payment.pay_group_ids_json, payGroups.names)),
      ),
  }
}

function idsOf(payments: readonly { payment_id: string }[]): string[] {
  return payments.map((payment) => payment.payment_id)
}

interface StoredPaymentRecord extends PaymentRecord {
  register_row: number | null
  unchecked_statement_count: number
}

/** The connection's live snapshot id, as SQL over `@connectionId`. */
const LIVE_SQL =
  '(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = @connectionId)'

/** The sum of one kind of register column of register row `r`. */
function columnTotalSql(kind: string): string {
  return `coalesce((SELECT sum(k.total_cents) FROM payment_register_column_version k
    WHERE k.register_row = r.register_row AND k.column_kind = '${kind}'), 0)`
}

/**
 * Every live payment, newest first, with its stored totals where its statements were checked at
 * sync time (`register_row` set); the others carry nulls and are summed from their lines.
 */
function readStoredPayments(
  db: CacheDatabase,
  connectionId: string,
  paymentId: string | undefined,
): StoredPaymentRecord[] {
  return db
    .prepare(
      `WITH stored AS (
         SELECT r.register_row, r.payment_id, r.statement_count, r.gross_pay_cents,
           r.net_pay_cents, k.unchecked_statement_count
         FROM payment_register_version r
           JOIN payment_register_check k ON k.register_row = r.register_row
         WHERE r.connection_id = @connectionId AND r.added_snapshot <= ${LIVE_SQL}
           AND (r.removed_snapshot IS NULL OR r.removed_snapshot > ${LIVE_SQL})
           AND (@paymentId IS NULL OR r.payment_id = @paymentId))
       SELECT p.payment_id, p.pay_date, p.pay_group_ids_json, p.gross_pay_cents, p.net_pay_cents,
         p.employee_taxes_cents, p.employer_taxes_cents, p.company_debit_cents,
         r.register_row, coalesce(r.unchecked_statement_count, 0) AS unchecked_statement_count,
         coalesce(r.statement_count, 0) AS statement_count,
         coalesce(r.gross_pay_cents, 0) AS statements_gross_cents,
         coalesce(r.net_pay_cents, 0) AS statements_net_cents,
         ${columnTotalSql('tax')} AS statements_employee_taxes_cents,
         ${columnTotalSql('employer_tax')} AS statements_employer_taxes_cents,
         ${columnTotalSql('employer_contribution')} AS statements_employer_contributions_cents
       FROM payment p LEFT JOIN stored r ON r.payment_id = p.payment_id
       WHERE p.connection_id = @connectionId AND (@paymentId IS NULL OR p.payment_id = @paymentId)
       ORDER BY p.pay_date DESC, p.payment_id`,
    )
    .all({ connectionId, paymentId: paymentId ?? null }) as StoredPaymentRecord[]
}

function readStatementCounts(
  db: CacheDatabase,
  connectionId: string,
  paymentIds: readonly string[],
): { total: number; unchecked: number } {
  if (paymentIds.length === 0) return { total: 0, unchecked: 0 }
  return db
    .prepare(
      `SELECT count(*) AS total,
         count(CASE WHEN gross_pay_cents IS NULL OR net_pay_cents IS NULL THEN 1 END) AS unchecked
       FROM pay_statement
       WHERE connection_id = ? AND payment_id IN (SELECT value FROM json_each(?))`,
    )
    .get(connectionId, JSON.stringify(paymentIds)) as { total: number; unchecked: number }
}

/**
 * The failing statements, stored ones of checked payments and summed ones of the others
 * together, in the report's order, one page of them from `offset`.
 */
function readStoredImbalances(
  db: CacheDatabase,
  connectionId: string,
  page: { registerRows: number[]; unstoredPaymentIds: string[]; offset: number },
): StatementImbalance[] {
  const records = db
    .prepare(
      `WITH sums AS (${statementSumsSql('AND s.payment_id IN (SELECT value FROM json_each(@unstored))')}),
       failing AS (
         SELECT s.statement_row, s.payment_id, s.individual_id, s.gross_pay_cents,
           s.net_pay_cents, i.employee_taxes_cents, i.employee_deductions_cents
         FROM payment_register_imbalance i
           JOIN pay_statement_version s ON s.statement_row = i.statement_row
         WHERE i.register_row IN (SELECT value FROM json_each(@stored))
         UNION ALL
         SELECT statement_row, payment_id, individual_id, gross_pay_cents, net_pay_cents,
           employee_taxes_cents, employee_deductions_cents
         FROM sums
         WHERE gross_pay_cents IS NOT NULL AND net_pay_cents IS NOT NULL
           AND gross_pay_cents - employee_taxes_cents - employee_deductions_cents
             <> net_pay_cents)
       SELECT failing.*, p.pay_date, d.first_name, d.last_name
       FROM failing
       LEFT JOIN payment p ON p.connection_id = @connectionId AND p.payment_id = failing.payment_id
       ${directoryJoinSql('d', '@connectionId', 'failing.individual_id')}
       ORDER BY p.pay_date DESC, failing.payment_id, d.last_name, d.first_name,
         failing.individual_id, failing.statement_row
       LIMIT @limit OFFSET @offset`,
    )
    .all({
      connectionId,
      stored: JSON.stringify(page.registerRows),
      unstored: JSON.stringify(page.unstoredPaymentIds),
      limit: MAX_LISTED_IMBALANCES + 1,
      offset: page.offset,
    }) as ImbalanceRecord[]
  return records.map(toImbalance)
}

function readImbalances(db: CacheDatabase, connectionId: string): StatementImbalance[] {
  const records = db
    .prepare(
      `WITH sums AS (${statementSumsSql()})
       SELECT sums.*, p.pay_date, d.first_name, d.last_name
       FROM sums
       LEFT JOIN payment p ON p.connection_id = @connectionId AND p.payment_id = sums.payment_id
       LEFT JOIN directory_entry d
         ON d.connection_id = @connectionId AND d.individual_id = sums.individual_id
       WHERE sums.gross_pay_cents IS NOT NULL AND sums.net_pay_cents IS NOT NULL
         AND sums.gross_pay_cents - sums.employee_taxes_cents - sums.employee_deductions_cents
           <> sums.net_pay_cents
       ORDER BY p.pay_date DESC, sums.payment_id, d.last_name, d.first_name, sums.individual_id
       LIMIT @limit`,
    )
    .all({ connectionId, limit: MAX_LISTED_IMBALANCES + 1 }) as ImbalanceRecord[]
  return records.map(toImbalance)
}

function toImbalance(record: ImbalanceRecord): StatementImbalance {
  const expectedNetCents =
    record.gross_pay_cents - record.employee_taxes_cents - record.employee_deductions_cents
  return {
    paymentId: record.payment_id,
    payDate: record.pay_date,
    individualId: record.individual_id,
    personName: personName(record.first_name, record.last_name),
    grossPayCents: record.gross_pay_cents,
    employeeTaxesCents: record.employee_taxes_cents,
    employeeDeductionsCents: record.employee_deductions_cents,
    expectedNetCents,
    netPayCents: record.net_pay_cents,
    differenceCents: record.net_pay_cents - expectedNetCents,
  }
}

/** Payments with their statements' sums from the lines: those of `paymentIds`, or all. */
function readPayments(
  db: CacheDatabase,
  connectionId: string,
  paymentIds: readonly string[] | null,
): PaymentRecord[] {
  if (paymentIds?.length === 0) return []
  const only = paymentIds ? 'AND s.payment_id IN (SELECT value FROM json_each(@paymentIds))' : ''
  return db
    .prepare(
      `WITH sums AS (${statementSumsSql(only)}),
       totals AS (
         SELECT payment_id, count(*) AS statement_count,
           coalesce(sum(gross_pay_cents), 0) AS statements_gross_cents,
           coalesce(sum(net_pay_cents), 0) AS statements_net_cents,
           sum(employee_taxes_cents) AS statements_employee_taxes_cents,
           sum(employer_taxes_cents) AS statements_employer_taxes_cents,
           sum(employer_contributions_cents) AS statements_employer_contributions_cents
         FROM sums GROUP BY payment_id)
       SELECT p.payment_id, p.pay_date, p.pay_group_ids_json, p.gross_pay_cents, p.net_pay_cents,
         p.employee_taxes_cents, p.employer_taxes_cents, p.company_debit_cents,
         coalesce(t.statement_count, 0) AS statement_count,
         coalesce(t.statements_gross_cents, 0) AS statements_gross_cents,
         coalesce(t.statements_net_cents, 0) AS statements_net_cents,
         coalesce(t.statements_employee_taxes_cents, 0) AS statements_employee_taxes_cents,
         coalesce(t.statements_employer_taxes_cents, 0) AS statements_employer_taxes_cents,
         coalesce(t.statements_employer_contributions_cents, 0)
           AS statements_employer_contributions_cents
       FROM payment p LEFT JOIN totals t ON t.payment_id = p.payment_id
       WHERE p.connection_id = @connectionId
         ${paymentIds ? 'AND p.payment_id IN (SELECT value FROM json_each(@paymentIds))' : ''}
       ORDER BY p.pay_date DESC, p.payment_id`,
    )
    .all({
      connectionId,
      ...(paymentIds ? { paymentIds: JSON.stringify(paymentIds) } : {}),
    }) as PaymentRecord[]
}

/** A payment's figures that Finch left null are not compared: there is nothing to disagree. */
function paymentMismatches(
  record: PaymentRecord,
  payGroupNames: (string | null)[],
): PaymentMismatch[] {
  const comparisons: [PaymentCheckField, number | null, number | null][] = [
    ['gross_pay', record.gross_pay_cents, record.statements_gross_cents],
    ['net_pay', record.net_pay_cents, record.statements_net_cents],
    ['employee_taxes', record.employee_taxes_cents, record.statements_employee_taxes_cents],
    ['employer_taxes', record.employer_taxes_cents, record.statements_employer_taxes_cents],
    ['company_debit', record.company_debit_cents, expectedDebitCents(record)],
  ]

  return comparisons.flatMap(([field, paymentCents, expectedCents]) =>
    paymentCents === null || expectedCents === null || paymentCents === expectedCents
      ? []
      : [
          {
            paymentId: record.payment_id,
            payDate: record.pay_date,
            payGroupNames,
            field,
            expectedCents,
            paymentCents,
            differenceCents: paymentCents - expectedCents,
          },
        ],
  )
}

/** The debit rule reads the payment's own figures, so a wrong total is reported once, not twice. */
function expectedDebitCents(record: PaymentRecord): number | null {
  const { net_pay_cents, employee_taxes_cents, employer_taxes_cents } = record
  if (net_pay_cents === null || employee_taxes_cents === null || employer_taxes_cents === null) {
    return null
  }
  return net_pay_cents + employee_taxes_cents + employer_taxes_cents
}

/** Cash needs come from the statements, which carry employer contributions the payment lacks. */
function toCashRequirement(
  record: PaymentRecord,
  payGroupNames: (string | null)[],
): CashRequirement {
  const cashRequiredCents =
    record.statements_net_cents +
    record.statements_employee_taxes_cents +
    record.statements_employer_taxes_cents +
    record.statements_employer_contributions_cents
  return {
    paymentId: record.payment_id,
    payDate: record.pay_date,
    payGroupNames,
    statementCount: record.statement_count,
    netPayCents: record.statements_net_cents,
    employeeTaxesCents: record.statements_employee_taxes_cents,
    employerTaxesCents: record.statements_employer_taxes_cents,
    employerContributionsCents: record.statements_employer_contributions_cents,
    cashRequiredCents,
    companyDebitCents: record.company_debit_cents,
    outsideDebitCents:
      record.company_debit_cents === null ? null : cashRequiredCents - record.company_debit_cents,
  }
}

function personName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter(Boolean).join(' ')
  return name === '' ? null : name
}
