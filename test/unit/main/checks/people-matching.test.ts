import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import type { PersonRecord } from '../../../../src/main/checks/people-matching'
import { matchPeople, readMatchedPeople } from '../../../../src/main/checks/people-matching'
import { addFigures, readYearEndFor } from '../../../../src/main/checks/year-end-summary'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { ConnectionSync } from '../../../../src/main/sync/sync-connection'
import { SecretVault, VAULT_ACCOUNTS } from '../../../../src/main/vault/secret-vault'
import type { MatchedPeoplePage } from '../../../../src/shared/checks'
import type { RunningSandbox } from '../../../../src/sandbox'
import { startSandbox } from '../../../../src/sandbox'
import { createProviderMove } from '../../../../src/sandbox/data'
import { ALL_PRODUCTS, connect } from '../../../../bench/sync/sandbox-connection'
import { TEST_SYNC_SETTINGS } from '../../../integration/sync/test-sync-settings'
import { makeTempDir } from '../../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../../support/test-keychain'

function person(
  connectionId: string,
  individualId: string,
  firstName: string | null,
  lastName: string | null,
  dob: string | null,
  emails: string[] = [],
): PersonRecord {
  return { connectionId, individualId, firstName, lastName, dob, emails }
}

function grouped(records: PersonRecord[]): string[][] {
  return matchPeople(records).map((group) => group.records.map((record) => record.individualId))
}

describe('matchPeople', () => {
  it('matches first name, last name and date of birth, ignoring case and spacing', () => {
    const records = [
      person('old', 'a1', 'Mary Ann', 'Lee', '1980-02-03'),
      person('new', 'b1', '  mary   ann ', 'LEE ', '1980-02-03'),
      person('new', 'b2', 'Mary Ann', 'Lee', '1980-02-04'),
    ]

    const groups = matchPeople(records)

    expect(groups).toEqual([{ basis: 'name_and_dob', records: [records[0], records[1]] }])
  })

  it('falls back to a shared email only when a date of birth is missing on either side', () => {
    const records = [
      person('old', 'a1', 'Ann', 'Ash', null, ['Ann@Example.com']),
      person('new', 'b1', 'Ann', 'Ash', '1990-01-01', [' ann@example.com ']),
      person('old', 'a2', 'Bob', 'Birch', '1970-05-05', ['bob@example.com']),
      person('new', 'b2', 'Bob', 'Birch', '1970-05-06', ['bob@example.com']),
      person('old', 'a3', 'Cy', 'Cedar', null, ['cy@example.com']),
      person('new', 'b3', 'Cy', 'Cedar', null, ['other@example.com']),
      person('old', 'a4', 'Di', 'Dogwood', null, []),
      person('new', 'b4', 'Di', 'Dogwood', null, []),
    ]

    const groups = matchPeople(records)

    expect(groups).toEqual([{ basis: 'name_and_email', records: [records[0], records[1]] }])
  })

  it('needs the same first and last name, even with the same date of birth and email', () => {
    expect(
      grouped([
        person('old', 'a1', 'Jon', 'Park', '1985-07-07', ['jp@example.com']),
        person('new', 'b1', 'John', 'Park', '1985-07-07', ['jp@example.com']),
        person('new', 'b2', 'Jon', 'Parks', null, ['jp@example.com']),
        person('new', 'b3', null, 'Park', '1985-07-07'),
      ]),
    ).toEqual([])
  })

  it('never lets a record without a date of birth chain two different people together', () => {
    const records = [
      person('a', 'x1', 'Eve', 'Elm', '1960-01-01', ['eve@one.example']),
      person('b', 'y1', 'Eve', 'Elm', null, ['eve@one.example', 'eve@two.example']),
      person('c', 'z1', 'Eve', 'Elm', '1999-09-09', ['eve@two.example']),
    ]

    const groups = grouped(records)

    expect(groups).toEqual([['x1', 'y1']])
  })

  it('joins three records of one person, one of them in the same connection', () => {
    expect(
      grouped([
        person('a', 'x1', 'Fay', 'Fir', '1977-03-03'),
        person('b', 'y1', 'FAY', 'fir', '1977-03-03'),
        person('b', 'y2', 'Fay', 'Fir', '1977-03-03'),
      ]),
    ).toEqual([['x1', 'y1', 'y2']])
  })
})

