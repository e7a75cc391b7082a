import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EmploymentBody, IndividualBody } from '../../../../src/main/cache/finch-rows'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import { SnapshotStore } from '../../../../src/main/cache/snapshot-store'
import { ExportService } from '../../../../src/main/export/export-service'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { DirectoryQueries } from '../../../../src/main/review/directory-queries'
import { readFreshness } from '../../../../src/main/review/freshness-query'
import { makeTempDir } from '../../../support/temp-dir'

const CONNECTION = 'conn-1'

function person(
  id: string,
  first: string,
  last: string,
  department: string | null,
  managerId: string | null,
  isActive: boolean | null = true,
): IndividualInDirectory {
  return {
    id,
    first_name: first,
    middle_name: null,
    last_name: last,
    is_active: isActive,
    department: department ? { name: department } : null,
    manager: managerId ? { id: managerId } : null,
  }
}

/** A chief, two leads under her, four people under the leads, one whose manager left. */
const ORG = [
  person('ceo', 'Ada', 'Chief', 'Executive', null),
  person('lead-a', 'Bo', 'Alder', 'Ovens', 'ceo'),
  person('lead-b', 'Cy', 'Birch', 'Front', 'ceo'),
  person('a1', 'Di', 'Cedar', 'Ovens', 'lead-a'),
  person('a2', 'Ed', 'Dogwood', 'Ovens', 'lead-a', false),
  person('b1', 'Flo', 'Elm', 'Front', 'lead-b', null),
  person('b2', 'Gus', 'Fir', 'Front', 'lead-b'),
  person('orphan', 'Hal', 'Gum', 'Front', 'gone'),
]

/** Where each person works and on what terms, as Finch's employment endpoint says. */
const EMPLOYMENT: Record<string, { city: string; state: string; type: string; subtype: string }> = {
  ceo: { city: 'Springfield', state: 'IL', type: 'employee', subtype: 'full_time' },
  'lead-a': { city: 'Springfield', state: 'IL', type: 'employee', subtype: 'full_time' },
  'lead-b': { city: 'Shelbyville', state: 'IL', type: 'employee', subtype: 'full_time' },
  a1: { city: 'Springfield', state: 'IL', type: 'employee', subtype: 'part_time' },
  a2: { city: 'Springfield', state: 'IL', type: 'contractor', subtype: 'individual_contractor' },
  b1: { city: 'Shelbyville', state: 'IL', type: 'employee', subtype: 'part_time' },
  b2: { city: 'Shelbyville', state: 'IL', type: 'employee', subtype: 'full_time' },
}

function employment(id: string): EmploymentBody {
  const { city, state, type, subtype } = EMPLOYMENT[id]!
  return {
    id,
    location: { line1: '1 Main St', city, state, country: 'US' },
    employment: { type, subtype },
    is_active: true,
  } as unknown as EmploymentBody
}

function individual(id: string, emails: string[]): IndividualBody {
  const person = ORG.find((entry) => entry.id === id)!
  return {
    id,
    first_name: person.first_name,
    last_name: person.last_name,
    emails: emails.map((data, index) => ({ data, type: index === 0 ? 'work' : 'personal' })),
  } as unknown as IndividualBody
}

