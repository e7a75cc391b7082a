import { describe, expect, it } from 'vitest'
import type { SyncProgress } from '../../../src/shared/domain'
import type { SyncProgressByProduct } from '../../../src/renderer/src/format/format-sync-progress'
import {
  NO_PROGRESS,
  addSyncProgress,
  summarizeSyncProgress,
} from '../../../src/renderer/src/format/format-sync-progress'

function event(
  product: string,
  done: number,
  total: number | null,
  more: Partial<SyncProgress> = {},
) {
  return { connectionId: 'c1', product, done, total, state: 'running' as const, ...more }
}

function heard(...events: SyncProgress[]): SyncProgressByProduct {
  return events.reduce(addSyncProgress, NO_PROGRESS)
}

describe('the sync progress message', () => {
  it('says the sync is starting before any product spoke', () => {
    expect(summarizeSyncProgress(NO_PROGRESS, 'en-US')).toEqual({
      text: 'Starting the sync…',
      fraction: null,
    })
  })

  it('names every product still being read, in the order they first spoke, not just the last', () => {
    const progress = heard(
      event('pay_statement', 10, 106),
      event('benefits', 2, 10),
      event('pay_statement', 20, 106),
    )

    expect(summarizeSyncProgress(progress, 'en-US').text).toBe(
      'Syncing Pay statements: 20 of 106 · Benefits: 2 of 10',
    )
  })

  it('leaves out finished products and counts those beyond three', () => {
    const progress = heard(
      event('company', 1, 1, { state: 'done' }),
      event('directory', 1_200, null),
      event('individual', 3, 1_200),
      event('employment', 4, 1_200),
      event('payment', 5, 26),
      event('benefits', 0, 4),
    )

    expect(summarizeSyncProgress(progress, 'en-US').text).toBe(
      'Syncing Directory: 1,200 so far · Individuals: 3 of 1,200 · Employment: 4 of 1,200 · 2 more',
    )
  })

  it('says when a product waits for Finch’s rate limit, and stops saying it once it goes on', () => {
    const waiting = heard(
      event('benefits', 2, 10),
      event('pay_statement', 20, 106, { waitingMs: 24_100 }),
    )
    expect(summarizeSyncProgress(waiting, 'en-US').text).toBe(
      'Syncing Benefits: 2 of 10 · Pay statements: 20 of 106 — waiting about 25 s for Finch’s rate limit',
    )

    const going = addSyncProgress(waiting, event('pay_statement', 30, 106))
    expect(summarizeSyncProgress(going, 'en-US').text).not.toContain('waiting')
  })

  it('averages each product’s share done for the bar, finished and kept products counting whole', () => {
    const progress = heard(
      event('company', 1, 1, { state: 'done' }),
      event('benefits', 0, 0, { state: 'pending' }),
      event('pay_statement', 25, 100),
      event('directory', 40, null),
    )

    expect(summarizeSyncProgress(progress).fraction).toBeCloseTo((1 + 1 + 0.25) / 3)
    expect(summarizeSyncProgress(heard(event('directory', 40, null))).fraction).toBeNull()
  })

  it('says it is finishing once every product is read', () => {
    const progress = heard(event('company', 1, 1, { state: 'done' }), event('payment', 26, 26))

    expect(summarizeSyncProgress(progress, 'en-US')).toEqual({
      text: 'Finishing the sync…',
      fraction: 1,
    })
  })
})
