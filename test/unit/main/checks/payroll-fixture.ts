/**
 * Hand-made payroll in a real encrypted cache file: a connection with a live snapshot, and
 * payments, statements and lines written straight into that snapshot, so each check can be
 * specified with amounts whose right answer is known.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import { makeTempDir } from '../../../support/temp-dir'

export const CONNECTION = 'conn-1'

export interface LineSpec {
  kind: 'earning' | 'tax' | 'employee_deduction' | 'employer_contribution'
  type?: string
  amountCents: number | null
  hours?: number | null
  employer?: boolean | null
  preTax?: boolean | null
}

export interface StatementSpec {
  individualId: string
  grossPayCents: number | null
  netPayCents: number | null
  totalHours?: number | null
  lines: LineSpec[]
}

export interface PaymentSpec {
  paymentId: string
  payDate: string
  payGroupIds?: string[]
  grossPayCents?: number | null
  netPayCents?: number | null
  employeeTaxesCents?: number | null
  employerTaxesCents?: number | null
  companyDebitCents?: number | null
  statements: StatementSpec[]
}

export interface PayrollFixture {
  db: CacheDatabase
  addPerson(id: string, first: string, last: string, middle?: string): void
  /** Employment as Finch reports it: active or not, and the day employment ended. */
  addEmployment(id: string, employment: { isActive: boolean | null; endDate: string | null }): void
  addPayGroup(id: string, name: string | null): void
  addPayment(payment: PaymentSpec): void
  close(): void
}

export function openPayrollFixture(): PayrollFixture {
  const dir = makeTempDir()
  const db = openDatabase({
    path: join(dir.path, 'cache.db'),
    keyHex: randomBytes(32).toString('hex'),
  })
  const cache = new PayrollCache(db)
  cache.saveConnection({
    connectionId: CONNECTION,
    environment: 'demo',
    companyId: 'company-1',
    customerId: 'customer-1',
    customerName: 'Acme Bakery',
    providerId: 'gusto',
    connectionType: 'provider',
    products: ['company', 'directory', 'payment', 'pay_statement'],
    connectedAt: '2026-12-01T10:00:00.000Z',
  })
  cache.replaceCompanySnapshot({
    connectionId: CONNECTION,
    company: { legal_name: 'Acme Bakery LLC' } as never,
    directory: [],
    retrievedAt: '2026-12-01T11:00:00.000Z',
  })
  const { live } = db
    .prepare('SELECT live_snapshot_id AS live FROM connection WHERE connection_id = ?')
    .get(CONNECTION) as { live: number }
  let position = 0

  return {
    db,
    addPerson(id, first, last, middle) {
      db.prepare(
        `INSERT INTO directory_entry_version (connection_id, added_snapshot, individual_id,
           position, first_name, middle_name, last_name, is_active, raw_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, '{}')`,
      ).run(CONNECTION, live, id, position++, first, middle ?? null, last)
    },
    addEmployment(id, employment) {
      db.prepare(
        `INSERT INTO employment_version (connection_id, added_snapshot, individual_id, is_active,
           end_date, raw_json)
         VALUES (?, ?, ?, ?, ?, '{}')`,
      ).run(CONNECTION, live, id, flag(employment.isActive), employment.endDate)
    },
    addPayGroup(id, name) {
      db.prepare(
        `INSERT INTO pay_group_version (connection_id, added_snapshot, pay_group_id, name, raw_json)
         VALUES (?, ?, ?, ?, '{}')`,
      ).run(CONNECTION, live, id, name)
    },
    addPayment(payment) {
      db.prepare(
        `INSERT INTO payment_version (connection_id, added_snapshot, payment_id, pay_date,
           gross_pay_cents, net_pay_cents, employee_taxes_cents, employer_taxes_cents,
           company_debit_cents, pay_group_ids_json, raw_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
      ).run(
        CONNECTION,
        live,
        payment.paymentId,
        payment.payDate,
        payment.grossPayCents ?? null,
        payment.netPayCents ?? null,
        payment.employeeTaxesCents ?? null,
        payment.employerTaxesCents ?? null,
        payment.companyDebitCents ?? null,
        JSON.stringify(payment.payGroupIds ?? []),
      )
      payment.statements.forEach((statement, index) => {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO pay_statement_version (connection_id, added_snapshot, payment_id,
               individual_id, position, total_hours, gross_pay_cents, net_pay_cents, raw_json)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
          )
          .run(
            CONNECTION,
            live,
            payment.paymentId,
            statement.individualId,
            index,
            statement.totalHours ?? null,
            statement.grossPayCents,
            statement.netPayCents,
          )
        statement.lines.forEach((line, linePosition) => {
          db.prepare(
            `INSERT INTO pay_statement_line_version (statement_row, kind, position, type,
               amount_cents, hours, pre_tax, employer, is_null_entry)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
          ).run(
            lastInsertRowid,
            line.kind,
            linePosition,
            line.type ?? null,
            line.amountCents,
            line.hours ?? null,
            flag(line.preTax),
            flag(line.employer),
          )
        })
      })
    },
    close() {
      db.close()
      dir.remove()
    },
  }
}

function flag(value: boolean | null | undefined): number | null {
  return value === undefined || value === null ? null : value ? 1 : 0
}
