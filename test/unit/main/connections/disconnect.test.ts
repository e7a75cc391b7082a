/**
 * Disconnecting, and the purge behind "delete the cached data". How the purge is verified:
 * after syncing two real sandbox companies through the real sync, one is purged, and then
 *
 * 1. every table the schema says holds connection data (a `connection_id` column, or rows that
 *    cascade from such a table) has no row of it, and the other company's rows are untouched;
 * 2. full-text indexes no longer list any term only the purged company had;
 * 3. every page of the database file and every frame of its write-ahead log is decrypted with
 *    the key, independently of SQLite, and searched for the purged company's identifiers and
 *    names. Decrypting raw pages sees free pages and stale log frames that no SELECT reaches;
 *    the same search before the purge must find them (so an empty result is not a broken
 *    decryption), and page 1 must decrypt to a SQLite header.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { finchForConnection } from '../../../../src/main/finch/finch-gateway'
import { VAULT_ACCOUNTS } from '../../../../src/main/vault/secret-vault'
import { createScenario } from '../../../../src/sandbox/data'
import type { ConnectionSummary } from '../../../../src/shared/domain'
import { ScriptedConnectUser } from '../../../support/scripted-connect-user'
import type { ConnectionsFixture } from './connections-fixture'
import { startConnectionsFixture } from './connections-fixture'
import {
  decryptDatabaseFile,
  decryptWalFile,
  findInPages,
  looksLikeSqliteHeader,
} from './sqlcipher-pages'

const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
] as const

describe('disconnecting a connection', () => {
  let fixture: ConnectionsFixture

  afterEach(async () => {
    await fixture.close()
  })

  async function connectAndSync(customerName: string, username: string) {
    const connection = await fixture
      .flow({ presenter: new ScriptedConnectUser({ username }) })
      .connect({ customerName, products: [...ALL_PRODUCTS] })
    await fixture.sync.sync(connection.connectionId)
    return connection
  }

  async function tokenWorks(token: string): Promise<boolean> {
    return finchForConnection(fixture.sandbox.url, token)
      .account.introspect()
      .then(
        () => true,
        () => false,
      )
  }

  it('revokes the token at Finch, deletes it from the keychain and keeps the data readable', async () => {
    fixture = await startConnectionsFixture()
    const connection = await connectAndSync('Small Co', 'smallco')
    const tokenAccount = VAULT_ACCOUNTS.connectionToken(connection.connectionId)
    const token = (await fixture.vault.read(tokenAccount))!
    const company = fixture.cache.companyProfile(connection.connectionId)

    const outcome = await fixture.disconnect({
      connectionId: connection.connectionId,
      purge: false,
    })

    expect(outcome).toEqual({ connectionId: connection.connectionId, revoked: true, purged: false })
    expect(fixture.sandbox.requestLog().filter((e) => e.path === '/disconnect')).toHaveLength(1)
    expect(await tokenWorks(token)).toBe(false)
    expect(await fixture.tokenAccounts()).toEqual([])
    expect(fixture.cache.getConnection(connection.connectionId)?.status).toBe('disconnected')
    expect(fixture.cache.companyProfile(connection.connectionId)).toEqual(company)
  })

  it('changes nothing when Finch cannot be reached', async () => {
    fixture = await startConnectionsFixture()
    const connection = await connectAndSync('Small Co', 'smallco')
    const rows = fixture.storedRows()
    await fixture.sandbox.close()

    const failure = await fixture
      .disconnect({ connectionId: connection.connectionId, purge: true })
      .catch((e: unknown) => e)

    expect((failure as { code: string }).code).toBe('finch_unreachable')
    expect(await fixture.tokenAccounts()).toHaveLength(1)
    expect(fixture.storedRows()).toBe(rows)
    expect(fixture.cache.getConnection(connection.connectionId)?.status).toBe('connected')
  })

  it('stops a running sync instead of disconnecting under it, and disconnects on the next try', async () => {
    fixture = await startConnectionsFixture()
    const connection = await fixture
      .flow({ presenter: new ScriptedConnectUser({ username: 'largeco' }) })
      .connect({ customerName: 'Large Co', products: [...ALL_PRODUCTS] })

    const syncing = fixture.sync.sync(connection.connectionId).catch((e: unknown) => e)
    const refused = await fixture
      .disconnect({ connectionId: connection.connectionId, purge: true })
      .catch((e: unknown) => e)
    await syncing
    const outcome = await fixture.disconnect({ connectionId: connection.connectionId, purge: true })

    expect((refused as { code: string }).code).toBe('sync_in_progress')
    expect(outcome.purged).toBe(true)
    expect(fixture.storedRows()).toBe(0)
    expect(
      fixture.db
        .prepare('SELECT count(*) AS n FROM sync_run WHERE connection_id = ?')
        .get(connection.connectionId),
    ).toEqual({ n: 0 })
  })

  it('purges a connection disconnected earlier without asking Finch again', async () => {
    fixture = await startConnectionsFixture()
    const connection = await connectAndSync('Small Co', 'smallco')
    await fixture.disconnect({ connectionId: connection.connectionId, purge: false })

    const outcome = await fixture.disconnect({ connectionId: connection.connectionId, purge: true })

    expect(outcome).toEqual({ connectionId: connection.connectionId, revoked: false, purged: true })
    expect(fixture.sandbox.requestLog().filter((e) => e.path === '/disconnect')).toHaveLength(1)
    expect(fixture.storedRows()).toBe(0)
  })

  it('reaches every table of the schema: each holds a connection_id, cascades from one, or is a search index', async () => {
    fixture = await startConnectionsFixture()

    const coverage = fixture.store.purgeCoverage()

    expect(coverage.uncovered).toEqual([])
    expect(coverage.direct).toEqual(
      expect.arrayContaining(['connection', 'connection_introspection', 'sync_run']),
    )
  })

  it('deletes every row of the purged connection from every table and leaves the other company whole', async () => {
    fixture = await startConnectionsFixture()
    const large = await connectAndSync('Large Co', 'largeco')
    const small = await connectAndSync('Small Co', 'smallco')
    const tables = fixture.store.purgeCoverage().direct
    const smallBefore = rowsPerTable(fixture, tables, small.connectionId)
    const largeBefore = rowsPerTable(fixture, tables, large.connectionId)

    await fixture.disconnect({ connectionId: large.connectionId, purge: true })

    expect(Object.values(largeBefore).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(100)
    expect(rowsPerTable(fixture, tables, large.connectionId)).toEqual(
      Object.fromEntries(tables.map((table) => [table, 0])),
    )
    expect(rowsPerTable(fixture, tables, small.connectionId)).toEqual(smallBefore)
    expect(fixture.db.pragma('foreign_key_check')).toEqual([])
    expect(fixture.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(fixture.store.getClient(large.customerId)).toBeNull()
    expect(fixture.store.getClient(small.customerId)).not.toBeNull()
    expect(fixture.store.listClients().map((client) => client.name)).toEqual(['Small Co'])
  })

  it('leaves none of the purged data in any full-text index term', async () => {
    fixture = await startConnectionsFixture()
    const large = await connectAndSync('Large Co', 'largeco')
    await connectAndSync('Small Co', 'smallco')
    const indexes = fixture.store.purgeCoverage().fullText
    const onlyLarge = namesOnlyIn('largeco', 'smallco').map((name) => name.toLowerCase())

    const before = indexTerms(fixture, indexes)
    await fixture.disconnect({ connectionId: large.connectionId, purge: true })
    const after = indexTerms(fixture, indexes)

    if (indexes.length === 0) return
    expect(onlyLarge.filter((term) => before.has(term)).length).toBeGreaterThan(10)
    expect(onlyLarge.filter((term) => after.has(term))).toEqual([])
  })

  it('leaves none of the purged data in any page of the file or its write-ahead log', async () => {
    fixture = await startConnectionsFixture()
    const large = await connectAndSync('Large Co', 'largeco')
    await connectAndSync('Small Co', 'smallco')
    const markers = markersOf('largeco', 'smallco', large)
    // Everything into the main file first, so its size before and after compare like for like.
    fixture.db.pragma('wal_checkpoint(TRUNCATE)')
    const sizeBefore = fileBytes(fixture.databaseFile)

    const before = decryptedPages(fixture)
    await fixture.disconnect({ connectionId: large.connectionId, purge: true })
    const after = decryptedPages(fixture)

    expect(looksLikeSqliteHeader(before.main[0]!)).toBe(true)
    expect(looksLikeSqliteHeader(after.main[0]!)).toBe(true)
    const foundBefore = findInPages([...before.main, ...before.wal], markers)
    expect(foundBefore.length).toBeGreaterThan(markers.length / 2)
    expect(findInPages([...after.main, ...after.wal], markers)).toEqual([])
    expect(after.wal).toEqual([])
    expect(fileBytes(fixture.databaseFile)).toBeLessThan(sizeBefore)
    // Still a working cache: the remaining company reads as before.
    expect(fixture.store.listClients()[0]?.connections).toHaveLength(1)
  })
})

function rowsPerTable(
  fixture: ConnectionsFixture,
  tables: string[],
  connectionId: string,
): Record<string, number> {
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (
        fixture.db
          .prepare(`SELECT count(*) AS n FROM "${table}" WHERE connection_id = ?`)
          .get(connectionId) as { n: number }
      ).n,
    ]),
  )
}

/** Every term of every full-text index, read through FTS5's own vocabulary view. */
function indexTerms(fixture: ConnectionsFixture, indexes: string[]): Set<string> {
  const terms = new Set<string>()
  for (const index of indexes) {
    fixture.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp."vocab_${index}" USING fts5vocab(main, "${index}", 'row')`,
    )
    const rows = fixture.db.prepare(`SELECT term FROM temp."vocab_${index}"`).all() as {
      term: string
    }[]
    for (const row of rows) terms.add(row.term)
  }
  return terms
}

/** Last names of one scenario's people that the other scenario never mentions. */
function namesOnlyIn(scenario: 'largeco', other: 'smallco'): string[] {
  const otherText = JSON.stringify(createScenario(other)).toLowerCase()
  const names = createScenario(scenario)
    .directory.map((person) => person.last_name ?? '')
    .filter((name) => /^[A-Za-z]{5,}$/.test(name) && !otherText.includes(name.toLowerCase()))
  return [...new Set(names)]
}

/** What must not survive the purge: the company's name, its people's ids and last names. */
function markersOf(scenario: 'largeco', other: 'smallco', connection: ConnectionSummary): string[] {
  const dataset = createScenario(scenario)
  return [
    dataset.company.legal_name ?? '',
    connection.connectionId,
    ...dataset.directory.map((person) => person.id),
    ...namesOnlyIn(scenario, other),
    // Full-text indexes keep terms in lower case.
    ...namesOnlyIn(scenario, other).map((name) => name.toLowerCase()),
  ].filter((marker) => marker.length >= 5)
}

function decryptedPages(fixture: ConnectionsFixture): { main: Buffer[]; wal: Buffer[] } {
  const walFile = `${fixture.databaseFile}-wal`
  return {
    main: decryptDatabaseFile(readFileSync(fixture.databaseFile), fixture.keyHex),
    wal: existsSync(walFile) ? decryptWalFile(readFileSync(walFile), fixture.keyHex) : [],
  }
}

function fileBytes(path: string): number {
  return statSync(path).size
}
