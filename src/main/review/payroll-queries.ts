/**
 * The payroll review's reads: pay runs by date range and pay group, a pay run's register a
 * window of statements at a time, its column totals and reconciliation against the payment,
 * and one statement's lines. Every read goes through the live views and is bounded by a limit
 * or by one payment, so no caller can pull a whole cache over IPC.
 */
import type {
  PayGroupChoice,
  PayRun,
  PayRunFilters,
  PayRunPage,
  PayStatementDetail,
  RegisterColumn,
  RegisterLineKind,
  RegisterPage,
  RegisterReconciliation,
  RegisterRow,
  RegisterSummary,
  StatementLine,
  StatementLineKind,
} from '../../shared/payroll-review'
import { REGISTER_LINE_KINDS } from '../../shared/payroll-review'
import type { CacheDatabase } from '../cache/open-database'
import { directoryJoinSql } from '../cache/directory-join'
import { COLUMN_LINES_SQL, LINE_COLUMN_SQL } from '../cache/payment-register'
import { parsePayGroupIds, readPayGroupNames } from './pay-group-names'

/** More pay groups than this are left out of the filter; the runs stay listed. */
export const MAX_PAY_GROUPS = 500

type SqlParams = Record<string, string | number>

interface PaymentRecord {
  payment_id: string
  pay_date: string | null
  pay_period_start: string | null
  pay_period_end: string | null
  gross_pay_cents: number | null
  employee_taxes_cents: number | null
  employer_taxes_cents: number | null
  net_pay_cents: number | null
  company_debit_cents: number | null
  individual_count: number | null
  pay_group_ids_json: string | null
}

const PAYMENT_COLUMNS = `p.payment_id, p.pay_date, p.pay_period_start, p.pay_period_end,
  p.gross_pay_cents, p.employee_taxes_cents, p.employer_taxes_cents, p.net_pay_cents,
  p.company_debit_cents, p.individual_count, p.pay_group_ids_json`

const PERSON_NAME_SQL = `nullif(trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')), '')`

const PERSON_JOIN = directoryJoinSql('d', 's.connection_id', 's.individual_id')

/**
 * The register in the directory's order: last name, first name, without regard to case, then
 * the individual id, and Finch's position for a person paid twice in one run, so pages never
 * overlap. A person the directory lacks has no name and comes first, as in the directory.
 */
const REGISTER_ORDER = `d.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, s.individual_id,
  s.position`

export interface PayRunWindowQuery extends PayRunFilters {
  connectionId: string
  offset: number
  limit: number
}

export interface RegisterWindowQuery {
  connectionId: string
  paymentId: string
  offset: number
  limit: number
}

/** A pay run's statement count, sums and register columns with their totals. */
interface RegisterTotals {
  statements: number
  hours: number
  gross: number
  net: number
  columns: RegisterColumn[]
}

export class PayrollReviewQueries {
  constructor(private readonly db: CacheDatabase) {}

  /** The connection's pay groups by name, at most `MAX_PAY_GROUPS` of them. */
  payGroups(connectionId: string): PayGroupChoice[] {
    return this.db
      .prepare(
        `SELECT pay_group_id AS payGroupId, name FROM pay_group WHERE connection_id = ?
         ORDER BY name COLLATE NOCASE, pay_group_id LIMIT ?`,
      )
      .all(connectionId, MAX_PAY_GROUPS) as PayGroupChoice[]
  }

