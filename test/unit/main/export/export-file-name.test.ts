import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import { exportFileTitle, suggestedFileName } from '../../../../src/main/export/export-file-name'
import type { ExportRequest } from '../../../../src/main/export/export-service'
import { ExportService } from '../../../../src/main/export/export-service'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { DirectoryQueries } from '../../../../src/main/review/directory-queries'
import { PayrollReviewQueries } from '../../../../src/main/review/payroll-queries'
import { makeTempDir } from '../../../support/temp-dir'
import {
  CONNECTION as CHECKS_CONNECTION,
  openPayrollFixture as openChecksFixture,
} from '../checks/payroll-fixture'
import { CONNECTION, beginLaterSync, openPayrollFixture } from '../review/payroll-fixture'

describe('suggestedFileName', () => {
  it('keeps letters and digits of any script and drops what a file system or shell would read', () => {
    expect(
      suggestedFileName(
        '../<Ünïcode> "Co" 株式会社',
        { subject: ['directory', '2026-01-02'] },
        'xlsx',
      ),
    ).toBe('Ünïcode Co 株式会社 directory 2026-01-02.xlsx')
  })

  it('keeps the dot of `Inc.` inside the name but never at its end or start', () => {
    expect(
      suggestedFileName('Northwind Labs, Inc.', { subject: ['checks', '2026-12-04'] }, 'pdf'),
    ).toBe('Northwind Labs, Inc. checks 2026-12-04.pdf')
    expect(suggestedFileName('...', { subject: ['Ends with a dot.'] }, 'csv')).toBe(
      'Company Ends with a dot.csv',
    )
  })

  it('makes a hostile person’s name safe as it makes the company’s', () => {
    const name = suggestedFileName(
      'Acme',
      { person: '../../etc/passwd\u0000 <Eve>', subject: ['pay history', '2026-12-04'] },
      'csv',
    )

    expect(name).toBe('Acme - etc passwd Eve pay history 2026-12-04.csv')
    expect([...name].filter((char) => char === '/' || char === '\\' || char < ' ')).toEqual([])
  })
})

describe('the file names of exports', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let dir: ReturnType<typeof makeTempDir>

  beforeEach(() => {
    fixture = openPayrollFixture()
    dir = makeTempDir()
  })
  afterEach(() => {
    fixture.close()
    dir.remove()
  })

  async function fileNameOf(
    request: Omit<ExportRequest, 'connectionId' | 'unmasked' | 'format'>,
  ): Promise<string> {
    let offered = ''
    await new ExportService({
      db: fixture.db,
      cache: new PayrollCache(fixture.db),
      directory: new DirectoryQueries(fixture.db),
      logger: createLogger({ sinks: [], redactor: new Redactor() }),
      now: () => Date.parse('2026-12-04T09:00:00Z'),
      chooseSavePath: async (name) => {
        offered = name
        return join(dir.path, 'export.csv')
      },
    }).export({ ...request, format: 'csv', connectionId: CONNECTION, unmasked: false })
    return offered
  }

  it('names a person’s year to date apart from the company’s, each with its year', async () => {
    const company = await fileNameOf({ table: 'ytd', year: 2025 })
    const person = await fileNameOf({ table: 'ytd', year: 2025, individualId: 'ann' })
    const byPerson = await fileNameOf({ table: 'ytd_people', year: 2025 })

    expect(company).toBe('Acme Bakery year to date 2025 as of 2026-12-04.csv')
    expect(person).toBe('Acme Bakery - Ann Able year to date 2025 as of 2026-12-04.csv')
    expect(byPerson).toBe('Acme Bakery year to date by person 2025 as of 2026-12-04.csv')
  })

  it('names a person’s pay history, and one statement by its person and pay date', async () => {
    const [first] = new PayrollReviewQueries(fixture.db).registerPage({
      connectionId: CONNECTION,
      paymentId: 'pay-jan',
      offset: 0,
      limit: 1,
    }).rows

    expect(await fileNameOf({ table: 'pay_history', individualId: 'ann' })).toBe(
      'Acme Bakery - Ann Able pay history 2026-12-04.csv',
    )
    expect(await fileNameOf({ table: 'pay_statement', statementRow: first!.statementRow })).toBe(
      'Acme Bakery - Ben b Baker b pay statement 2025-01-17.csv',
    )
  })

  it('names a register by its pay date and, with several pay groups, by its group', async () => {
    expect(await fileNameOf({ table: 'register', paymentId: 'pay-jan' })).toBe(
      'Acme Bakery register 2025-01-17 Unnamed pay group.csv',
    )

    const staging = beginLaterSync(fixture.db, '2026-12-03T11:00:00.000Z')
    staging.writePayGroups([
      { id: 'biweekly', name: 'Hourly Biweekly', pay_frequencies: [], individual_ids: [] },
    ])
    staging.swap(null, '2026-12-03T11:00:00.000Z')

    expect(await fileNameOf({ table: 'register', paymentId: 'pay-jan' })).toBe(
      'Acme Bakery register 2025-01-17 Hourly Biweekly.csv',
    )
  })

  it('leaves the pay group out of a register’s name when the company pays one group', () => {
    const checks = openChecksFixture()
    checks.addPayGroup('g-1', 'Salaried')
    checks.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-08-14',
      payGroupIds: ['g-1'],
      statements: [],
    })

    const title = exportFileTitle(
      checks.db,
      { connectionId: CHECKS_CONNECTION, table: 'register', paymentId: 'pay-1' },
      new Date('2026-12-04T09:00:00Z'),
    )
    checks.close()

    expect(suggestedFileName('Acme', title, 'csv')).toBe('Acme register 2026-08-14.csv')
  })

  it('says each table in words, not by its key', async () => {
    const names = await Promise.all(
      (['cash_requirement', 'audit_trail', 'pay_runs'] as const).map((table) =>
        fileNameOf({ table }),
      ),
    )

    expect(names).toEqual([
      'Acme Bakery cash requirement 2026-12-04.csv',
      'Acme Bakery audit trail 2026-12-04.csv',
      'Acme Bakery pay runs 2026-12-04.csv',
    ])
  })
})
