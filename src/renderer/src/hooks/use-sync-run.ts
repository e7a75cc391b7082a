/**
 * Runs `sync.run` for one connection and follows its `sync.progress` events, so a page can show
 * which product is being read and how far along it is.
 */
import { useCallback, useState } from 'react'
import type { SyncProgress } from '../../../shared/domain'
import { describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { useApiEvent } from './use-api-event'

export interface SyncRun {
  running: boolean
  progress: SyncProgress | null
  error: string | null
  run: () => Promise<void>
}

export function useSyncRun(connectionId: string, onFinished: () => void): SyncRun {
  const api = useApi()
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  const [error, setError] = useState<string | null>(null)

  useApiEvent('sync.progress', (update) => {
    if (update.connectionId === connectionId) setProgress(update)
  })

  const run = useCallback(async () => {
    setRunning(true)
    setError(null)
    setProgress(null)

    try {
      const summary = await api.sync.run({ connectionId })
      if (summary.status === 'failed') {
        setError('The sync did not finish. The data shown is from the last complete sync.')
      }
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setRunning(false)
      setProgress(null)
      onFinished()
    }
  }, [api, connectionId, onFinished])

  return { running, progress, error, run }
}