describe('DirectoryQueries', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: CacheDatabase
  let queries: DirectoryQueries

  /** A second sync brings individual and employment records (the orphan has neither). */
  function syncPeopleDetails(): void {
    const staging = new SnapshotStore(db).begin(CONNECTION, {
      mode: 'incremental',
      paymentsFrom: null,
      paymentsTo: null,
      fullSyncAt: null,
      now: '2026-12-02T11:00:00.000Z',
    })
    staging.writeIndividuals([
      individual('a1', ['di.cedar@acme.example', 'dicedar77@mail.example']),
      individual('b2', ['gus.fir@acme.example']),
      individual('lead-b', ['cy@birch.example']),
    ])
    staging.writeEmployments(Object.keys(EMPLOYMENT).map(employment))
    staging.finalize()
    staging.swap(null, '2026-12-02T11:00:00.000Z')
  }

  beforeEach(() => {
    dir = makeTempDir()
    db = openDatabase({ path: join(dir.path, 'cache.db'), keyHex: randomBytes(32).toString('hex') })
    const cache = new PayrollCache(db)
    cache.saveConnection({
      connectionId: CONNECTION,
      environment: 'demo',
      companyId: 'company-1',
      customerId: 'customer-1',
      customerName: 'Acme Bakery',
      providerId: 'gusto',
      connectionType: 'provider',
      products: ['company', 'directory'],
      connectedAt: '2026-12-01T10:00:00.000Z',
    })
    cache.replaceCompanySnapshot({
      connectionId: CONNECTION,
      company: {
        legal_name: 'Acme Bakery LLC',
        locations: [{ line1: '1 Main St', city: 'Springfield', state: 'IL', country: 'US' }],
      } as unknown as Company,
      directory: ORG,
      retrievedAt: '2026-12-01T11:00:00.000Z',
    })
    queries = new DirectoryQueries(db)
  })
  afterEach(() => {
    db.close()
    dir.remove()
  })

  const ids = (rows: { individualId: string }[]) => rows.map((row) => row.individualId)

  it('reads a window of the directory in name order with the total', () => {
    const page = queries.page({ connectionId: CONNECTION, offset: 2, limit: 3 })

    expect(page.total).toBe(8)
    expect(page.offset).toBe(2)
    expect(ids(page.rows)).toEqual(['a1', 'ceo', 'a2'])
    expect(page.rows[0]?.managerName).toBe('Bo Alder')
  })

  it('combines search, department, status and manager filters', () => {
    const base = { connectionId: CONNECTION, offset: 0, limit: 50 }

    expect(ids(queries.page({ ...base, department: 'Ovens' }).rows)).toEqual(['lead-a', 'a1', 'a2'])
    expect(ids(queries.page({ ...base, status: 'terminated' }).rows)).toEqual(['a2'])
    expect(ids(queries.page({ ...base, status: 'unknown' }).rows)).toEqual(['b1'])
    expect(ids(queries.page({ ...base, managerId: 'lead-b' }).rows)).toEqual(['b1', 'b2'])
    expect(ids(queries.page({ ...base, search: 'fl el', department: 'Front' }).rows)).toEqual([
      'b1',
    ])
    expect(queries.page({ ...base, search: '%' }).total).toBe(0)
  })

  it('offers each filter value with its count, and says what it cannot filter yet', () => {
    const facets = queries.facets(CONNECTION)

    expect(facets.total).toBe(8)
    expect(facets.departments).toEqual([
      { value: 'Executive', label: 'Executive', count: 1 },
      { value: 'Front', label: 'Front', count: 4 },
      { value: 'Ovens', label: 'Ovens', count: 3 },
    ])
    expect(facets.statuses.map((s) => [s.value, s.count])).toEqual([
      ['active', 6],
      ['terminated', 1],
      ['unknown', 1],
    ])
    // Named as the Manager column names them, still in last-name order.
    expect(facets.managers.map((m) => [m.label, m.count])).toEqual([
      ['Bo Alder', 2],
      ['Cy Birch', 2],
      ['Ada Chief', 2],
      ['Not in the directory', 1],
    ])
    expect(facets.locations).toEqual([])
    expect(facets.employmentTypes).toEqual([])
    expect(facets.hasEmployment).toBe(false)
  })

  it('offers locations and employment types from employment records, with counts', () => {
    syncPeopleDetails()

    const facets = queries.facets(CONNECTION)

    expect(facets.hasEmployment).toBe(true)
    expect(facets.locations).toEqual([
      { value: 'Shelbyville, IL', label: 'Shelbyville, IL', count: 3 },
      { value: 'Springfield, IL', label: 'Springfield, IL', count: 4 },
    ])
    expect(facets.employmentTypes).toEqual([
      { value: 'employee/full_time', label: 'Full-time employee', count: 4 },
      {
        value: 'contractor/individual_contractor',
        label: 'Individual contractor',
        count: 1,
      },
      { value: 'employee/part_time', label: 'Part-time employee', count: 2 },
    ])
  })

  it('filters by location', () => {
    syncPeopleDetails()
    const base = { connectionId: CONNECTION, offset: 0, limit: 50 }

    const page = queries.page({ ...base, location: 'Shelbyville, IL' })

    expect(page.total).toBe(3)
    expect(ids(page.rows)).toEqual(['lead-b', 'b1', 'b2'])
    expect(queries.page({ ...base, location: 'Springfield' }).total).toBe(0)
  })

  it('filters by employment type, alone and with the other filters', () => {
    syncPeopleDetails()
    const base = { connectionId: CONNECTION, offset: 0, limit: 50 }

    expect(ids(queries.page({ ...base, employmentType: 'employee/part_time' }).rows)).toEqual([
      'a1',
      'b1',
    ])
    expect(
      ids(
        queries.page({ ...base, employmentType: 'employee/part_time', department: 'Front' }).rows,
      ),
    ).toEqual(['b1'])
    expect(
      ids(
        queries.page({
          ...base,
          employmentType: 'employee/full_time',
          location: 'Springfield, IL',
          status: 'active',
        }).rows,
      ),
    ).toEqual(['lead-a', 'ceo'])
  })

  it('finds people by any of their emails, whole or by a word of it', () => {
    syncPeopleDetails()
    const base = { connectionId: CONNECTION, offset: 0, limit: 50 }

    expect(ids(queries.page({ ...base, search: 'di.cedar@acme.example' }).rows)).toEqual(['a1'])
    expect(ids(queries.page({ ...base, search: 'dicedar77' }).rows)).toEqual(['a1'])
    expect(ids(queries.page({ ...base, search: 'acme.example' }).rows)).toEqual(['a1', 'b2'])
    expect(ids(queries.page({ ...base, search: 'birch.example' }).rows)).toEqual(['lead-b'])
    expect(queries.page({ ...base, search: 'nobody@acme.example' }).total).toBe(0)
  })

  it('shows each person’s work email, or another where Finch has no work email', () => {
    syncPeopleDetails()
    const staging = new SnapshotStore(db).begin(CONNECTION, {
      mode: 'incremental',
      paymentsFrom: null,
      paymentsTo: null,
      fullSyncAt: null,
      now: '2026-12-02T12:00:00.000Z',
    })
    const withEmails = (id: string, emails: { data: unknown; type: string }[]) =>
      ({ ...individual(id, []), emails }) as unknown as IndividualBody
    staging.replacePeople('individual', ['a1', 'b2', 'lead-b'])
    staging.writeIndividuals([
      withEmails('a1', [
        { data: 'di@home.example', type: 'personal' },
        { data: 'di.cedar@acme.example', type: 'work' },
      ]),
      withEmails('b2', [{ data: 'gus@home.example', type: 'personal' }]),
      withEmails('lead-b', [{ data: 42, type: 'work' }]),
    ])
    staging.finalize()
    staging.swap(null, '2026-12-02T12:00:00.000Z')

    const rows = queries.page({ connectionId: CONNECTION, offset: 0, limit: 50 }).rows
    const emailOf = (id: string) => rows.find((row) => row.individualId === id)?.email
    expect(emailOf('a1')).toBe('di.cedar@acme.example')
    expect(emailOf('b2')).toBe('gus@home.example')
    expect(emailOf('lead-b')).toBeNull()
    expect(emailOf('orphan')).toBeNull()
  })

  it('counts again after a sync changes who is in the directory', () => {
    const base = { connectionId: CONNECTION, offset: 0, limit: 50 }
    expect(queries.page({ ...base, department: 'Front' }).total).toBe(4)
    expect(queries.facets(CONNECTION).total).toBe(8)

    const staging = new SnapshotStore(db).begin(CONNECTION, {
      mode: 'company',
      paymentsFrom: null,
      paymentsTo: null,
      fullSyncAt: null,
      now: '2026-12-03T11:00:00.000Z',
    })
    staging.replaceAll('directory')
    staging.writeDirectory(
      ORG.filter((person) => person.id !== 'b2').map((person, position) => ({ person, position })),
    )
    staging.finalize()
    staging.swap(null, '2026-12-03T11:00:00.000Z')

    expect(queries.page({ ...base, department: 'Front' }).total).toBe(3)
    expect(queries.facets(CONNECTION).total).toBe(7)
  })

  it('exports the directory under the location, employment type and email search', async () => {
    syncPeopleDetails()
    const path = join(dir.path, 'people.csv')
    const logger = createLogger({ sinks: [], redactor: new Redactor() })
    const exports = new ExportService({
      db,
      cache: new PayrollCache(db),
      directory: queries,
      logger,
      chooseSavePath: async () => path,
    })
    const request = { connectionId: CONNECTION, table: 'directory', format: 'csv' } as const

    const byPlace = await exports.export({
      ...request,
      unmasked: false,
      location: 'Shelbyville, IL',
      employmentType: 'employee/full_time',
    })
    const placeRows = readFileSync(path, 'utf8').trim().split('\r\n').slice(1)
    const byEmail = await exports.export({ ...request, unmasked: false, search: 'acme.example' })
    const emailRows = readFileSync(path, 'utf8').trim().split('\r\n').slice(1)

    expect(byPlace).toMatchObject({ outcome: 'saved', rowCount: 2 })
    expect(placeRows.map((row) => row.split(',')[0])).toEqual(['Birch', 'Fir'])
    expect(byEmail).toMatchObject({ outcome: 'saved', rowCount: 2 })
    expect(emailRows.map((row) => row.split(',')[0])).toEqual(['Cedar', 'Fir'])
  })

  it('reads the org chart a manager at a time, counting each person’s reports', () => {
    const top = queries.reports({ connectionId: CONNECTION, managerId: null, offset: 0, limit: 10 })
    const underChief = queries.reports({
      connectionId: CONNECTION,
      managerId: 'ceo',
      offset: 0,
      limit: 1,
    })

    expect(top.nodes.map((n) => [n.individualId, n.reportCount])).toEqual([
      ['ceo', 2],
      ['orphan', 0],
    ])
    expect(underChief.total).toBe(2)
    expect(underChief.nodes.map((n) => [n.individualId, n.reportCount])).toEqual([['lead-a', 2]])
  })

  it('reads every filtered row in batches for an export', () => {
    const batches = [...queries.batches(CONNECTION, { department: 'Front' }, 3)]

    expect(batches.map(ids)).toEqual([['lead-b', 'b1', 'b2'], ['orphan']])
  })

  it('tells when the cache was filled and how the last sync attempt ended', () => {
    db.prepare(
      `INSERT INTO sync_run (connection_id, started_at, finished_at, status, error_code)
       VALUES (?, '2026-12-02T00:00:00Z', '2026-12-02T00:00:05Z', 'failed', 'finch_unreachable')`,
    ).run(CONNECTION)

    expect(readFreshness(db, CONNECTION)).toEqual({
      connectionId: CONNECTION,
      lastSyncedAt: '2026-12-01T11:00:00.000Z',
      lastAttempt: {
        status: 'failed',
        finishedAt: '2026-12-02T00:00:05Z',
        errorCode: 'finch_unreachable',
      },
    })
  })
})
