import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { IndividualInDirectory, PayStatement } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EmploymentBody, IndividualBody } from '../../../../src/main/cache/finch-rows'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import { SnapshotStore } from '../../../../src/main/cache/snapshot-store'
import type { ExportRequest } from '../../../../src/main/export/export-service'
import { ExportService } from '../../../../src/main/export/export-service'
import type { IpcHandlers } from '../../../../src/main/ipc/ipc-router'
import { createIpcRouter } from '../../../../src/main/ipc/ipc-router'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { DirectoryQueries } from '../../../../src/main/review/directory-queries'
import { makeTempDir } from '../../../support/temp-dir'
import { CONNECTION, beginLaterSync, openPayrollFixture } from '../review/payroll-fixture'
import { readSpreadsheet } from '../../../support/read-spreadsheet'

const OTHER_CONNECTION = 'conn-2'
const EVIL_EARNING = '=HYPERLINK("https://attacker.invalid","pay")'
const ANN_SSN = '987-65-4321'
const MATCHED_CROWD = 230

const usd = (amount: number) => ({ amount, currency: 'usd' })

/** A statement whose names a spreadsheet would run, with a negative line and an odd rate. */
const EVE_STATEMENT = {
  individual_id: 'eve',
  type: 'off_cycle_payroll',
  payment_method: 'check',
  total_hours: 12.5,
  gross_pay: usd(99_945),
  net_pay: usd(80_395),
  earnings: [
    { name: EVIL_EARNING, type: 'salary', amount: 100_050, currency: 'usd', hours: 12.5 },
    { name: 'Clawback', type: 'other', amount: -105, currency: 'usd', hours: null },
  ],
  taxes: [
    { name: '@State', type: 'state', amount: 15_050, currency: 'usd', employer: false },
    { name: 'Medicare', type: 'fica', amount: 1_451, currency: 'usd', employer: true },
  ],
  employee_deductions: [
    { name: '-Garnish', type: null, amount: 4_500, currency: 'usd', pre_tax: false },
  ],
  employer_contributions: [{ name: '+Match', type: '401k', amount: 2_499, currency: 'usd' }],
} as unknown as PayStatement

const annIndividual = (id: string) =>
  ({ id, first_name: 'Ann', last_name: 'Able', dob: '1990-04-01', ssn: ANN_SSN }) as IndividualBody

