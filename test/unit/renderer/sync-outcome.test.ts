import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/renderer/src/api/api-error'
import { syncFailureOf, syncOutcomeOf } from '../../../src/renderer/src/hooks/sync-outcome'

const summary = { connectionId: 'c', startedAt: 'a', finishedAt: 'b', counts: {} }

describe('the outcome of a sync', () => {
  it('tells a cancelled sync apart from a successful one, with its own code', () => {
    const outcome = syncOutcomeOf({ ...summary, status: 'cancelled' })

    expect(outcome).toEqual({
      kind: 'cancelled',
      code: 'sync_cancelled',
      message: 'Sync cancelled — previous data kept',
    })
  })

  it('is a success only when the sync succeeded', () => {
    expect(syncOutcomeOf({ ...summary, status: 'succeeded' })).toEqual({ kind: 'succeeded' })
    expect(syncOutcomeOf({ ...summary, status: 'failed' }).kind).toBe('failed')
  })

  it('keeps the code of a sync that threw, such as data Finch sent that cannot be read', () => {
    const outcome = syncFailureOf(new ApiError('finch_malformed_data', 'Finch sent data…'))

    expect(outcome).toEqual({
      kind: 'failed',
      code: 'finch_malformed_data',
      message: 'Finch sent data…',
    })
  })
})
