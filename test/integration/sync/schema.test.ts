import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initialSchema } from '../../../src/main/cache/migrations/001-initial-schema'
import { migrations } from '../../../src/main/cache/migrations'
import { openDatabase } from '../../../src/main/cache/open-database'
import { PayrollCache } from '../../../src/main/cache/payroll-cache'
import { PayrollQueries } from '../../../src/main/cache/payroll-queries'
import { makeTempDir } from '../../support/temp-dir'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

describe('the cache schema', () => {
  it('moves a first-version cache’s company and directory into a live snapshot', () => {
    const dir = makeTempDir()
    const path = join(dir.path, 'cache.db')
    const keyHex = randomBytes(32).toString('hex')
    const old = new Database(path)
    old.pragma(`cipher='sqlcipher'`)
    old.pragma('legacy=4')
    old.pragma(`key="x'${keyHex}'"`)
    initialSchema.up(old)
    old.pragma('user_version = 1')
    old.exec(`
      INSERT INTO connection VALUES ('conn-1', 'finch', 'co-1', 'cust-1', 'Acme', 'gusto',
        'provider', '["company","directory"]', 'connected', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z');
      INSERT INTO company VALUES ('conn-1', 'Acme LLC', '12-3456789', 'llc', NULL, NULL, NULL,
        '[]', '[]', '[]', '{}', '2026-01-02T00:00:00Z');
      INSERT INTO directory_entry VALUES ('conn-1', 'p1', 0, 'Ada', NULL, 'Lovelace', 'R&D', NULL, 1, '{}');`)
    old.close()

    const cache = new PayrollCache(openDatabase({ path, keyHex }))

    expect(cache.database.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version)
    expect(cache.companyProfile('conn-1')?.legalName).toBe('Acme LLC')
    expect(cache.directoryPage({ connectionId: 'conn-1', offset: 0, limit: 10 }).rows).toEqual([
      expect.objectContaining({ individualId: 'p1', lastName: 'Lovelace', isActive: true }),
    ])
    expect(cache.listConnections()[0]).toMatchObject({ companyName: 'Acme LLC', peopleCount: 1 })
    cache.close()
    dir.remove()
  })

  describe('the review queries', () => {
    let harness: SyncHarness
    let queries: PayrollQueries

    beforeAll(async () => {
      harness = await startSyncHarness({ username: 'scale-20-4' })
      await harness.sync.sync(harness.connectionId)
      queries = new PayrollQueries(harness.cache.database)
    })

    afterAll(() => harness.close())

    function plan(sql: string, ...params: unknown[]): string {
      return (
        harness.cache.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
          detail: string
        }[]
      )
        .map((row) => row.detail)
        .join('\n')
    }

    it('read the register, statements and lines of the live snapshot, in cents', () => {
      const payments = queries.paymentsBetween(harness.connectionId, '2000-01-01', '2099-12-31')
      const statements = queries.statementsOfPayment(harness.connectionId, payments[0]!.paymentId)
      const lines = queries.linesOfStatement(statements[0]!.statementRow)
      const earned = lines
        .filter((line) => line.kind === 'earning')
        .reduce((total, line) => total + (line.amountCents ?? 0), 0)

      expect(payments).toHaveLength(4)
      expect(statements).toHaveLength(20)
      expect(earned).toBe(statements[0]!.grossPayCents)
      expect(
        queries.statementsOfIndividual(harness.connectionId, statements[0]!.individualId),
      ).toHaveLength(4)
      expect(queries.people(harness.connectionId, { active: true })).toHaveLength(20)
      expect(queries.completeness(harness.connectionId)).toMatchObject({ pending: [], errors: [] })
    })

    it('use an index for every review query', () => {
      const c = harness.connectionId
      expect(
        plan('SELECT * FROM payment WHERE connection_id = ? AND pay_date >= ?', c, ''),
      ).toMatch(/USING INDEX payment_version_by_pay_date/)
      expect(
        plan('SELECT * FROM pay_statement WHERE connection_id = ? AND payment_id = ?', c, ''),
      ).toMatch(/USING INDEX pay_statement_version_by_payment/)
      expect(
        plan('SELECT * FROM pay_statement WHERE connection_id = ? AND individual_id = ?', c, ''),
      ).toMatch(/USING INDEX pay_statement_version_by_individual/)
      expect(plan('SELECT * FROM pay_statement_line WHERE statement_row = ?', 1)).toMatch(
        /SEARCH ch USING PRIMARY KEY \(statement_row=\?\)/,
      )
      for (const column of ['department', 'manager_id', 'is_active']) {
        expect(
          plan(`SELECT * FROM directory_entry WHERE connection_id = ? AND ${column} = ?`, c, ''),
        ).toMatch(/USING INDEX directory_entry_version_by_/)
        expect(
          plan(`SELECT * FROM employment WHERE connection_id = ? AND ${column} = ?`, c, ''),
        ).toMatch(/USING INDEX employment_version_by_/)
      }
      expect(plan('SELECT * FROM payment')).not.toMatch(/SCAN c\b/)
    })
  })
})
