/**
 * One staging snapshot: where a sync writes, beside the live snapshot, which readers keep seeing
 * until `swap`. New rows carry this snapshot as `added_snapshot`; rows of the base (live)
 * snapshot that the sync re-read are marked with it as `removed_snapshot`, which hides them
 * from this snapshot only. Rows the sync did not re-read are carried forward untouched.
 * Each write is one transaction, one Finch answer at a time.
 */
import type {
  Company,
  CompanyBenefit,
  IndividualInDirectory,
} from '@tryfinch/finch-api/resources/hris'
import type { PayStatement, Payment } from '@tryfinch/finch-api/resources/hris'
import type Database from 'better-sqlite3-multiple-ciphers'
import type {
  EmploymentBody,
  EnrollmentBody,
  IndividualBody,
  PayGroupRecord,
  SqlValue,
} from './finch-rows'
import {
  benefitRow,
  companyRow,
  customFieldRows,
  directoryRow,
  employmentRow,
  enrollmentRow,
  forEachLineRow,
  incomeHistoryRows,
  individualRow,
  payGroupRow,
  paymentRow,
  statementRow,
} from './finch-rows'
import type { CacheDatabase } from './open-database'
import { replacePaymentRegister, writePaymentRegister } from './payment-register'
import { rebuildPeopleSearch } from './people-search'
import { writePersonTotals } from './person-totals'
import { writePersonYears } from './person-years'
import type { SnapshotStore } from './snapshot-store'
import { markStagingActive } from './snapshot-store'
import { writeStatementChecks } from './statement-checks'

export type FreshnessStatus = 'fresh' | 'carried' | 'pending' | 'unavailable' | 'not_granted'

export interface ProductFreshness {
  product: string
  status: FreshnessStatus
  itemCount: number | null
  requests: number
  retries: number
  rateLimited: number
  dataRetrievedAt: string | null
  lastAttemptedUpdateAt: string | null
  lastAttemptedUpdateResult: string | null
  syncedAt: string | null
}

export interface ItemErrorRecord {
  product: string
  itemId: string | null
  statusCode: number | null
  name: string | null
  finchCode: string | null
  message: string | null
}

export interface SyncRunRecord {
  startedAt: string
  finishedAt: string
  status: 'succeeded' | 'failed' | 'cancelled'
  errorCode: string | null
  errorMessage: string | null
  failureKind: string | null
  mode: string
  counts: Record<string, number>
  requests: number
  retries: number
  rateLimited: number
}

/** A pay statement page as one Finch answer delivers it. */
export interface StatementPage {
  paymentId: string
  /** Position of the page's first statement within its payment. */
  firstPosition: number
  statements: readonly PayStatement[]
}

/** The tables whose rows one product replaces, and the column that names an item. */
const PRODUCT_TABLES = {
  company: ['company_version'],
  directory: ['directory_entry_version'],
  individual: ['individual_version'],
  employment: ['employment_version'],
  payment: ['payment_version'],
  pay_statement: ['pay_statement_version', 'payment_register_version'],
  benefits: ['benefit_version', 'benefit_enrollment_version'],
  pay_group: ['pay_group_version'],
} as const

export type ReplaceableProduct = keyof typeof PRODUCT_TABLES

const COUNTED_TABLES = [
  ['company', 'company_version'],
  ['directory', 'directory_entry_version'],
  ['individual', 'individual_version'],
  ['employment', 'employment_version'],
  ['payment', 'payment_version'],
  ['pay_statement', 'pay_statement_version'],
  ['benefit', 'benefit_version'],
  ['benefit_enrollment', 'benefit_enrollment_version'],
  ['pay_group', 'pay_group_version'],
] as const

const IN_BASE = 'added_snapshot <= @base AND removed_snapshot IS NULL'

export class StagingSnapshot {
  readonly id: number
  readonly connectionId: string
  /** The live snapshot when this one began; null for a connection's first sync. */
  readonly baseId: number | null
  private readonly statements = new Map<string, Database.Statement>()
  private finished = false

  constructor(
    private readonly db: CacheDatabase,
    private readonly store: SnapshotStore,
    identity: { snapshotId: number; connectionId: string; baseId: number | null },
  ) {
    this.id = identity.snapshotId
    this.connectionId = identity.connectionId
    this.baseId = identity.baseId
  }

