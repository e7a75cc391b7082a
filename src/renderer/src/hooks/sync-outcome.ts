/**
 * How a sync the accountant started ended, in words, from what `sync.run` answered or threw. A
 * cancel is its own outcome, not a success and not a failure: the previous data was kept whole.
 */
import type { AppErrorCode } from '../../../shared/app-error'
import type { SyncSummary } from '../../../shared/domain'
import { ApiError, describeError } from '../api/api-error'

export const SYNC_CANCELLED_MESSAGE = 'Sync cancelled — previous data kept'

export type SyncOutcome =
  | { kind: 'succeeded' }
  | { kind: 'cancelled'; code: 'sync_cancelled'; message: string }
  | { kind: 'failed'; code: AppErrorCode | null; message: string }

/** The outcome of a sync that answered with a summary. */
export function syncOutcomeOf(summary: SyncSummary): SyncOutcome {
  switch (summary.status) {
    case 'succeeded':
      return { kind: 'succeeded' }
    case 'cancelled':
      return { kind: 'cancelled', code: 'sync_cancelled', message: SYNC_CANCELLED_MESSAGE }
    case 'failed':
      return {
        kind: 'failed',
        code: null,
        message: 'The sync did not finish. The data shown is from the last complete sync.',
      }
  }
}

/** The outcome of a sync whose call threw; a cancel reported as an error is still a cancel. */
export function syncFailureOf(error: unknown): SyncOutcome {
  const code = error instanceof ApiError ? error.code : null
  if (code === 'sync_cancelled') {
    return { kind: 'cancelled', code, message: SYNC_CANCELLED_MESSAGE }
  }
  return { kind: 'failed', code, message: describeError(error) }
}