  /** Pay runs newest first, filtered by pay date (inclusive) and pay group. */
  payRuns(query: PayRunWindowQuery): PayRunPage {
    const params: SqlParams = { connectionId: query.connectionId }
    const conditions = ['p.connection_id = @connectionId']
    if (query.from !== undefined) {
      conditions.push('p.pay_date >= @from')
      params.from = query.from
    }
    if (query.to !== undefined) {
      conditions.push('p.pay_date <= @to')
      params.to = query.to
    }
    if (query.payGroupId !== undefined) {
      conditions.push(
        'EXISTS (SELECT 1 FROM json_each(p.pay_group_ids_json) g WHERE g.value = @payGroupId)',
      )
      params.payGroupId = query.payGroupId
    }
    const where = conditions.join(' AND ')

    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM payment p WHERE ${where}`).get(params) as {
        n: number
      }
    ).n
    const rows = this.db
      .prepare(
        `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE ${where}
         ORDER BY p.pay_date DESC, p.payment_id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as PaymentRecord[]
    const groupNames = readPayGroupNames(this.db, query.connectionId)
    return { total, offset: query.offset, rows: rows.map((row) => toPayRun(row, groupNames)) }
  }

  /**
   * The register's header: its columns with their totals, discovered from the run's lines, and
   * the payment's own totals beside the statements' sums. Null when the payment is not cached.
   */
  registerSummary(connectionId: string, paymentId: string): RegisterSummary | null {
    const payment = this.db
      .prepare(
        `SELECT ${PAYMENT_COLUMNS} FROM payment p
         WHERE p.connection_id = ? AND p.payment_id = ?`,
      )
      .get(connectionId, paymentId) as PaymentRecord | undefined
    if (!payment) return null

    const sums = this.registerTotals(connectionId, paymentId)
    const { columns } = sums
    const kindTotal = (kind: RegisterLineKind) =>
      columns.filter((column) => column.kind === kind).reduce((sum, c) => sum + c.totalCents, 0)

    const reconciliation: RegisterReconciliation[] = [
      reconcile('gross', payment.gross_pay_cents, sums.gross),
      reconcile('employee_taxes', payment.employee_taxes_cents, kindTotal('tax')),
      reconcile('employer_taxes', payment.employer_taxes_cents, kindTotal('employer_tax')),
      reconcile('net', payment.net_pay_cents, sums.net),
    ]
    return {
      payRun: toPayRun(payment, readPayGroupNames(this.db, connectionId)),
      statementCount: sums.statements,
      totalHours: sums.hours,
      hoursReported: sums.hours !== 0 || this.anyHours(connectionId, paymentId),
      grossPayCents: sums.gross,
      netPayCents: sums.net,
      columns,
      reconciliation,
    }
  }

  /**
   * A window of the register in name order (`REGISTER_ORDER`). `amountsCents` follows the
   * column order of `registerSummary`, so the renderer lines them up without matching names.
   */
  registerPage(query: RegisterWindowQuery): RegisterPage {
    const { connectionId, paymentId } = query
    const { columns, statements: total } = this.registerTotals(connectionId, paymentId)
    const columnIndex = new Map(columns.map((column, index) => [columnKey(column), index]))

    const statements = this.db
      .prepare(
        `SELECT s.statement_row, s.individual_id, s.total_hours, s.gross_pay_cents,
           s.net_pay_cents, ${PERSON_NAME_SQL} AS person_name
         FROM pay_statement s ${PERSON_JOIN}
         WHERE s.connection_id = @connectionId AND s.payment_id = @paymentId
         ORDER BY ${REGISTER_ORDER} LIMIT @limit OFFSET @offset`,
      )
      .all({ connectionId, paymentId, limit: query.limit, offset: query.offset }) as {
      statement_row: number
      individual_id: string
      total_hours: number | null
      gross_pay_cents: number | null
      net_pay_cents: number | null
      person_name: string | null
    }[]

    const rows = new Map<number, RegisterRow>(
      statements.map((s) => [
        s.statement_row,
        {
          statementRow: s.statement_row,
          individualId: s.individual_id,
          personName: s.person_name,
          totalHours: s.total_hours,
          grossPayCents: s.gross_pay_cents,
          netPayCents: s.net_pay_cents,
          amountsCents: columns.map(() => null),
        },
      ]),
    )
    if (rows.size > 0) {
      const amounts = this.db
        .prepare(
          `SELECT l.statement_row, ${LINE_COLUMN_SQL}, sum(l.amount_cents) AS cents
           FROM pay_statement_line l
           WHERE l.statement_row IN (SELECT value FROM json_each(?)) AND ${COLUMN_LINES_SQL}
           GROUP BY l.statement_row, column_kind, label`,
        )
        .all(JSON.stringify([...rows.keys()])) as {
        statement_row: number
        column_kind: RegisterLineKind
        label: string
        cents: number | null
      }[]
      for (const amount of amounts) {
        const index = columnIndex.get(columnKey({ kind: amount.column_kind, label: amount.label }))
        const row = rows.get(amount.statement_row)
        if (index !== undefined && row) row.amountsCents[index] = amount.cents
      }
    }
    return { total, offset: query.offset, rows: [...rows.values()] }
  }

