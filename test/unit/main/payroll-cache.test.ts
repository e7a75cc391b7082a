import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { makeTempDir } from '../../support/temp-dir'

const connection = {
  connectionId: 'conn-1',
  environment: 'demo' as const,
  companyId: 'company-1',
  customerId: 'customer-1',
  customerName: 'Acme Bakery',
  providerId: 'gusto',
  connectionType: 'provider' as const,
  products: ['company', 'directory'],
  connectedAt: '2026-12-01T10:00:00.000Z',
}

const company = {
  id: 'company-1',
  legal_name: 'Acme Bakery LLC',
  ein: '12-3456789',
  entity: { type: 'llc', subtype: null },
  primary_email: 'books@acme.test',
  primary_phone_number: '5551234567',
  departments: [{ name: 'Ovens', parent: null }],
  locations: [
    {
      line1: '1 Main St',
      line2: null,
      city: 'Springfield',
      state: 'IL',
      postal_code: '62701',
      country: 'US',
    },
  ],
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

function person(
  id: string,
  first: string,
  last: string,
  managerId: string | null = null,
): IndividualInDirectory {
  return {
    id,
    first_name: first,
    middle_name: null,
    last_name: last,
    is_active: true,
    department: { name: 'Ovens' },
    manager: managerId ? { id: managerId } : null,
  }
}

describe('the encrypted payroll cache', () => {
  let dir: ReturnType<typeof makeTempDir>
  const keyHex = randomBytes(32).toString('hex')

  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(() => dir.remove())

  it('keeps every byte of the file encrypted', () => {
    const path = join(dir.path, 'cache.db')
    const cache = new PayrollCache(openDatabase({ path, keyHex }))
    cache.saveConnection(connection)
    cache.replaceCompanySnapshot({
      connectionId: 'conn-1',
      company,
      directory: [person('p1', 'Zelda', 'Quintana')],
      retrievedAt: '2026-12-01T10:01:00.000Z',
    })

    cache.close()

    const bytes = readFileSync(path)
    expect(bytes.includes('Acme Bakery')).toBe(false)
    expect(bytes.includes('Quintana')).toBe(false)
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3')
  })

  it('refuses another key with a typed error that says so', () => {
    const path = join(dir.path, 'cache.db')
    openDatabase({ path, keyHex }).close()

    const failure = (() => {
      try {
        openDatabase({ path, keyHex: randomBytes(32).toString('hex') })
      } catch (error) {
        return error
      }
    })()

    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).message).toContain('another key')
  })

  it('migrates a new file to the latest schema version', () => {
    const db = openDatabase({ path: join(dir.path, 'cache.db'), keyHex })

    const version = db.pragma('user_version', { simple: true })

    expect(version).toBeGreaterThanOrEqual(1)
    db.close()
  })

  it('masks the EIN and bank account numbers it returns', () => {
    const cache = new PayrollCache(openDatabase({ path: join(dir.path, 'cache.db'), keyHex }))
    cache.saveConnection(connection)

    cache.replaceCompanySnapshot({
      connectionId: 'conn-1',
      company,
      directory: null,
      retrievedAt: '2026-12-01T10:01:00.000Z',
    })
    const profile = cache.companyProfile('conn-1')

    expect(profile?.legalName).toBe('Acme Bakery LLC')
    expect(profile?.einMasked).toBe('••-•••6789')
    expect(profile?.accounts).toEqual([
      {
        accountName: 'Payroll',
        institutionName: 'First Bank',
        accountType: 'checking',
        last4: '6789',
      },
    ])
    expect(JSON.stringify(profile)).not.toContain('000123456789')
    cache.close()
  })

  it('pages and searches the directory with manager names, sorted by last name', () => {
    const cache = new PayrollCache(openDatabase({ path: join(dir.path, 'cache.db'), keyHex }))
    cache.saveConnection(connection)
    const people = [
      person('p1', 'Ada', 'Lovelace'),
      person('p2', 'Grace', 'Hopper', 'p1'),
      person('p3', 'Alan', 'Turing', 'p1'),
    ]

    cache.replaceCompanySnapshot({
      connectionId: 'conn-1',
      company: null,
      directory: people,
      retrievedAt: 'now',
    })
    const firstPage = cache.directoryPage({ connectionId: 'conn-1', offset: 0, limit: 2 })
    const search = cache.directoryPage({
      connectionId: 'conn-1',
      offset: 0,
      limit: 10,
      search: 'grace',
    })
    const fullName = cache.directoryPage({
      connectionId: 'conn-1',
      offset: 0,
      limit: 10,
      search: 'ada love',
    })
    const likeWildcard = cache.directoryPage({
      connectionId: 'conn-1',
      offset: 0,
      limit: 10,
      search: '%',
    })

    expect(firstPage.total).toBe(3)
    expect(firstPage.rows.map((r) => r.lastName)).toEqual(['Hopper', 'Lovelace'])
    expect(firstPage.rows[0]?.managerName).toBe('Ada Lovelace')
    expect(search.rows.map((r) => r.individualId)).toEqual(['p2'])
    expect(fullName.rows.map((r) => r.individualId)).toEqual(['p1'])
    expect(likeWildcard.total).toBe(0)
    cache.close()
  })

  it('replaces a snapshot whole, so the old directory is gone and the new one complete', () => {
    const cache = new PayrollCache(openDatabase({ path: join(dir.path, 'cache.db'), keyHex }))
    cache.saveConnection(connection)
    cache.replaceCompanySnapshot({
      connectionId: 'conn-1',
      company,
      directory: [person('p1', 'Old', 'Person')],
      retrievedAt: 't1',
    })

    cache.replaceCompanySnapshot({
      connectionId: 'conn-1',
      company,
      directory: [person('p2', 'New', 'Person')],
      retrievedAt: 't2',
    })

    const page = cache.directoryPage({ connectionId: 'conn-1', offset: 0, limit: 10 })
    expect(page.rows.map((r) => r.individualId)).toEqual(['p2'])
    expect(cache.listConnections()[0]).toMatchObject({
      lastSyncedAt: 't2',
      companyName: 'Acme Bakery LLC',
      peopleCount: 1,
    })
    cache.close()
  })
})
