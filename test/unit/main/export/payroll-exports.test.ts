import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IndividualInDirectory, PayStatement } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import type { ExportRequest } from '../../../../src/main/export/export-service'
import { ExportService } from '../../../../src/main/export/export-service'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { DirectoryQueries } from '../../../../src/main/review/directory-queries'
import { makeTempDir } from '../../../support/temp-dir'
import { CONNECTION, beginLaterSync, openPayrollFixture } from '../review/payroll-fixture'
import { readSpreadsheet } from '../../../support/read-spreadsheet'

const EVIL_TAX = '=HYPERLINK("https://attacker.invalid")'

/** A run whose person and tax names a spreadsheet would run as formulas. */
function addHostileRun(fixture: ReturnType<typeof openPayrollFixture>): void {
  const staging = beginLaterSync(fixture.db, '2026-12-02T11:00:00.000Z')
  staging.writeDirectory([
    {
      person: { id: 'eve', first_name: '@Eve', last_name: '-Evil' } as IndividualInDirectory,
      position: 2,
    },
  ])
  staging.writePayments([
    {
      id: 'pay-evil',
      pay_date: '2025-03-14',
      gross_pay: { amount: 100_050, currency: 'usd' },
      net_pay: { amount: 80_000, currency: 'usd' },
      employee_taxes: { amount: 15_050, currency: 'usd' },
      individual_ids: ['eve'],
      pay_group_ids: ['+group'],
    } as never,
  ])
  staging.writeStatementPages([
    {
      paymentId: 'pay-evil',
      firstPosition: 0,
      statements: [
        {
          individual_id: 'eve',
          type: 'regular_payroll',
          total_hours: 12.5,
          gross_pay: { amount: 100_050, currency: 'usd' },
          net_pay: { amount: 80_000, currency: 'usd' },
          earnings: [],
          taxes: [{ name: EVIL_TAX, type: 'state', amount: 15_050, employer: false }],
          employee_deductions: [{ name: 'Garnish', amount: 5_000, pre_tax: false }],
          employer_contributions: [],
        } as unknown as PayStatement,
      ],
    },
  ])
  staging.writeRegisterOf('pay-evil')
  staging.swap(null, '2026-12-02T11:00:00.000Z')
}

/** Finch's pay groups list as a later sync reads it: one named group; `semimonthly` is absent. */
function addPayGroups(fixture: ReturnType<typeof openPayrollFixture>): void {
  const staging = beginLaterSync(fixture.db, '2026-12-03T11:00:00.000Z')
  staging.writePayGroups([
    { id: 'biweekly', name: 'Hourly Biweekly', pay_frequencies: ['bi_weekly'], individual_ids: [] },
  ])
  staging.swap(null, '2026-12-03T11:00:00.000Z')
}