describe('people matched across the provider move', () => {
  const move = createProviderMove()
  const client = { clientId: 'match-test', clientSecret: randomBytes(24).toString('base64url') }
  const dir = makeTempDir('payroll-desk-match-')
  const service = testKeychainService()
  let sandbox: RunningSandbox
  let cache: PayrollCache
  const connectionIds: Record<'old' | 'new', string> = { old: '', new: '' }
  let page: MatchedPeoplePage

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [client], rateLimits: false })
    cache = new PayrollCache(
      openDatabase({
        path: join(dir.path, 'cache.db'),
        keyHex: randomBytes(32).toString('hex'),
      }),
    )
    const redactor = new Redactor()
    const vault = new SecretVault(keytar, service, redactor)
    const sync = new ConnectionSync({
      baseURL: async () => sandbox.url,
      vault,
      cache,
      logger: createLogger({ sinks: [], redactor }).child('sync'),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: TEST_SYNC_SETTINGS,
    })
    for (const side of ['old', 'new'] as const) {
      const made = await connect(sandbox.url, client, `moveco-${side}`, {
        products: ALL_PRODUCTS,
        customerId: 'larkspur',
        customerName: 'Larkspur',
      })
      await vault.write(VAULT_ACCOUNTS.connectionToken(made.connectionId), made.token)
      cache.saveConnection({
        connectionId: made.connectionId,
        environment: 'finch',
        companyId: made.companyId,
        customerId: 'larkspur',
        customerName: 'Larkspur',
        providerId: made.providerId,
        connectionType: 'provider',
        products: made.products,
        connectedAt: side === 'old' ? '2026-01-02T10:00:00.000Z' : '2026-07-01T10:00:00.000Z',
      })
      await sync.sync(made.connectionId)
      connectionIds[side] = made.connectionId
    }
    page = readMatchedPeople(cache.database, {
      connectionId: connectionIds.old,
      year: 2026,
      offset: 0,
      limit: 200,
    })
  }, 120_000)

  afterAll(async () => {
    cache?.close()
    await sandbox?.close()
    dir.remove()
    await clearKeychainService(service)
  })

  it('matches exactly the people who moved, and none of the look-alikes', () => {
    const expected = move.pairs
      .filter((pair) => pair.samePerson)
      .map((pair) => `${pair.beforeIndividualId} ${pair.afterIndividualId}`)
      .sort()

    const found = page.people.map((match) =>
      match.records.map((record) => record.individualId).join(' '),
    )

    expect(found.sort()).toEqual(expected)
    expect(page.total).toBe(6)
    expect(page.recordCount).toBe(move.before.directory.length + move.after.directory.length)
    expect(page.connections.map((connection) => connection.connectionId)).toEqual([
      connectionIds.old,
      connectionIds.new,
    ])
  })

  it('says which matches rest on an email because a date of birth is missing', () => {
    const byEmail = move.pairs
      .filter((pair) => pair.variant === 'no_dob_after' || pair.variant === 'no_dob_before')
      .map((pair) => pair.beforeIndividualId)
      .sort()

    const found = page.people
      .filter((match) => match.basis === 'name_and_email')
      .map((match) => match.records[0]!.individualId)
      .sort()

    expect(found).toEqual(byEmail)
  })

  it('adds each moved person’s year at both providers, and shows each part', () => {
    for (const match of page.people) {
      const [before, after] = match.records
      const parts = [
        readYearEndFor(cache.database, {
          connectionId: connectionIds.old,
          year: 2026,
          individualIds: [before!.individualId],
        }).get(before!.individualId),
        readYearEndFor(cache.database, {
          connectionId: connectionIds.new,
          year: 2026,
          individualIds: [after!.individualId],
        }).get(after!.individualId),
      ]

      expect(before!.connectionId).toBe(connectionIds.old)
      expect(after!.connectionId).toBe(connectionIds.new)
      expect(before!.figures).toEqual(parts[0])
      expect(after!.figures).toEqual(parts[1])
      expect(match.combined).toEqual(addFigures([before!.figures, after!.figures]))
      expect(before!.figures.grossPayCents).toBeGreaterThan(0)
      expect(after!.figures.grossPayCents).toBeGreaterThan(0)
    }
  })

  it('pages the matches and finds the same client from either connection', () => {
    const first = readMatchedPeople(cache.database, {
      connectionId: connectionIds.new,
      year: 2026,
      offset: 0,
      limit: 2,
    })
    const rest = readMatchedPeople(cache.database, {
      connectionId: connectionIds.new,
      year: 2026,
      offset: 2,
      limit: 10,
    })

    expect(first.people).toHaveLength(2)
    expect(rest.people).toHaveLength(4)
    expect(first.connections[0]!.connectionId).toBe(connectionIds.new)
    const ids = (people: MatchedPeoplePage['people']) =>
      people.map((match) =>
        match.records
          .map((record) => record.individualId)
          .sort()
          .join(' '),
      )
    expect(ids([...first.people, ...rest.people]).sort()).toEqual(ids(page.people).sort())
  })
})
