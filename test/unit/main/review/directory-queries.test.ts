import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
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

describe('DirectoryQueries', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: CacheDatabase
  let queries: DirectoryQueries

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
    expect(facets.managers.map((m) => [m.label, m.count])).toEqual([
      ['Alder, Bo', 2],
      ['Birch, Cy', 2],
      ['Chief, Ada', 2],
      ['Not in the directory', 1],
    ])
    expect(facets.locations.values).toEqual(['Springfield, IL'])
    expect(facets.locations.missing).toMatch(/employment data/)
    expect(facets.employmentTypes.values).toEqual([])
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
