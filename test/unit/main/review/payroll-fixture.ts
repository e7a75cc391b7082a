/**
 * A small payroll cache for the review queries' tests: one connection, two people, a January
 * 2025 run whose statements match its payment, a December 2024 run in another pay group and a
 * February 2025 run with no statements.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type {
  IndividualInDirectory,
  PayStatement,
  Payment,
} from '@tryfinch/finch-api/resources/hris'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import { SnapshotStore } from '../../../../src/main/cache/snapshot-store'
import type { StagingSnapshot } from '../../../../src/main/cache/staging-snapshot'
import { makeTempDir } from '../../../support/temp-dir'

export const CONNECTION = 'conn-1'

const usd = (amount: number) => ({ amount, currency: 'usd' })

function payment(id: string, payDate: string, totals: Partial<Record<string, number>>): Payment {
  return {
    id,
    pay_date: payDate,
    debit_date: payDate,
    pay_period: { start_date: '2025-01-01', end_date: '2025-01-14' },
    gross_pay: usd(totals.gross ?? 0),
    net_pay: usd(totals.net ?? 0),
    employee_taxes: usd(totals.employeeTaxes ?? 0),
    employer_taxes: usd(totals.employerTaxes ?? 0),
    company_debit: usd(totals.debit ?? 0),
    individual_ids: ['ann', 'ben'],
    pay_group_ids: [totals.group === 2 ? 'semimonthly' : 'biweekly'],
    pay_frequencies: ['bi_weekly'],
  } as unknown as Payment
}

function statement(
  individualId: string,
  grossCents: number,
  netCents: number,
  lines: Partial<PayStatement>,
): PayStatement {
  return {
    individual_id: individualId,
    type: 'regular_payroll',
    payment_method: 'direct_deposit',
    total_hours: 80,
    gross_pay: usd(grossCents),
    net_pay: usd(netCents),
    earnings: [],
    taxes: [],
    employee_deductions: [],
    employer_contributions: [],
    ...lines,
  } as unknown as PayStatement
}

const tax = (name: string, amount: number, employer: boolean) =>
  ({ name, type: 'fica', amount, currency: 'usd', employer, attributes: null }) as const

export const ANN = statement('ann', 400_000, 300_000, {
  earnings: [{ name: 'Salary', type: 'salary', amount: 400_000, currency: 'usd', hours: 80 }],
  taxes: [tax('Federal Income Tax', 50_000, false), tax('Social Security', 24_800, false)],
  employee_deductions: [
    { name: '401k', type: '401k', amount: 25_200, currency: 'usd', pre_tax: true },
  ],
  employer_contributions: [{ name: '401k Match', type: '401k', amount: 12_000, currency: 'usd' }],
} as Partial<PayStatement>)

/** Ben's deduction has a type Finch has never sent before; its text becomes the column. */
export const BEN = statement('ben', 200_001, 150_000, {
  earnings: [{ name: 'Hourly', type: 'wage', amount: 200_001, currency: 'usd', hours: 80 }, null],
  taxes: [tax('Federal Income Tax', 30_000, false), tax('Social Security', 12_400, true)],
  employee_deductions: [
    { name: null, type: 'pet_insurance_v2', amount: 7_601, currency: 'usd', pre_tax: false },
  ],
} as unknown as Partial<PayStatement>)

const DIRECTORY: IndividualInDirectory[] = [
  { id: 'ann', first_name: 'Ann', last_name: 'Able' } as IndividualInDirectory,
  { id: 'ben', first_name: 'Ben', last_name: '<b>Baker</b>' } as IndividualInDirectory,
]

export function openPayrollFixture(): { db: CacheDatabase; close(): void } {
  const dir = makeTempDir()
  const db = openDatabase({
    path: join(dir.path, 'cache.db'),
    keyHex: randomBytes(32).toString('hex'),
  })
  new PayrollCache(db).saveConnection({
    connectionId: CONNECTION,
    environment: 'demo',
    companyId: 'company-1',
    customerId: 'customer-1',
    customerName: 'Acme Bakery',
    providerId: 'gusto',
    connectionType: 'provider',
    products: ['directory', 'payment', 'pay_statement'],
    connectedAt: '2026-12-01T10:00:00.000Z',
  })
  const staging = new SnapshotStore(db).begin(CONNECTION, {
    mode: 'full',
    paymentsFrom: '2024-01-01',
    paymentsTo: '2025-12-31',
    fullSyncAt: null,
    now: '2026-12-01T11:00:00.000Z',
  })
  staging.writeDirectory(DIRECTORY.map((person, position) => ({ person, position })))
  staging.writePayments([
    payment('pay-jan', '2025-01-17', {
      gross: 600_001,
      net: 450_000,
      employeeTaxes: 104_800,
      employerTaxes: 12_400,
      debit: 700_000,
    }),
    payment('pay-dec', '2024-12-20', { gross: 1, group: 2 }),
    payment('pay-feb', '2025-02-14', { gross: 2 }),
  ])
  staging.writeStatementPages([{ paymentId: 'pay-jan', firstPosition: 0, statements: [ANN, BEN] }])
  // As a sync settles a payment whose statements all arrived; the other runs have none.
  staging.writeRegisterOf('pay-jan')
  staging.swap(null, '2026-12-01T11:00:00.000Z')
  return {
    db,
    close() {
      db.close()
      dir.remove()
    },
  }
}

/** A later incremental sync of the fixture's connection, as of `now`, for a test to write to. */
export function beginLaterSync(db: CacheDatabase, now: string): StagingSnapshot {
  return new SnapshotStore(db).begin(CONNECTION, {
    mode: 'incremental',
    paymentsFrom: '2024-01-01',
    paymentsTo: '2025-12-31',
    fullSyncAt: null,
    now,
  })
}
