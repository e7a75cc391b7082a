/**
 * Runs `sync.run` for one connection and follows its `sync.progress` events, so a page can show
 * which product is being read and how far along it is, and stop the sync through `sync.cancel`.
 */
import { useCallback, useState } from 'react'
import { describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import type { SyncProgressByProduct } from '../format/format-sync-progress'
import { NO_PROGRESS, addSyncProgress } from '../format/format-sync-progress'
import { useApiEvent } from './use-api-event'
import type { SyncOutcome } from './sync-outcome'
import { syncFailureOf, syncOutcomeOf } from './sync-outcome'

export interface SyncRun {
  running: boolean
  /** Cancel was asked for and the back end has not stopped the sync yet. */
  cancelling: boolean
  /** The latest event of each product of the running sync. */
  progress: SyncProgressByProduct
  /** How the last sync ended; null before any and while one runs. */
  outcome: SyncOutcome | null
  /** Why Cancel could not be sent; the sync goes on. */
  cancelError: string | null
  run: () => Promise<void>
  cancel: () => void
}

export function useSyncRun(connectionId: string, onFinished: () => void): SyncRun {
  const api = useApi()
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<SyncProgressByProduct>(NO_PROGRESS)
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null)
  const [cancelError, setCancelError] = useState<string | null>(null)

  useApiEvent('sync.progress', (update) => {
    if (update.connectionId === connectionId) setProgress((seen) => addSyncProgress(seen, update))
  })

  const run = useCallback(async () => {
    setRunning(true)
    setCancelling(false)
    setCancelError(null)
    setOutcome(null)
    setProgress(NO_PROGRESS)

    try {
      setOutcome(syncOutcomeOf(await api.sync.run({ connectionId })))
    } catch (failure) {
      setOutcome(syncFailureOf(failure))
    } finally {
      setRunning(false)
      setCancelling(false)
      setProgress(NO_PROGRESS)
      onFinished()
    }
  }, [api, connectionId, onFinished])

  const cancel = useCallback(() => {
    setCancelling(true)
    setCancelError(null)
    api.sync.cancel({ connectionId }).then(
      // False: the sync ended by itself meanwhile; its own outcome says how.
      ({ cancelled }) => {
        if (!cancelled) setCancelling(false)
      },
      (error: unknown) => {
        setCancelling(false)
        setCancelError(describeError(error))
      },
    )
  }, [api, connectionId])

  return { running, cancelling, progress, outcome, cancelError, run, cancel }
}
