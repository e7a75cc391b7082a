/**
 * The whole "connect a company" flow: open Finch Connect through `connect.start`, then run the
 * first sync of the new connection, then hand its id back so the app can open its page. It lives
 * at the top of the app so that moving between views while Connect is open loses nothing.
 */
import { useCallback, useRef, useState } from 'react'
import type { IpcArguments } from '../../../shared/ipc-contract'
import type { ConnectionSummary, SyncProgress } from '../../../shared/domain'
import { ApiError, describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { useApiEvent } from './use-api-event'

export type ConnectState =
  | { phase: 'idle' }
  | { phase: 'connecting'; cancelError: string | null }
  | { phase: 'syncing'; connection: ConnectionSummary; progress: SyncProgress | null }
  | { phase: 'failed'; message: string; cancelled: boolean }

export interface ConnectFlow {
  state: ConnectState
  /** Whether the Connect view is in front of the app right now, as the back end reports it. */
  presenting: boolean
  /** Resolves true once the company is connected (its first sync may still be running). */
  start: (request: IpcArguments<'connect.start'>) => Promise<boolean>
  cancel: () => void
  dismiss: () => void
}

export function useConnectFlow(onReady: (connectionId: string) => void): ConnectFlow {
  const api = useApi()
  const [state, setState] = useState<ConnectState>({ phase: 'idle' })
  const [presenting, setPresenting] = useState(false)
  const busy = useRef(false)

  useApiEvent('connect.presenting', ({ open }) => setPresenting(open))

  useApiEvent('sync.progress', (progress) => {
    setState((current) =>
      current.phase === 'syncing' && current.connection.connectionId === progress.connectionId
        ? { ...current, progress }
        : current,
    )
  })

  const firstSync = useCallback(
    async (connection: ConnectionSummary) => {
      setState({ phase: 'syncing', connection, progress: null })
      const name = connection.companyName ?? connection.customerName
      try {
        const summary = await api.sync.run({ connectionId: connection.connectionId })
        if (summary.status === 'failed') {
          const message = `${name} is connected, but its first sync did not finish. Sync it again from its page.`
          setState({ phase: 'failed', message, cancelled: false })
          return
        }
        setState({ phase: 'idle' })
        onReady(connection.connectionId)
      } catch (error) {
        const message = `${name} is connected, but its first sync failed: ${describeError(error)}`
        setState({ phase: 'failed', message, cancelled: false })
      }
    },
    [api, onReady],
  )

  const start = useCallback(
    async (request: IpcArguments<'connect.start'>) => {
      if (busy.current) return false
      busy.current = true
      setState({ phase: 'connecting', cancelError: null })

      let connection: ConnectionSummary
      try {
        connection = await api.connect.start(request)
      } catch (error) {
        const cancelled = error instanceof ApiError && error.code === 'connect_cancelled'
        setState({ phase: 'failed', message: describeError(error), cancelled })
        busy.current = false
        return false
      }

      void firstSync(connection).finally(() => {
        busy.current = false
      })
      return true
    },
    [api, firstSync],
  )

  const cancel = useCallback(() => {
    // The pending `connect.start` rejects with `connect_cancelled`; that answer ends the flow.
    api.connect.cancel().catch((error: unknown) => {
      const cancelError = describeError(error)
      setState((current) =>
        current.phase === 'connecting' ? { ...current, cancelError } : current,
      )
    })
  }, [api])

  const dismiss = useCallback(() => {
    if (!busy.current) setState({ phase: 'idle' })
  }, [])

  return { state, presenting, start, cancel, dismiss }
}
