/**
 * The reconciliation checks over a connection's live snapshot: every pay statement's gross pay
 * must come down to its net pay to the cent, every payment's totals must equal the sums of its
 * statements, its company debit must follow the debit rule, and each pay run's cash need is set
 * against that debit. All sums run in SQLite over integer cents, so totals are exact.
 */
import type {
  CashRequirement,
  PaymentCheckField,
  PaymentMismatch,
  ReconciliationReport,
  StatementImbalance,
} from '../../shared/checks'
import type { CacheDatabase } from '../cache/open-database'

/** More failing statements than this are counted but not listed, to keep one answer small. */
export const MAX_LISTED_IMBALANCES = 1_000

/** The newest pay runs whose cash needs one report carries. */
export const MAX_CASH_RUNS = 400

/**
 * One row per statement with its line sums. A tax line counts as the employer's only when Finch
 * says `employer: true`; a tax with `employer` null is withheld from the employee, as providers
 * that leave it out mean. A line whose amount is null adds nothing.
 */
const STATEMENT_SUMS_SQL = `
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
  WHERE s.connection_id = @connectionId
  GROUP BY s.statement_row`

interface ImbalanceRecord {
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

export function readReconciliation(db: CacheDatabase, connectionId: string): ReconciliationReport {
  const statementCounts = db
    .prepare(
      `SELECT count(*) AS total,
         count(CASE WHEN gross_pay_cents IS NULL OR net_pay_cents IS NULL THEN 1 END) AS unchecked
       FROM pay_statement WHERE connection_id = ?`,
    )
    .get(connectionId) as { total: number; unchecked: number }

  const imbalances = readImbalances(db, connectionId)
  const payments = readPayments(db, connectionId)
  const withStatements = payments.filter((payment) => payment.statement_count > 0)

  return {
    connectionId,
    statementsChecked: statementCounts.total - statementCounts.unchecked,
    statementsUnchecked: statementCounts.unchecked,
    paymentsChecked: withStatements.length,
    paymentsUnchecked: payments.length - withStatements.length,
    imbalances: imbalances.slice(0, MAX_LISTED_IMBALANCES),
    imbalancesTruncated: imbalances.length > MAX_LISTED_IMBALANCES,
    paymentMismatches: withStatements.flatMap(paymentMismatches),
    cashRequirements: withStatements.slice(0, MAX_CASH_RUNS).map(toCashRequirement),
  }
}

function readImbalances(db: CacheDatabase, connectionId: string): StatementImbalance[] {
  const records = db
    .prepare(
      `WITH sums AS (${STATEMENT_SUMS_SQL})
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

  return records.map((record) => {
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
  })
}

function readPayments(db: CacheDatabase, connectionId: string): PaymentRecord[] {
  return db
    .prepare(
      `WITH sums AS (${STATEMENT_SUMS_SQL}),
       totals AS (
         SELECT payment_id, count(*) AS statement_count,
           coalesce(sum(gross_pay_cents), 0) AS statements_gross_cents,
           coalesce(sum(net_pay_cents), 0) AS statements_net_cents,
           sum(employee_taxes_cents) AS statements_employee_taxes_cents,
           sum(employer_taxes_cents) AS statements_employer_taxes_cents,
           sum(employer_contributions_cents) AS statements_employer_contributions_cents
         FROM sums GROUP BY payment_id)
       SELECT p.payment_id, p.pay_date, p.gross_pay_cents, p.net_pay_cents,
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
       ORDER BY p.pay_date DESC, p.payment_id`,
    )
    .all({ connectionId }) as PaymentRecord[]
}

/** A payment's figures that Finch left null are not compared: there is nothing to disagree. */
function paymentMismatches(record: PaymentRecord): PaymentMismatch[] {
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
function toCashRequirement(record: PaymentRecord): CashRequirement {
  const cashRequiredCents =
    record.statements_net_cents +
    record.statements_employee_taxes_cents +
    record.statements_employer_taxes_cents +
    record.statements_employer_contributions_cents
  return {
    paymentId: record.payment_id,
    payDate: record.pay_date,
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