describe('the payroll review exports', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let dir: ReturnType<typeof makeTempDir>

  beforeEach(() => {
    fixture = openPayrollFixture()
    addHostileRun(fixture)
    dir = makeTempDir()
  })
  afterEach(() => {
    fixture.close()
    dir.remove()
  })

  async function exportFile(
    request: Omit<ExportRequest, 'connectionId' | 'unmasked'>,
  ): Promise<{ rows: unknown[][]; formulas: string[]; csv: string | null }> {
    const path = join(dir.path, `export.${request.format}`)
    const exports = new ExportService({
      db: fixture.db,
      cache: new PayrollCache(fixture.db),
      directory: new DirectoryQueries(fixture.db),
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      chooseSavePath: async () => path,
    })
    await exports.export({ ...request, connectionId: CONNECTION, unmasked: false })

    const bytes = readFileSync(path)
    const { rows, formulaCells: formulas } = await readSpreadsheet(bytes, request.format)
    const csv = request.format === 'csv' ? bytes.toString('utf8') : null
    return { rows, formulas, csv }
  }

  it.each(['csv', 'xlsx'] as const)(
    'writes a pay run’s register in %s with a total row equal to its columns and the payment',
    async (format) => {
      const { rows, formulas } = await exportFile({
        table: 'register',
        format,
        paymentId: 'pay-jan',
      })
      const [header, ...body] = rows as (string | number)[][]
      const total = body.at(-1)!
      const people = body.slice(0, -1)
      const cents = (value: unknown) => Math.round(Number(value) * 100)

      expect(formulas).toEqual([])
      expect(header).toEqual([
        'Person',
        'Hours',
        'Gross',
        'Tax: Federal Income Tax',
        'Tax: Social Security',
        'Employer tax: Social Security',
        'Deduction: 401k',
        'Deduction: pet_insurance_v2',
        'Contribution: 401k Match',
        'Net',
        'Finch individual ID',
      ])
      // Last-name order: `<b>Baker</b>` sorts before `Able`.
      expect(people.map((row) => row[0])).toEqual(['Ben <b>Baker</b>', 'Ann Able'])
      expect(total[0]).toBe('Total')
      for (let column = 2; column <= 9; column++) {
        const sum = people.reduce((acc, row) => acc + cents(row[column] ?? 0), 0)
        expect(cents(total[column])).toBe(sum)
      }
      expect(cents(total[2])).toBe(600_001)
      expect(cents(total[9])).toBe(450_000)
    },
  )

  it.each(['csv', 'xlsx'] as const)(
    'neutralizes hostile names in every payroll table in %s',
    async (format) => {
      const register = await exportFile({ table: 'register', format, paymentId: 'pay-evil' })
      const runs = await exportFile({ table: 'pay_runs', format, from: '2025-03-01' })
      const ytd = await exportFile({ table: 'ytd', format, year: 2025 })
      const people = await exportFile({ table: 'ytd_people', format, year: 2025 })
      const history = await exportFile({ table: 'pay_history', format, individualId: 'eve' })

      for (const file of [register, runs, ytd, people, history]) expect(file.formulas).toEqual([])
      // A header that starts with a word is not a formula, whatever follows.
      expect(register.rows[0]).toContain(`Tax: ${EVIL_TAX}`)
      expect(register.rows[1]?.[0]).toBe("'@Eve -Evil")
      expect(register.rows[1]?.[1]).toBe(format === 'csv' ? '12.5' : 12.5)
      expect(runs.rows).toHaveLength(2)
      expect(runs.rows[1]).toContain("'+group")
      expect(ytd.rows.map((row) => row[0])).toContain(`Tax: ${EVIL_TAX}`)
      expect(people.rows.map((row) => row[0])).toContain("'-Evil, @Eve")
      expect(history.rows).toHaveLength(2)
      // The statement type in the words the screen shows, not Finch's `regular_payroll`.
      expect(history.rows[1]?.[1]).toBe('Regular payroll')
    },
  )

  it.each(['csv', 'xlsx'] as const)(
    'names each pay run’s pay groups in %s, with Finch’s ids only in labelled columns at the end',
    async (format) => {
      addPayGroups(fixture)

      const { rows } = await exportFile({ table: 'pay_runs', format, from: '2024-01-01' })
      const [header, ...body] = rows as (string | number | null)[][]
      const column = (name: string) => header!.indexOf(name)
      const run = (paymentId: string) =>
        body.find((row) => row[column('Finch payment ID')] === paymentId)!

      expect(header!.slice(-3)).toEqual(['Pay groups', 'Finch payment ID', 'Finch pay group IDs'])
      expect(run('pay-jan')[column('Pay groups')]).toBe('Hourly Biweekly')
      expect(run('pay-dec')[column('Pay groups')]).toBe('Unnamed pay group')
      expect(run('pay-jan')[column('Finch pay group IDs')]).toBe('biweekly')
    },
  )

  it('writes the year to date with gross less taxes and deductions beside net', async () => {
    const { rows } = await exportFile({ table: 'ytd', format: 'xlsx', year: 2025 })
    const figure = (name: string) => rows.find((row) => row[0] === name)?.[1] as number

    expect(figure('Gross')).toBe(7_000.51)
    expect(figure('Post-tax deductions')).toBe(126.01)
    expect(
      Math.round(
        (figure('Gross') -
          figure('Employee taxes') -
          figure('Pre-tax deductions') -
          figure('Post-tax deductions') -
          figure('Net')) *
          100,
      ),
    ).toBe(Math.round(figure('Unexplained by the statements') * 100))
  })

  it('refuses a register export of a pay run the cache does not hold', async () => {
    await expect(
      exportFile({ table: 'register', format: 'csv', paymentId: 'no-such-run' }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