  /** Every register row of a payment, a batch at a time, for exports. */
  *registerBatches(connectionId: string, paymentId: string, batchSize = 1_000) {
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = this.registerPage({ connectionId, paymentId, offset, limit: batchSize })
      if (rows.length > 0) yield rows
      if (rows.length < batchSize) return
    }
  }

  /** One statement with every line, in Finch's order within each kind. */
  statement(connectionId: string, statementRow: number): PayStatementDetail | null {
    const statement = this.db
      .prepare(
        `SELECT s.statement_row, s.payment_id, s.individual_id, s.type, s.payment_method,
           s.total_hours, s.gross_pay_cents, s.net_pay_cents, p.pay_date,
           ${PERSON_NAME_SQL} AS person_name
         FROM pay_statement s ${PERSON_JOIN}
         LEFT JOIN payment p ON p.connection_id = s.connection_id AND p.payment_id = s.payment_id
         WHERE s.connection_id = ? AND s.statement_row = ?`,
      )
      .get(connectionId, statementRow) as
      | {
          statement_row: number
          payment_id: string
          individual_id: string
          type: string | null
          payment_method: string | null
          total_hours: number | null
          gross_pay_cents: number | null
          net_pay_cents: number | null
          pay_date: string | null
          person_name: string | null
        }
      | undefined
    if (!statement) return null

    const lines = this.db
      .prepare(
        `SELECT kind, name, type, amount_cents, hours, pre_tax, employer FROM pay_statement_line
         WHERE statement_row = ? AND is_null_entry = 0
         ORDER BY CASE kind WHEN 'earning' THEN 0 WHEN 'tax' THEN 1
           WHEN 'employee_deduction' THEN 2 ELSE 3 END, position`,
      )
      .all(statementRow) as {
      kind: StatementLineKind
      name: string | null
      type: string | null
      amount_cents: number | null
      hours: number | null
      pre_tax: number | null
      employer: number | null
    }[]

    return {
      statementRow: statement.statement_row,
      paymentId: statement.payment_id,
      payDate: statement.pay_date,
      individualId: statement.individual_id,
      personName: statement.person_name,
      type: statement.type,
      paymentMethod: statement.payment_method,
      totalHours: statement.total_hours,
      grossPayCents: statement.gross_pay_cents,
      netPayCents: statement.net_pay_cents,
      lines: lines.map(toStatementLine),
    }
  }

  /** Whether any statement of the payment gives its hours; the stored sum reads 0 either way. */
  private anyHours(connectionId: string, paymentId: string): boolean {
    const row = this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM pay_statement s
           WHERE s.connection_id = ? AND s.payment_id = ? AND s.total_hours IS NOT NULL) AS found`,
      )
      .get(connectionId, paymentId) as { found: number }
    return row.found === 1
  }

  /**
   * The totals the sync stored for the payment, or, for a payment without them (its statements
   * failed to read), the same sums taken over its lines now.
   */
  private registerTotals(connectionId: string, paymentId: string): RegisterTotals {
    const stored = this.db
      .prepare(
        `SELECT register_row, statement_count AS statements, total_hours AS hours,
           gross_pay_cents AS gross, net_pay_cents AS net
         FROM payment_register WHERE connection_id = ? AND payment_id = ?`,
      )
      .get(connectionId, paymentId) as
      (Omit<RegisterTotals, 'columns'> & { register_row: number }) | undefined
    if (stored) {
      const { register_row: registerRow, ...sums } = stored
      const columns = this.db
        .prepare(
          `SELECT column_kind, label, total_cents FROM payment_register_column
           WHERE register_row = ?`,
        )
        .all(registerRow) as ColumnTotalRecord[]
      return { ...sums, columns: sortColumns(columns) }
    }

    const sums = this.db
      .prepare(
        `SELECT count(*) AS statements, coalesce(sum(s.total_hours), 0) AS hours,
           coalesce(sum(s.gross_pay_cents), 0) AS gross, coalesce(sum(s.net_pay_cents), 0) AS net
         FROM pay_statement s WHERE s.connection_id = ? AND s.payment_id = ?`,
      )
      .get(connectionId, paymentId) as Omit<RegisterTotals, 'columns'>
    const columns = this.db
      .prepare(
        `SELECT ${LINE_COLUMN_SQL}, coalesce(sum(l.amount_cents), 0) AS total_cents
         FROM pay_statement s JOIN pay_statement_line l ON l.statement_row = s.statement_row
         WHERE s.connection_id = ? AND s.payment_id = ? AND ${COLUMN_LINES_SQL}
         GROUP BY column_kind, label`,
      )
      .all(connectionId, paymentId) as ColumnTotalRecord[]
    return { ...sums, columns: sortColumns(columns) }
  }
}

interface ColumnTotalRecord {
  column_kind: RegisterLineKind
  label: string
  total_cents: number
}

/** Employee taxes, employer taxes, deductions, contributions; by label within each. */
function sortColumns(rows: ColumnTotalRecord[]): RegisterColumn[] {
  const kindOrder = (kind: RegisterLineKind) => REGISTER_LINE_KINDS.indexOf(kind)
  return rows
    .map((row) => ({ kind: row.column_kind, label: row.label, totalCents: row.total_cents }))
    .sort(
      (a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.label.localeCompare(b.label, 'en-US'),
    )
}

function columnKey(column: { kind: RegisterLineKind; label: string }): string {
  return `${column.kind}\u0000${column.label}`
}

function reconcile(
  field: RegisterReconciliation['field'],
  paymentCents: number | null,
  registerCents: number,
): RegisterReconciliation {
  return {
    field,
    paymentCents,
    registerCents,
    differs: paymentCents !== null && paymentCents !== registerCents,
  }
}

function toPayRun(row: PaymentRecord, groupNames: ReadonlyMap<string, string>): PayRun {
  const payGroupIds = parsePayGroupIds(row.pay_group_ids_json)
  return {
    paymentId: row.payment_id,
    payDate: row.pay_date,
    payPeriodStart: row.pay_period_start,
    payPeriodEnd: row.pay_period_end,
    grossPayCents: row.gross_pay_cents,
    employeeTaxesCents: row.employee_taxes_cents,
    employerTaxesCents: row.employer_taxes_cents,
    netPayCents: row.net_pay_cents,
    companyDebitCents: row.company_debit_cents,
    individualCount: row.individual_count,
    payGroupIds,
    payGroupNames: payGroupIds.map((id) => groupNames.get(id) ?? null),
  }
}

function toStatementLine(row: {
  kind: StatementLineKind
  name: string | null
  type: string | null
  amount_cents: number | null
  hours: number | null
  pre_tax: number | null
  employer: number | null
}): StatementLine {
  const hasRate = row.amount_cents !== null && row.hours !== null && row.hours > 0
  return {
    kind: row.kind,
    name: row.name,
    type: row.type,
    amountCents: row.amount_cents,
    hours: row.hours,
    rateCents: hasRate ? Math.round((row.amount_cents as number) / (row.hours as number)) : null,
    preTax: row.pre_tax === null ? null : row.pre_tax === 1,
    employer: row.employer === null ? null : row.employer === 1,
  }
}