  writeCompany(company: Company, retrievedAt: string): void {
    this.sql(
      `INSERT INTO company_version (connection_id, added_snapshot, legal_name, ein, entity_type,
         entity_subtype, primary_email, primary_phone, departments_json, locations_json,
         accounts_json, raw_json, retrieved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(this.connectionId, this.id, companyRow(company, retrievedAt))
  }

  writeDirectory(entries: readonly { person: IndividualInDirectory; position: number }[]): void {
    const insert = this.sql(
      `INSERT INTO directory_entry_version (connection_id, added_snapshot, individual_id, position,
         first_name, middle_name, last_name, department, manager_id, is_active, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const { person, position } of entries) {
        insert.run(this.connectionId, this.id, directoryRow(person, position))
      }
    })
  }

  writeIndividuals(bodies: readonly IndividualBody[]): void {
    const insert = this.sql(
      `INSERT INTO individual_version (connection_id, added_snapshot, individual_id, first_name,
         middle_name, last_name, preferred_name, dob, gender, ethnicity, marital_status,
         emails_json, phone_numbers_json, residence_json, ssn, encrypted_ssn, ssn_last4,
         has_encrypted_ssn, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const body of bodies) insert.run(this.connectionId, this.id, individualRow(body))
    })
  }

  writeEmployments(bodies: readonly EmploymentBody[]): void {
    const insert = this.sql(
      `INSERT INTO employment_version (connection_id, added_snapshot, individual_id, first_name,
         middle_name, last_name, title, department, manager_id, employment_type,
         employment_subtype, employment_status, flsa_status, class_code, is_active, start_date,
         end_date, latest_rehire_date, location_line1, location_line2, location_city,
         location_state, location_postal_code, location_country, location_name,
         location_source_id, income_amount_cents, income_currency, income_unit,
         income_effective_date, highly_compensated_employee, key_employee, union_code,
         union_local, source_id, work_id, custom_fields_json, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertIncome = this.sql(
      `INSERT INTO employment_income_version (employment_row, position, amount_cents, currency,
         unit, effective_date) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const insertField = this.sql(
      `INSERT INTO employment_custom_field_version (employment_row, position, name, value_json)
       VALUES (?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const body of bodies) {
        const row = insert.run(this.connectionId, this.id, employmentRow(body)).lastInsertRowid
        for (const income of incomeHistoryRows(body)) insertIncome.run(row, income)
        for (const field of customFieldRows(body)) insertField.run(row, field)
      }
    })
  }

  writePayments(payments: readonly Payment[]): void {
    const insert = this.sql(
      `INSERT INTO payment_version (connection_id, added_snapshot, payment_id, pay_date,
         debit_date, pay_period_start, pay_period_end, gross_pay_cents, gross_pay_currency,
         net_pay_cents, net_pay_currency, employee_taxes_cents, employee_taxes_currency,
         employer_taxes_cents, employer_taxes_currency, company_debit_cents,
         company_debit_currency, individual_count, individual_ids_json, pay_group_ids_json,
         pay_frequencies_json, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const payment of payments) insert.run(this.connectionId, this.id, paymentRow(payment))
    })
  }

  /** Writes the pages of one Finch answer in one transaction; returns the statements written. */
  writeStatementPages(pages: readonly StatementPage[]): number {
    const insertStatement = this.sql(
      `INSERT INTO pay_statement_version (connection_id, added_snapshot, payment_id, individual_id,
         position, type, payment_method, total_hours, gross_pay_cents, gross_pay_currency,
         net_pay_cents, net_pay_currency, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertLine = this.sql(
      `INSERT INTO pay_statement_line_version (statement_row, kind, position, name, type,
         amount_cents, currency, hours, pre_tax, employer, attributes_json, extra_json,
         is_null_entry)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    let written = 0
    this.inTransaction(() => {
      for (const page of pages) {
        page.statements.forEach((statement, index) => {
          const row = insertStatement.run(
            this.connectionId,
            this.id,
            page.paymentId,
            statementRow(statement, page.firstPosition + index),
          ).lastInsertRowid
          forEachLineRow(statement, (line) => insertLine.run(row, line))
          written += 1
        })
      }
    })
    return written
  }

  writeBenefits(benefits: readonly CompanyBenefit[]): void {
    const insert = this.sql(
      `INSERT INTO benefit_version (connection_id, added_snapshot, benefit_id, type, description,
         frequency, company_contribution_json, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const benefit of benefits) insert.run(this.connectionId, this.id, benefitRow(benefit))
    })
  }

  writeEnrollments(
    benefitId: string,
    enrollments: readonly { individualId: string; body: EnrollmentBody }[],
  ): void {
    const insert = this.sql(
      `INSERT INTO benefit_enrollment_version (connection_id, added_snapshot, benefit_id,
         individual_id, employee_deduction_type, employee_deduction_cents,
         employee_deduction_basis_points, company_contribution_type, company_contribution_cents,
         company_contribution_basis_points, company_contribution_tiers_json, annual_maximum_cents,
         catch_up, hsa_contribution_limit, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const { individualId, body } of enrollments) {
        insert.run(this.connectionId, this.id, enrollmentRow(benefitId, individualId, body))
      }
    })
  }

  writePayGroups(groups: readonly PayGroupRecord[]): void {
    const insert = this.sql(
      `INSERT INTO pay_group_version (connection_id, added_snapshot, pay_group_id, name,
         pay_frequencies_json, individual_count, individual_ids_json, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const group of groups) insert.run(this.connectionId, this.id, payGroupRow(group))
    })
  }

  /** Hides every base row of the product from this snapshot: the sync re-read all of it. */
  replaceAll(product: ReplaceableProduct): void {
    this.inTransaction(() => {
      for (const table of PRODUCT_TABLES[product]) {
        this.sql(
          `UPDATE ${table} SET removed_snapshot = @snapshot
           WHERE connection_id = @connection AND ${IN_BASE}`,
        ).run(this.params())
      }
    })
  }

  /** Hides the base rows of these people (re-read, or failed to read) for one product. */
  replacePeople(product: 'individual' | 'employment', individualIds: Iterable<string>): void {
    const update = this.sql(
      `UPDATE ${PRODUCT_TABLES[product][0]} SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND individual_id = @id AND ${IN_BASE}`,
    )
    this.inTransaction(() => {
      for (const id of individualIds) update.run({ ...this.params(), id })
    })
  }

  /** Hides base rows of people this snapshot's directory no longer lists. */
  dropPeopleNotInDirectory(product: 'individual' | 'employment'): void {
    this.sql(
      `UPDATE ${PRODUCT_TABLES[product][0]} SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND ${IN_BASE}
         AND individual_id NOT IN (SELECT individual_id FROM directory_entry_version d
           WHERE d.connection_id = @connection AND d.added_snapshot <= @snapshot
             AND (d.removed_snapshot IS NULL OR d.removed_snapshot > @snapshot))`,
    ).run(this.params())
  }

  /**
   * Hides base payments an incremental sync re-read (paid on or after `from`), those it read
   * again by id, and those now outside the window (before `keepFrom` or without a pay date).
   */
  replacePayments(options: { from: string; keepFrom: string; ids: Iterable<string> }): void {
    const byId = this.sql(
      `UPDATE payment_version SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND payment_id = @id AND ${IN_BASE}`,
    )
    this.inTransaction(() => {
      this.sql(
        `UPDATE payment_version SET removed_snapshot = @snapshot
         WHERE connection_id = @connection AND ${IN_BASE}
           AND (pay_date IS NULL OR pay_date >= @from OR pay_date < @keepFrom)`,
      ).run({ ...this.params(), from: options.from, keepFrom: options.keepFrom })
      for (const id of options.ids) byId.run({ ...this.params(), id })
    })
  }

  /** Hides the base statements of one payment, and their register totals: they were re-read. */
  replaceStatementsOf(paymentId: string): void {
    this.inTransaction(() => {
      this.sql(
        `UPDATE pay_statement_version SET removed_snapshot = @snapshot
         WHERE connection_id = @connection AND payment_id = @id AND ${IN_BASE}`,
      ).run({ ...this.params(), id: paymentId })
      replacePaymentRegister(this.db, { ...this.target(paymentId), baseId: this.baseId })
    })
  }

  /**
   * Stores the register totals of a payment whose statements this snapshot wrote in full, and
   * the checks of those statements beside them.
   */
  writeRegisterOf(paymentId: string): void {
    this.inTransaction(() => {
      writePaymentRegister(this.db, this.target(paymentId))
      writeStatementChecks(this.db, this.target(paymentId))
      writePersonTotals(this.db, this.target(paymentId))
    })
  }

  /** Hides base statements (and their register totals) whose payment is not in this snapshot. */
  dropStatementsOfMissingPayments(): void {
    this.inTransaction(() => {
      for (const table of PRODUCT_TABLES.pay_statement) {
        this.sql(
          `UPDATE ${table} SET removed_snapshot = @snapshot
           WHERE connection_id = @connection AND ${IN_BASE}
             AND payment_id NOT IN (SELECT payment_id FROM payment_version p
               WHERE p.connection_id = @connection AND p.added_snapshot <= @snapshot
                 AND (p.removed_snapshot IS NULL OR p.removed_snapshot > @snapshot))`,
        ).run(this.params())
      }
    })
  }

  /** Deletes every row this snapshot wrote for the product, which then keeps its base rows. */
  discardAdded(product: ReplaceableProduct): void {
    this.inTransaction(() => {
      for (const table of PRODUCT_TABLES[product]) {
        this.sql(
          `DELETE FROM ${table} WHERE connection_id = @connection AND added_snapshot = @snapshot`,
        ).run(this.params())
      }
    })
  }

  /** Deletes the rows this snapshot wrote for these people (an answer read only in part). */
  discardPeople(product: 'individual' | 'employment', individualIds: Iterable<string>): void {
    const remove = this.sql(
      `DELETE FROM ${PRODUCT_TABLES[product][0]}
       WHERE connection_id = @connection AND individual_id = @id AND added_snapshot = @snapshot`,
    )
    this.inTransaction(() => {
      for (const id of individualIds) remove.run({ ...this.params(), id })
    })
  }

  /** Deletes the statements this snapshot wrote for a payment from a position on. */
  discardStatementsFrom(paymentId: string, position: number): void {
    this.sql(
      `DELETE FROM pay_statement_version
       WHERE connection_id = @connection AND payment_id = @id AND added_snapshot = @snapshot
         AND position >= @position`,
    ).run({ ...this.params(), id: paymentId, position })
  }

  /**
   * Deletes statements this snapshot wrote for a payment whose pages did not all arrive (it is
   * pending, or failed). The base statements and their totals stay: a later read that fails must
   * not take away what an earlier sync stored.
   */
  discardStatementsOf(paymentId: string): void {
    this.sql(
      `DELETE FROM pay_statement_version
       WHERE connection_id = @connection AND payment_id = @id AND added_snapshot = @snapshot`,
    ).run({ ...this.params(), id: paymentId })
  }

  replaceEnrollmentsOf(benefitId: string): void {
    this.sql(
      `UPDATE benefit_enrollment_version SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND benefit_id = @id AND ${IN_BASE}`,
    ).run({ ...this.params(), id: benefitId })
  }

  /** Hides the benefits of the base (the list was re-read), keeping enrollments for now. */
  replaceBenefitList(): void {
    this.sql(
      `UPDATE benefit_version SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND ${IN_BASE}`,
    ).run(this.params())
  }

  /** Hides base enrollments whose benefit is not in this snapshot. */
  dropEnrollmentsOfMissingBenefits(): void {
    this.sql(
      `UPDATE benefit_enrollment_version SET removed_snapshot = @snapshot
       WHERE connection_id = @connection AND ${IN_BASE}
         AND benefit_id NOT IN (SELECT benefit_id FROM benefit_version b
           WHERE b.connection_id = @connection AND b.added_snapshot <= @snapshot
             AND (b.removed_snapshot IS NULL OR b.removed_snapshot > @snapshot))`,
    ).run(this.params())
  }

  /** The base snapshot's directory, raw JSON by individual id, to find new and changed people. */
  baseDirectory(): Map<string, string> {
    const rows = this.sql(
      `SELECT individual_id, raw_json FROM directory_entry_version
       WHERE connection_id = @connection AND added_snapshot <= @base
         AND (removed_snapshot IS NULL OR removed_snapshot > @base)`,
    ).all(this.params()) as { individual_id: string; raw_json: string }[]
    return new Map(rows.map((row) => [row.individual_id, row.raw_json]))
  }

  /** Base payments, to plan which statements an incremental sync reads again. */
  basePayments(): { paymentId: string; payDate: string | null; individualCount: number | null }[] {
    return (
      this.sql(
        `SELECT payment_id, pay_date, individual_count FROM payment_version
         WHERE connection_id = @connection AND added_snapshot <= @base
           AND (removed_snapshot IS NULL OR removed_snapshot > @base)`,
      ).all(this.params()) as {
        payment_id: string
        pay_date: string | null
        individual_count: number | null
      }[]
    ).map((row) => ({
      paymentId: row.payment_id,
      payDate: row.pay_date,
      individualCount: row.individual_count,
    }))
  }

  /** Rows per table in this snapshot, for the sync's summary. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const [name, table] of COUNTED_TABLES) {
      counts[name] = (
        this.sql(
          `SELECT count(*) AS n FROM ${table} WHERE connection_id = @connection
             AND added_snapshot <= @snapshot
             AND (removed_snapshot IS NULL OR removed_snapshot > @snapshot)`,
        ).get(this.params()) as { n: number }
      ).n
    }
    return counts
  }

  /** Items of a product the base snapshot has an error or a pending answer for. */
  baseUnfinishedItems(product: string): Set<string> {
    const rows = this.sql(
      `SELECT item_id FROM snapshot_item_error WHERE snapshot_id = @base AND product = @product
         AND item_id IS NOT NULL
       UNION SELECT item_id FROM snapshot_pending_item WHERE snapshot_id = @base
         AND product = @product AND item_id IS NOT NULL`,
    ).all({ base: this.baseId, product }) as { item_id: string }[]
    return new Set(rows.map((row) => row.item_id))
  }

  baseFreshness(product: string): ProductFreshness | null {
    const row = this.sql(
      `SELECT * FROM snapshot_product_freshness WHERE snapshot_id = @base AND product = @product`,
    ).get({ base: this.baseId, product }) as Record<string, SqlValue> | undefined
    if (!row) return null
    return {
      product,
      status: row.status as FreshnessStatus,
      itemCount: row.item_count as number | null,
      requests: row.requests as number,
      retries: row.retries as number,
      rateLimited: row.rate_limited as number,
      dataRetrievedAt: row.data_retrieved_at as string | null,
      lastAttemptedUpdateAt: row.last_attempted_update_at as string | null,
      lastAttemptedUpdateResult: row.last_attempted_update_result as string | null,
      syncedAt: row.synced_at as string | null,
    }
  }

  /** Records an item (or, with a null id, a whole product) Finch is still collecting. */
  recordPending(
    product: string,
    itemId: string | null,
    finchCode: string | null,
    message: string | null,
    now: string,
  ): void {
    const earlier = this.sql(
      `SELECT first_seen_at FROM snapshot_pending_item
       WHERE snapshot_id = @base AND product = @product AND item_id IS @item`,
    ).get({ base: this.baseId, product, item: itemId }) as { first_seen_at: string } | undefined
    this.sql(
      `INSERT INTO snapshot_pending_item (snapshot_id, connection_id, product, item_id, finch_code,
         message, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.id,
      this.connectionId,
      product,
      itemId,
      finchCode,
      message,
      earlier?.first_seen_at ?? now,
      now,
    )
  }

  recordItemErrors(errors: readonly ItemErrorRecord[], now: string): void {
    const insert = this.sql(
      `INSERT INTO snapshot_item_error (snapshot_id, connection_id, product, item_id, status_code,
         error_name, finch_code, message, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.inTransaction(() => {
      for (const error of errors) {
        insert.run(
          this.id,
          this.connectionId,
          error.product,
          error.itemId,
          error.statusCode,
          error.name,
          error.finchCode,
          error.message,
          now,
        )
      }
    })
  }

  recordFreshness(freshness: ProductFreshness): void {
    this.sql(
      `INSERT OR REPLACE INTO snapshot_product_freshness (snapshot_id, connection_id, product,
         status, item_count, requests, retries, rate_limited, data_retrieved_at,
         last_attempted_update_at, last_attempted_update_result, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.id,
      this.connectionId,
      freshness.product,
      freshness.status,
      freshness.itemCount,
      freshness.requests,
      freshness.retries,
      freshness.rateLimited,
      freshness.dataRetrievedAt,
      freshness.lastAttemptedUpdateAt,
      freshness.lastAttemptedUpdateResult,
      freshness.syncedAt,
    )
  }

  /**
   * Builds what the snapshot derives from its rows (people search, each person's years), before
   * the swap.
   */
  finalize(): void {
    rebuildPeopleSearch(this.db, this.connectionId, this.id, this.baseId)
    writePersonYears(this.db, {
      connectionId: this.connectionId,
      snapshotId: this.id,
      keepSnapshotId: this.baseId,
    })
  }

  /**
   * Makes this snapshot live in one small transaction, with the sync run that made it (if any,
   * recorded in the same transaction). Readers
   * see the base snapshot up to this instant and this one from then on.
   */
  swap(run: SyncRunRecord | null, swappedAt: string): number | null {
    this.assertOpen()
    let runId: number | null = null
    this.db.transaction(() => {
      const live = this.db
        .prepare('SELECT live_snapshot_id FROM connection WHERE connection_id = ?')
        .get(this.connectionId) as { live_snapshot_id: number | null } | undefined
      if (!live || live.live_snapshot_id !== this.baseId) {
        throw new Error('the live snapshot changed while this one was being written')
      }
      this.db
        .prepare(`UPDATE sync_snapshot SET state = 'retired' WHERE snapshot_id = ?`)
        .run(this.baseId)
      this.db
        .prepare(
          `UPDATE sync_snapshot SET state = 'live', swapped_at = ?, owner_pid = NULL
           WHERE snapshot_id = ?`,
        )
        .run(swappedAt, this.id)
      this.db
        .prepare(
          'UPDATE connection SET live_snapshot_id = ?, last_synced_at = ? WHERE connection_id = ?',
        )
        .run(this.id, swappedAt, this.connectionId)
      if (run) runId = insertSyncRun(this.db, this.connectionId, this.id, run)
    })()
    this.finish()
    return runId
  }

  /** Throws the snapshot away: its rows are deleted and the base snapshot is as it was. */
  abandon(): void {
    if (this.finished) return
    try {
      this.store.rollBack(this.id, this.connectionId)
    } finally {
      // Let go even when the rollback itself fails (a full disk): no sync owns the snapshot any
      // more, so the next sync of the connection, or the next start, rolls back what is left.
      this.finish()
    }
  }

  private finish(): void {
    this.finished = true
    markStagingActive(this.id, false)
  }

  private assertOpen(): void {
    if (this.finished) throw new Error(`snapshot ${this.id} is already swapped or abandoned`)
  }

  private target(paymentId: string) {
    return { connectionId: this.connectionId, snapshotId: this.id, paymentId }
  }

  private params(): { connection: string; snapshot: number; base: number | null } {
    return { connection: this.connectionId, snapshot: this.id, base: this.baseId }
  }

  private inTransaction(work: () => void): void {
    this.assertOpen()
    this.db.transaction(work)()
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source)
    if (!statement) {
      statement = this.db.prepare(source)
      this.statements.set(source, statement)
    }
    return statement
  }
}

export function insertSyncRun(
  db: CacheDatabase,
  connectionId: string,
  snapshotId: number | null,
  run: SyncRunRecord,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO sync_run (connection_id, started_at, finished_at, status, error_code,
           error_message, counts_json, snapshot_id, mode, failure_kind, requests, retries,
           rate_limited)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        connectionId,
        run.startedAt,
        run.finishedAt,
        run.status,
        run.errorCode,
        run.errorMessage,
        JSON.stringify(run.counts),
        snapshotId,
        run.mode,
        run.failureKind,
        run.requests,
        run.retries,
        run.rateLimited,
      ).lastInsertRowid,
  )
}
