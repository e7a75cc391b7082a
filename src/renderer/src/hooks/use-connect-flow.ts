/**
 * The whole "connect a company" flow: open Finch Connect through `connect.start` (or reconnect a
 * cut-off connection through `connect.reauthenticate`), then sync the connection, then hand a new
 * connection's id back so the app can open its page. It lives at the top of the app so that
 * moving between views while Connect is open loses nothing.
 */
import { useCallback, useRef, useState } from 'react'
import type { AppErrorCode } from '../../../shared/app-error'
import type { ConnectOpenIn, ConnectionSummary, SyncProgress } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { ApiError, describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { useApiEvent } from './use-api-event'

export type ConnectState =
  | { phase: 'idle' }
  | { phase: 'connecting'; cancelError: string | null }
  | { phase: 'syncing'; connection: ConnectionSummary; progress: SyncProgress | null }
  | {
      phase: 'failed'
      message: string
      cancelled: boolean
      code: AppErrorCode | null
      /** Runs the same attempt again, for failures the accountant can fix (a locked keychain). */
      retry: (() => void) | null
    }

export interface ConnectFlow {
  state: ConnectState
  /** Whether Connect is in front of the user right now, and where, as the back end reports it. */
  presenting: ConnectOpenIn | null
  /** Resolves true once the company is connected (its first sync may still be running). */
  start: (request: IpcArguments<'connect.start'>) => Promise<boolean>
  /** Reconnects a connection Finch cut off; resolves true once it is connected again. */
  reauthenticate: (request: IpcArguments<'connect.reauthenticate'>) => Promise<boolean>
  cancel: () => void
  dismiss: () => void
}

/** Failures the accountant can fix outside the app and then simply try again. */
const RETRYABLE: readonly AppErrorCode[] = [
  'keychain_locked',
  'keychain_denied',
  'keychain_unavailable',
  'connect_port_busy',
  'finch_unreachable',
]

export function useConnectFlow(onReady: (connectionId: string) => void): ConnectFlow {
  const api = useApi()
  const [state, setState] = useState<ConnectState>({ phase: 'idle' })
  const [presenting, setPresenting] = useState<ConnectOpenIn | null>(null)
  const busy = useRef(false)

  useApiEvent('connect.presenting', ({ open, where }) =>
    setPresenting(open ? (where ?? 'app') : null),
  )

  useApiEvent('sync.progress', (progress) => {
    setState((current) =>
      current.phase === 'syncing' && current.connection.connectionId === progress.connectionId
        ? { ...current, progress }
        : current,
    )
  })

  const syncAfterConnect = useCallback(
    async (connection: ConnectionSummary, openWhenDone: boolean) => {
      setState({ phase: 'syncing', connection, progress: null })
      const name = connection.companyName ?? connection.customerName
      const failed = (message: string) =>
        setState({ phase: 'failed', message, cancelled: false, code: null, retry: null })
      try {
        const summary = await api.sync.run({ connectionId: connection.connectionId })
        if (summary.status === 'failed') {
          failed(`${name} is connected, but its sync did not finish. Sync it again from its page.`)
          return
        }
        setState({ phase: 'idle' })
        if (openWhenDone) onReady(connection.connectionId)
      } catch (error) {
        failed(`${name} is connected, but its sync failed: ${describeError(error)}`)
      }
    },
    [api, onReady],
  )

  const attempt = useCallback(
    async (
      connect: () => Promise<ConnectionSummary>,
      openWhenDone: boolean,
      again: () => void,
    ): Promise<boolean> => {
      if (busy.current) return false
      busy.current = true
      setState({ phase: 'connecting', cancelError: null })

      let connection: ConnectionSummary
      try {
        connection = await connect()
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null
        setState({
          phase: 'failed',
          message: describeError(error),
          cancelled: code === 'connect_cancelled',
          code,
          retry: code !== null && RETRYABLE.includes(code) ? again : null,
        })
        busy.current = false
        return false
      }

      void syncAfterConnect(connection, openWhenDone).finally(() => {
        busy.current = false
      })
      return true
    },
    [syncAfterConnect],
  )

  const start = useCallback(
    (request: IpcArguments<'connect.start'>): Promise<boolean> =>
      attempt(
        () => api.connect.start(request),
        true,
        () => void start(request),
      ),
    [api, attempt],
  )

  const reauthenticate = useCallback(
    (request: IpcArguments<'connect.reauthenticate'>): Promise<boolean> =>
      attempt(
        () => api.connect.reauthenticate(request),
        false,
        () => void reauthenticate(request),
      ),
    [api, attempt],
  )

  const cancel = useCallback(() => {
    // The pending call rejects with `connect_cancelled`; that answer ends the flow.
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

  return { state, presenting, start, reauthenticate, cancel, dismiss }
}
