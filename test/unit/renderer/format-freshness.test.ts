import { describe, expect, it } from 'vitest'
import { freshnessNotice } from '../../../src/renderer/src/format/format-freshness'

const NOW = Date.parse('2026-12-10T12:00:00Z')

describe('freshnessNotice', () => {
  it('says nothing about a cache synced within the threshold', () => {
    const notice = freshnessNotice(
      { connectionId: 'c', lastSyncedAt: '2026-12-05T12:00:00Z', lastAttempt: null },
      NOW,
    )

    expect(notice).toBeNull()
  })

  it('calls a cache stale from the threshold on, counting whole days', () => {
    const notice = freshnessNotice(
      { connectionId: 'c', lastSyncedAt: '2026-12-02T11:00:00Z', lastAttempt: null },
      NOW,
    )

    expect(notice).toEqual({ kind: 'stale', lastSyncedAt: '2026-12-02T11:00:00Z', days: 8 })
  })

  it('says Finch was unreachable when the last attempt failed that way, however fresh', () => {
    const notice = freshnessNotice(
      {
        connectionId: 'c',
        lastSyncedAt: '2026-12-10T11:00:00Z',
        lastAttempt: {
          status: 'failed',
          finishedAt: '2026-12-10T11:59:00Z',
          errorCode: 'finch_unreachable',
        },
      },
      NOW,
    )

    expect(notice?.kind).toBe('unreachable')
  })
})