const annEmployment = {
  id: 'ann',
  first_name: 'Ann',
  last_name: 'Able',
  income: { amount: 5_200_000, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
  income_history: [
    { amount: 4_800_001, currency: 'usd', unit: 'yearly', effective_date: '2022-01-01' },
    { amount: 2_575, currency: 'usd', unit: 'hourly', effective_date: '2024-01-01' },
  ],
  custom_fields: [
    { name: '=Shift', value: '+1 555 0100' },
    { name: 'Badge', value: 42 },
    { name: 'Tabbed', value: '\tcmd' },
    { name: 'Returned', value: '\r=1+1' },
    { name: 'At', value: '@SUM(A1:A2)' },
    { name: 'Dash', value: '-2+3' },
  ],
} as unknown as EmploymentBody

/** Eve's off-cycle run, Ann's and Eve's personal records, and Ann's employment record. */
function addPersonAndStatement(db: CacheDatabase): void {
  const staging = beginLaterSync(db, '2026-12-02T11:00:00.000Z')
  staging.writeDirectory(
    [
      { id: 'ann', first_name: 'Ann', last_name: 'Able' },
      { id: 'ben', first_name: 'Ben', last_name: '<b>Baker</b>' },
      { id: 'eve', first_name: '@Eve', last_name: '-Evil' },
    ].map((person, position) => ({ person: person as IndividualInDirectory, position })),
  )
  staging.writeIndividuals([
    annIndividual('ann'),
    { id: 'eve', first_name: '@Eve', last_name: '-Evil', dob: '1985-05-05' } as IndividualBody,
    ...crowd('c1'),
  ])
  staging.writeEmployments([annEmployment])
  staging.writePayments([
    {
      id: 'pay-evil',
      pay_date: '2025-03-14',
      gross_pay: usd(99_945),
      net_pay: usd(80_395),
      individual_ids: ['eve'],
    } as never,
  ])
  staging.writeStatementPages([
    { paymentId: 'pay-evil', firstPosition: 0, statements: [EVE_STATEMENT] },
  ])
  staging.writeRegisterOf('pay-evil')
  staging.swap(null, '2026-12-02T11:00:00.000Z')
}

/** People who are in both connections, enough that the matches span more than one batch. */
function crowd(prefix: string): IndividualBody[] {
  return Array.from(
    { length: MATCHED_CROWD },
    (_, index) =>
      ({
        id: `${prefix}-${index}`,
        first_name: `Zed${String(index).padStart(3, '0')}`,
        last_name: 'Zulu',
        dob: '2000-01-01',
      }) as IndividualBody,
  )
}

/** The same client's second connection: Ann and Eve again, Ann paid in 2025. */
function addOtherConnection(db: CacheDatabase): void {
  new PayrollCache(db).saveConnection({
    connectionId: OTHER_CONNECTION,
    environment: 'demo',
    companyId: 'company-2',
    customerId: 'customer-1',
    customerName: 'Acme Bakery',
    providerId: 'paychex_flex',
    connectionType: 'provider',
    products: ['directory', 'individual', 'payment', 'pay_statement'],
    connectedAt: '2026-12-02T10:00:00.000Z',
  })
  const staging = new SnapshotStore(db).begin(OTHER_CONNECTION, {
    mode: 'full',
    paymentsFrom: '2024-01-01',
    paymentsTo: '2025-12-31',
    fullSyncAt: null,
    now: '2026-12-02T12:00:00.000Z',
  })
  staging.writeDirectory([
    {
      person: { id: 'ann-2', first_name: 'Ann', last_name: 'Able' } as IndividualInDirectory,
      position: 0,
    },
  ])
  staging.writeIndividuals([
    annIndividual('ann-2'),
    { id: 'eve-2', first_name: '@eve', last_name: '-EVIL', dob: '1985-05-05' } as IndividualBody,
    ...crowd('c2'),
  ])
  staging.writePayments([
    {
      id: 'pay-other',
      pay_date: '2025-06-13',
      gross_pay: usd(123_457),
      individual_ids: ['ann-2'],
    } as never,
  ])
  staging.writeStatementPages([
    {
      paymentId: 'pay-other',
      firstPosition: 0,
      statements: [
        {
          individual_id: 'ann-2',
          type: 'regular_payroll',
          gross_pay: usd(123_457),
          net_pay: usd(100_001),
          earnings: [],
          taxes: [{ name: 'Federal', type: 'federal', amount: 20_000, employer: false }],
          employee_deductions: [{ name: 'Dental', amount: 3_456, pre_tax: true }],
          employer_contributions: [],
        } as unknown as PayStatement,
      ],
    },
  ])
  staging.writeRegisterOf('pay-other')
  staging.swap(null, '2026-12-02T12:00:00.000Z')
}

type Request = Omit<ExportRequest, 'connectionId' | 'unmasked'> & { connectionId?: string }

describe('the pay statement, person and people-across-connections exports', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let dir: ReturnType<typeof makeTempDir>
  let chooseSavePath: ReturnType<typeof vi.fn>

  beforeEach(() => {
    fixture = openPayrollFixture()
    addPersonAndStatement(fixture.db)
    addOtherConnection(fixture.db)
    dir = makeTempDir()
    chooseSavePath = vi.fn(async (name: string) => join(dir.path, name))
  })
  afterEach(() => {
    fixture.close()
    dir.remove()
  })

  function exportService(): ExportService {
    return new ExportService({
      db: fixture.db,
      cache: new PayrollCache(fixture.db),
      directory: new DirectoryQueries(fixture.db),
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      chooseSavePath: chooseSavePath as never,
    })
  }

  function eveStatementRow(): number {
    const row = fixture.db
      .prepare("SELECT statement_row FROM pay_statement WHERE payment_id = 'pay-evil'")
      .get() as { statement_row: number }
    return row.statement_row
  }

  /** Exports to a file and reads it back as a spreadsheet would, strings as written for CSV. */
  async function exportFile(request: Request): Promise<{
    rows: unknown[][]
    formulas: string[]
    bytes: Buffer
    rowCount: number
  }> {
    const outcome = await exportService().export({
      connectionId: CONNECTION,
      unmasked: false,
      ...request,
    })
    if (outcome.outcome !== 'saved') throw new Error(`not saved: ${outcome.outcome}`)
    const path = join(dir.path, outcome.fileName)

    const bytes = readFileSync(path)
    const { rows, formulaCells: formulas } = await readSpreadsheet(bytes, request.format)
    return { rows, formulas, bytes, rowCount: outcome.rowCount }
  }

  describe('a pay statement', () => {
    it('writes the header figures and every line to the cent, in CSV', async () => {
      const { rows, formulas, bytes, rowCount } = await exportFile({
        table: 'pay_statement',
        format: 'csv',
        statementRow: eveStatementRow(),
      })

      expect(formulas).toEqual([])
      expect(rowCount).toBe(rows.length - 1)
      const csv = bytes.toString('utf8').replace(/^\uFEFF/, '')
      expect(csv.split('\r\n')).toEqual([
        'Kind,Name,Type,Detail,Hours,Rate,Amount',
        "Statement,Person,,'@Eve -Evil,,,",
        'Statement,Pay date,,2025-03-14,,,',
        'Statement,Statement type,,Off-cycle payroll,,,',
        'Statement,Payment method,,Check,,,',
        'Statement,Hours,,,12.5,,',
        'Statement,Gross,,,,,999.45',
        'Statement,Net,,,,,803.95',
        'Statement,Finch individual ID,,eve,,,',
        'Statement,Finch payment ID,,pay-evil,,,',
        `Earning,"'${EVIL_EARNING.replaceAll('"', '""')}",Salary,,12.5,80.04,1000.50`,
        'Earning,Clawback,Other,,,,-1.05',
        "Employee tax,'@State,State,,,,150.50",
        'Employer tax,Medicare,FICA,,,,14.51',
        "Employee deduction,'-Garnish,,Post-tax,,,45.00",
        "Employer contribution,'+Match,401(k),,,,24.99",
        '',
      ])
    })

    it('writes amounts as exact dollar numbers and hostile names as inert text, in XLSX', async () => {
      const { rows, formulas } = await exportFile({
        table: 'pay_statement',
        format: 'xlsx',
        statementRow: eveStatementRow(),
      })
      const line = (kind: string, name: string) =>
        rows.find((row) => row[0] === kind && row[1] === name)

      expect(formulas).toEqual([])
      expect(line('Statement', 'Person')?.[3]).toBe("'@Eve -Evil")
      expect(line('Statement', 'Gross')?.[6]).toBe(999.45)
      expect(line('Statement', 'Net')?.[6]).toBe(803.95)
      expect(line('Earning', `'${EVIL_EARNING}`)?.slice(4)).toEqual([12.5, 80.04, 1000.5])
      expect(line('Earning', 'Clawback')?.[6]).toBe(-1.05)
      expect(line('Employee deduction', "'-Garnish")?.[6]).toBe(45)
      expect(line('Employer contribution', "'+Match")?.[6]).toBe(24.99)
    })

    it('refuses a statement the connection does not hold, before asking where to save', async () => {
      const elsewhere = { table: 'pay_statement', format: 'xlsx', statementRow: 9_999_999 } as const

      await expect(exportFile(elsewhere)).rejects.toMatchObject({ code: 'not_found' })
      await expect(
        exportFile({
          ...elsewhere,
          connectionId: OTHER_CONNECTION,
          statementRow: eveStatementRow(),
        }),
      ).rejects.toMatchObject({ code: 'not_found' })
      expect(chooseSavePath).not.toHaveBeenCalled()
      expect(readdirSync(dir.path)).toEqual([])
    })
  })

  describe('a person’s income history and custom fields', () => {
    it.each(['csv', 'xlsx'] as const)(
      'writes the income history newest first, to the cent, in %s',
      async (format) => {
        const { rows, formulas } = await exportFile({
          table: 'income_history',
          format,
          individualId: 'ann',
        })
        const day = (iso: string) => (format === 'csv' ? iso : new Date(`${iso}T00:00:00Z`))
        const amount = (text: string) => (format === 'csv' ? text : Number(text))

        expect(formulas).toEqual([])
        expect(rows).toEqual([
          ['Effective', 'Amount', 'Currency', 'Paid'],
          [day('2024-01-01'), amount('25.75'), 'USD', 'Hourly'],
          [day('2022-01-01'), amount('48000.01'), 'USD', 'Yearly'],
        ])
      },
    )

    it.each(['csv', 'xlsx'] as const)(
      'neutralizes every custom field that could start a formula, in %s',
      async (format) => {
        const { rows, formulas, bytes } = await exportFile({
          table: 'custom_fields',
          format,
          individualId: 'ann',
        })
        // A cell holds a line break as a line feed; CSV keeps the carriage return as written.
        const returned = format === 'csv' ? "'\r=1+1" : "'\n=1+1"

        expect(formulas).toEqual([])
        expect(rows).toEqual([
          ['Field', 'Value'],
          ["'=Shift", "'+1 555 0100"],
          ['Badge', '42'],
          ['Tabbed', "'\tcmd"],
          ['Returned', returned],
          ['At', "'@SUM(A1:A2)"],
          ['Dash', "'-2+3"],
        ])
        expect(bytes.toString('latin1')).not.toContain('4321')
      },
    )

    it('writes no SSN, only the person’s records', async () => {
      const income = await exportFile({
        table: 'income_history',
        format: 'csv',
        individualId: 'ann',
      })

      expect(income.bytes.toString('utf8')).not.toMatch(/SSN|4321/)
    })

    it('refuses a person the connection does not hold, and writes no file', async () => {
      for (const table of ['income_history', 'custom_fields'] as const) {
        await expect(
          exportFile({ table, format: 'csv', individualId: 'nobody' }),
        ).rejects.toMatchObject({ code: 'not_found' })
        await expect(
          exportFile({ table, format: 'xlsx', individualId: 'ann-2' }),
        ).rejects.toMatchObject({ code: 'not_found' })
      }
      expect(chooseSavePath).not.toHaveBeenCalled()
      expect(readdirSync(dir.path)).toEqual([])
    })
  })

  describe('people across connections', () => {
    it('writes every matched person, past the first batch, with each record’s year to the cent', async () => {
      const { rows, formulas, rowCount } = await exportFile({
        table: 'matched_people',
        format: 'csv',
        year: 2025,
      })
      const [header, ...body] = rows as string[][]
      const ann = body.filter((row) => row[0] === 'Ann Able')

      expect(formulas).toEqual([])
      expect(rowCount).toBe(body.length)
      // Ann, Eve and the crowd: two records and a combined row each.
      expect(body).toHaveLength((MATCHED_CROWD + 2) * 3)
      expect(header).toEqual([
        'Person',
        'Matched by',
        'Record',
        'Provider',
        'Name there',
        'Gross pay',
        'Employee taxes',
        'Pre-tax deductions',
        'Post-tax deductions',
        'Net pay',
        'Employer contributions',
        'Employer taxes',
        'Finch connection ID',
        'Finch individual ID',
      ])
      expect(ann).toEqual([
        [
          'Ann Able',
          'Same name and date of birth',
          'Acme Bakery',
          'Gusto',
          'Ann Able',
          '4000.00',
          '748.00',
          '252.00',
          '0.00',
          '3000.00',
          '120.00',
          '0.00',
          CONNECTION,
          'ann',
        ],
        [
          'Ann Able',
          'Same name and date of birth',
          'Acme Bakery',
          'Paychex Flex',
          'Ann Able',
          '1234.57',
          '200.00',
          '34.56',
          '0.00',
          '1000.01',
          '0.00',
          '0.00',
          OTHER_CONNECTION,
          'ann-2',
        ],
        [
          'Ann Able',
          'Same name and date of birth',
          'Combined',
          '',
          '',
          '5234.57',
          '948.00',
          '286.56',
          '0.00',
          '4000.01',
          '120.00',
          '0.00',
          '',
          '',
        ],
      ])
      expect(body.map((row) => row[0])).toContain('Zed229 Zulu')
    })

    it('neutralizes a matched person’s hostile name in XLSX', async () => {
      const { rows, formulas } = await exportFile({
        table: 'matched_people',
        format: 'xlsx',
        year: 2025,
      })
      const eve = rows.filter((row) => row[13] === 'eve' || row[13] === 'eve-2')

      expect(formulas).toEqual([])
      expect(eve.map((row) => row[4])).toEqual(["'@Eve -Evil", "'@eve -EVIL"])
      expect(eve.every((row) => row[0] === "'@Eve -Evil")).toBe(true)
      expect(eve.map((row) => row[5])).toEqual([999.45, 0])
    })

    it('records the export in the audit trail like any other', async () => {
      await exportFile({ table: 'matched_people', format: 'xlsx', year: 2024 })

      const audit = fixture.db
        .prepare("SELECT subject, detail_json FROM audit_event WHERE action = 'export'")
        .all() as { subject: string; detail_json: string }[]
      expect(audit).toEqual([
        {
          subject: 'matched_people',
          detail_json: JSON.stringify({
            format: 'xlsx',
            rowCount: (MATCHED_CROWD + 2) * 3,
            unmasked: false,
          }),
        },
      ])
    })
  })

  describe('the export.table channel', () => {
    function router() {
      const exports = exportService()
      const handlers = { 'export.table': (request: ExportRequest) => exports.export(request) }
      return createIpcRouter(
        handlers as unknown as IpcHandlers,
        createLogger({ sinks: [], redactor: new Redactor() }),
      )
    }
    const choices = { connectionId: CONNECTION, format: 'csv', unmasked: false }

    it.each([
      ['a statement row as text', { table: 'pay_statement', statementRow: '1' }],
      ['a fractional statement row', { table: 'pay_statement', statementRow: 1.5 }],
      ['statement row zero', { table: 'pay_statement', statementRow: 0 }],
      ['no statement row', { table: 'pay_statement' }],
      ['rows sent by the page', { table: 'pay_statement', statementRow: 1, rows: [['=1']] }],
      ['a person id that is not an id', { table: 'income_history', individualId: 'a b/../c' }],
      ['a person id as a number', { table: 'custom_fields', individualId: 42 }],
      ['no person', { table: 'custom_fields' }],
      ['a year as text', { table: 'matched_people', year: '2025' }],
      ['a year out of range', { table: 'matched_people', year: 1066 }],
      ['a page window', { table: 'matched_people', year: 2025, offset: 0, limit: 25 }],
      ['no year', { table: 'matched_people' }],
    ])('refuses %s as invalid_argument and writes nothing', async (_, args) => {
      const response = await router().dispatch('export.table', { ...choices, ...args })

      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
      expect(chooseSavePath).not.toHaveBeenCalled()
      expect(readdirSync(dir.path)).toEqual([])
    })

    it('answers not_found for ids the cache does not hold, and writes nothing', async () => {
      const unknown = [
        { table: 'pay_statement', statementRow: 9_999_999 },
        { table: 'income_history', individualId: 'nobody' },
        { table: 'custom_fields', individualId: 'nobody' },
        { table: 'matched_people', year: 2025, connectionId: 'no-such-connection' },
      ]

      for (const args of unknown) {
        const response = await router().dispatch('export.table', { ...choices, ...args })
        expect(response).toMatchObject({ ok: false, error: { code: 'not_found' } })
      }
      expect(chooseSavePath).not.toHaveBeenCalled()
      expect(readdirSync(dir.path)).toEqual([])
    })

    it('saves a file named like the other exports', async () => {
      const response = await router().dispatch('export.table', {
        ...choices,
        table: 'pay_statement',
        statementRow: eveStatementRow(),
      })

      expect(response).toMatchObject({ ok: true, value: { outcome: 'saved', rowCount: 15 } })
      expect(chooseSavePath).toHaveBeenCalledWith(
        'Acme Bakery - Eve -Evil pay statement 2025-03-14.csv',
        [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      )
    })
  })
})
