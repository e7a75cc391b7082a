import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import type { ChooseSavePath } from '../../../../src/main/export/export-service'
import { ExportService } from '../../../../src/main/export/export-service'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { DirectoryQueries } from '../../../../src/main/review/directory-queries'
import { makeTempDir } from '../../../support/temp-dir'

const CONNECTION = 'conn-1'

const company = {
  legal_name: '=HYPERLINK("https://attacker.invalid") Bakery',
  ein: '12-3456789',
  entity: { type: 'corporation', subtype: 's_corporation' },
  departments: [{ name: '@Ovens' }],
  locations: [],
  accounts: [
    {
      account_name: 'Payroll',
      account_number: '000123456789',
      account_type: 'checking',
      institution_name: 'First Bank',
      routing_number: '021000021',
    },
  ],
} as unknown as Company

const people: IndividualInDirectory[] = ['Ana', '-Bo', 'Cy'].map((first, index) => ({
  id: `p${index}`,
  first_name: first,
  middle_name: null,
  last_name: `Last${index}`,
  is_active: true,
  department: { name: '@Ovens' },
  manager: null,
}))

describe('ExportService', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: CacheDatabase
  let cache: PayrollCache

  beforeEach(() => {
    dir = makeTempDir()
    db = openDatabase({ path: join(dir.path, 'cache.db'), keyHex: randomBytes(32).toString('hex') })
    cache = new PayrollCache(db)
    cache.saveConnection({
      connectionId: CONNECTION,
      environment: 'demo',
      companyId: 'company-1',
      customerId: 'customer-1',
      customerName: 'Acme',
      providerId: 'gusto',
      connectionType: 'provider',
      products: ['company', 'directory'],
      connectedAt: '2026-12-01T10:00:00.000Z',
    })
    cache.replaceCompanySnapshot({
      connectionId: CONNECTION,
      company,
      directory: people,
      retrievedAt: '2026-12-01T11:00:00.000Z',
    })
  })
  afterEach(() => {
    db.close()
    dir.remove()
  })

  function service(chooseSavePath?: ChooseSavePath): ExportService {
    const logger = createLogger({ sinks: [], redactor: new Redactor() })
    return new ExportService({
      db,
      cache,
      directory: new DirectoryQueries(db),
      logger,
      now: () => Date.parse('2026-12-02T09:00:00Z'),
      ...(chooseSavePath ? { chooseSavePath } : {}),
    })
  }

  it('writes the filtered directory to the path the accountant chose', async () => {
    const path = join(dir.path, 'people.csv')
    const offered: string[] = []

    const outcome = await service(async (name, filters) => {
      offered.push(name, ...filters.flatMap((filter) => filter.extensions))
      return path
    }).export({
      connectionId: CONNECTION,
      table: 'directory',
      format: 'csv',
      unmasked: false,
      search: 'Last1',
    })

    expect(outcome).toEqual({ outcome: 'saved', fileName: 'people.csv', rowCount: 1 })
    expect(offered).toEqual([
      'HYPERLINK( https attacker.invalid ) Bakery directory 2026-12-02.csv',
      'csv',
    ])
    expect(readFileSync(path, 'utf8').split('\r\n')[1]).toBe("Last1,'-Bo,,,'@Ovens,,Active,p1")
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const outcome = await service(async () => null).export({
      connectionId: CONNECTION,
      table: 'company',
      format: 'xlsx',
      unmasked: false,
    })

    expect(outcome).toEqual({ outcome: 'cancelled' })
  })

  it('offers a one-time download where there is no save dialog', async () => {
    const exports = service()

    const outcome = await exports.export({
      connectionId: CONNECTION,
      table: 'company',
      format: 'csv',
      unmasked: false,
    })
    if (outcome.outcome !== 'download') throw new Error('expected a download')
    const id = outcome.downloadPath.replace('/__export/', '')
    const pending = exports.takeDownload(id)
    const target = new PassThrough()
    const chunks: Buffer[] = []
    target.on('data', (chunk: Buffer) => chunks.push(chunk))
    await pending?.write(target)
    const text = Buffer.concat(chunks).toString('utf8')

    expect(exports.takeDownload(id)).toBeNull()
    expect(text).toContain(`Company,Legal name,"'=HYPERLINK(""https://attacker.invalid"") Bakery"`)
    expect(text).toContain('Company,EIN,••-•••6789')
    expect(text).toContain('Bank account 1,Account number (last four),6789')
    expect(text).not.toContain('000123456789')
  })

  it('writes Finch’s entity and account types in words, as the company card shows them', async () => {
    const path = join(dir.path, 'company.csv')

    await service(async () => path).export({
      connectionId: CONNECTION,
      table: 'company',
      format: 'csv',
      unmasked: false,
    })
    const text = readFileSync(path, 'utf8')

    expect(text).toContain('Company,Entity type,Corporation\r\n')
    expect(text).toContain('Company,Entity subtype,S corporation\r\n')
    expect(text).toContain('Bank account 1,Account type,Checking\r\n')
    expect(text).not.toMatch(/s_corporation|,checking|,corporation/)
  })

  it('writes the full EIN and account numbers only when asked to unmask', async () => {
    const path = join(dir.path, 'company.csv')

    await service(async () => path).export({
      connectionId: CONNECTION,
      table: 'company',
      format: 'csv',
      unmasked: true,
    })
    const text = readFileSync(path, 'utf8')

    expect(text).toContain('Company,EIN,12-3456789')
    expect(text).toContain('Bank account 1,Account number,000123456789')
    expect(text).toContain('Bank account 1,Routing number,021000021')
  })
})
