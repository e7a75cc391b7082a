import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMigrations } from '../../../src/main/cache/migrate'
import { searchPeople } from '../../../src/main/cache/people-search'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

/** A cache synced before people search existed has the index's tables but no documents. */
describe('people search on a cache synced before it existed (migration 14)', () => {
  let harness: SyncHarness
  let documents: unknown[]

  const liveDocuments = () =>
    harness.cache.database
      .prepare(
        `SELECT individual_id, names, preferred_name, emails, title, department
         FROM person_search ORDER BY individual_id`,
      )
      .all()
  const search = (text: string) =>
    searchPeople(harness.cache.database, harness.connectionId, text, 500).map(
      (match) => match.individualId,
    )
  const forgetSearchAndDowngrade = () => {
    harness.cache.database.exec('DELETE FROM person_search_version')
    harness.cache.database.pragma('user_version = 13')
  }

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'largeco' })
    await harness.sync.sync(harness.connectionId)
    documents = liveDocuments()
  })

  afterAll(() => harness.close())

  it('indexes everyone in the live snapshot, as a sync would have', () => {
    const someone = documents[3] as { individual_id: string; names: string }
    expect(documents.length).toBeGreaterThan(100)

    forgetSearchAndDowngrade()
    expect(search(someone.names)).toEqual([])
    runMigrations(harness.cache.database)

    expect(harness.cache.database.pragma('user_version', { simple: true })).toBe(14)
    expect(liveDocuments()).toEqual(documents)
    expect(search(someone.names)).toContain(someone.individual_id)
  })

  it('leaves an indexed cache as it is', () => {
    harness.cache.database.pragma('user_version = 13')
    const rows = harness.cache.database.prepare('SELECT count(*) FROM person_search_version')
    const before = rows.pluck().get()

    runMigrations(harness.cache.database)

    expect(rows.pluck().get()).toBe(before)
    expect(liveDocuments()).toEqual(documents)
  })

  it('lets the next sync carry the backfilled documents forward', async () => {
    forgetSearchAndDowngrade()
    runMigrations(harness.cache.database)

    const summary = await harness.sync.sync(harness.connectionId)

    expect(summary.status).toBe('succeeded')
    expect(liveDocuments()).toEqual(documents)
  })
})
