/**
 * The review reads over a connection's live snapshot: the payment register by pay date, a
 * payment's or a person's statements, a statement's lines, people by department, manager or
 * status, and how complete the snapshot is. Each read is one indexed query on the live views;
 * none returns an SSN (the views do not hold one).
 */
import type { CacheDatabase } from './open-database'

export interface PaymentRow {
  paymentId: string
  payDate: string | null
  debitDate: string | null
  payPeriodStart: string | null
  payPeriodEnd: string | null
  grossPayCents: number | null
  netPayCents: number | null
  employeeTaxesCents: number | null
  employerTaxesCents: number | null
  companyDebitCents: number | null
  currency: string | null
  individualCount: number | null
  payGroupIds: string[]
}

export interface StatementRow {
  statementRow: number
  paymentId: string
  individualId: string
  type: string | null
  paymentMethod: string | null
  totalHours: number | null
  grossPayCents: number | null
  netPayCents: number | null
  currency: string | null
}

export interface StatementLineRow {
  kind: 'earning' | 'tax' | 'employee_deduction' | 'employer_contribution'
  position: number
  name: string | null
  type: string | null
  amountCents: number | null
  currency: string | null
  hours: number | null
  preTax: boolean | null
  employer: boolean | null
}

export interface PersonFilter {
  department?: string
  managerId?: string
  active?: boolean
}

export interface SnapshotCompleteness {
  products: {
    product: string
    status: string
    dataRetrievedAt: string | null
    syncedAt: string | null
  }[]
  pending: { product: string; itemId: string | null; since: string }[]
  errors: {
    product: string
    itemId: string | null
    statusCode: number | null
    name: string | null
  }[]
}

type Row = Record<string, string | number | null>

const STATEMENT_COLUMNS = `statement_row, payment_id, individual_id, type, payment_method,
  total_hours, gross_pay_cents, net_pay_cents, gross_pay_currency`

export class PayrollQueries {
  constructor(private readonly db: CacheDatabase) {}

  /** The payment register between two pay dates (inclusive), oldest first. */
  paymentsBetween(connectionId: string, from: string, to: string): PaymentRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM payment WHERE connection_id = ? AND pay_date BETWEEN ? AND ?
         ORDER BY pay_date, payment_id`,
      )
      .all(connectionId, from, to) as Row[]
    return rows.map((row) => ({
      paymentId: row.payment_id as string,
      payDate: row.pay_date as string | null,
      debitDate: row.debit_date as string | null,
      payPeriodStart: row.pay_period_start as string | null,
      payPeriodEnd: row.pay_period_end as string | null,
      grossPayCents: row.gross_pay_cents as number | null,
      netPayCents: row.net_pay_cents as number | null,
      employeeTaxesCents: row.employee_taxes_cents as number | null,
      employerTaxesCents: row.employer_taxes_cents as number | null,
      companyDebitCents: row.company_debit_cents as number | null,
      currency: row.gross_pay_currency as string | null,
      individualCount: row.individual_count as number | null,
      payGroupIds: JSON.parse((row.pay_group_ids_json as string | null) ?? '[]') as string[],
    }))
  }

  statementsOfPayment(connectionId: string, paymentId: string): StatementRow[] {
    return this.statements(
      `SELECT ${STATEMENT_COLUMNS} FROM pay_statement WHERE connection_id = ? AND payment_id = ?
       ORDER BY position`,
      connectionId,
      paymentId,
    )
  }

  statementsOfIndividual(connectionId: string, individualId: string): StatementRow[] {
    return this.statements(
      `SELECT ${STATEMENT_COLUMNS} FROM pay_statement WHERE connection_id = ? AND individual_id = ?
       ORDER BY payment_id, position`,
      connectionId,
      individualId,
    )
  }

  linesOfStatement(statementRow: number): StatementLineRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM pay_statement_line WHERE statement_row = ? AND is_null_entry = 0
         ORDER BY kind, position`,
      )
      .all(statementRow) as Row[]
    return rows.map((row) => ({
      kind: row.kind as StatementLineRow['kind'],
      position: row.position as number,
      name: row.name as string | null,
      type: row.type as string | null,
      amountCents: row.amount_cents as number | null,
      currency: row.currency as string | null,
      hours: row.hours as number | null,
      preTax: row.pre_tax === null ? null : row.pre_tax === 1,
      employer: row.employer === null ? null : row.employer === 1,
    }))
  }

  /** Individual ids of people in a department, under a manager, or (in)active, by name. */
  people(connectionId: string, filter: PersonFilter, limit = 1_000): string[] {
    const conditions = ['connection_id = @connectionId']
    const params: Record<string, string | number> = { connectionId, limit }
    if (filter.department !== undefined) {
      conditions.push('department = @department')
      params.department = filter.department
    }
    if (filter.managerId !== undefined) {
      conditions.push('manager_id = @managerId')
      params.managerId = filter.managerId
    }
    if (filter.active !== undefined) {
      conditions.push('is_active = @active')
      params.active = filter.active ? 1 : 0
    }
    return (
      this.db
        .prepare(
          `SELECT individual_id FROM directory_entry WHERE ${conditions.join(' AND ')}
           ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, individual_id
           LIMIT @limit`,
        )
        .all(params) as { individual_id: string }[]
    ).map((row) => row.individual_id)
  }

  /** Each product's freshness, what Finch is still collecting, and what failed item by item. */
  completeness(connectionId: string): SnapshotCompleteness {
    const read = this.db.transaction(() => ({
      products: (
        this.db
          .prepare(
            `SELECT product, status, data_retrieved_at, synced_at FROM product_freshness
             WHERE connection_id = ? ORDER BY product`,
          )
          .all(connectionId) as Row[]
      ).map((row) => ({
        product: row.product as string,
        status: row.status as string,
        dataRetrievedAt: row.data_retrieved_at as string | null,
        syncedAt: row.synced_at as string | null,
      })),
      pending: (
        this.db
          .prepare(
            `SELECT product, item_id, first_seen_at FROM pending_item WHERE connection_id = ?
             ORDER BY product, item_id`,
          )
          .all(connectionId) as Row[]
      ).map((row) => ({
        product: row.product as string,
        itemId: row.item_id as string | null,
        since: row.first_seen_at as string,
      })),
      errors: (
        this.db
          .prepare(
            `SELECT product, item_id, status_code, error_name FROM item_error
             WHERE connection_id = ? ORDER BY product, item_id`,
          )
          .all(connectionId) as Row[]
      ).map((row) => ({
        product: row.product as string,
        itemId: row.item_id as string | null,
        statusCode: row.status_code as number | null,
        name: row.error_name as string | null,
      })),
    }))
    return read()
  }

  private statements(sql: string, ...params: string[]): StatementRow[] {
    return (this.db.prepare(sql).all(...params) as Row[]).map((row) => ({
      statementRow: row.statement_row as number,
      paymentId: row.payment_id as string,
      individualId: row.individual_id as string,
      type: row.type as string | null,
      paymentMethod: row.payment_method as string | null,
      totalHours: row.total_hours as number | null,
      grossPayCents: row.gross_pay_cents as number | null,
      netPayCents: row.net_pay_cents as number | null,
      currency: row.gross_pay_currency as string | null,
    }))
  }
}
