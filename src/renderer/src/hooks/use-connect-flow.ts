/**
 * The whole "connect a company" flow: open Finch Connect through `connect.start` (or reconnect a
 * cut-off connection through `connect.reauthenticate`), then sync the connection, then hand a new
 * connection's id back so the app can open its page. It lives at the top of the app so that
 * moving between views while Connect is open loses nothing.
 */
import { useCallback, useRef, useState } from 'react'
import type { AppErrorCode } from '../../../shared/app-error'
import type { ConnectOpenIn, ConnectionSummary } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { ApiError, describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { useApiEvent } from './use-api-event'
import type { SyncProgressByProduct } from '../format/format-sync-progress'
import { NO_PROGRESS, addSyncProgress } from '../format/format-sync-progress'
import type { SyncOutcome } from './sync-outcome'
import { syncFailureOf, syncOutcomeOf } from './sync-outcome'

export type ConnectState =
  | { phase: 'idle' }
  | { phase: 'connecting'; cancelError: string | null }
  | {
      phase: 'syncing'
      connection: ConnectionSummary
      progress: SyncProgressByProduct
      /** Cancel was asked for and the sync has not stopped yet. */
      cancelling: boolean
    }
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
  /** Stops the sync that follows a connect; the connection stays. */
  cancelSync: () => void
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
        ? { ...current, progress: addSyncProgress(current.progress, progress) }
        : current,
    )
  })

  const syncAfterConnect = useCallback(
    async (connection: ConnectionSummary, openWhenDone: boolean) => {
      setState({ phase: 'syncing', connection, progress: NO_PROGRESS, cancelling: false })
      const name = connection.companyName ?? connection.customerName
      let outcome: SyncOutcome
      try {
        outcome = syncOutcomeOf(await api.sync.run({ connectionId: connection.connectionId }))
      } catch (error) {
        outcome = syncFailureOf(error)
      }

      switch (outcome.kind) {
        case 'succeeded':
          setState({ phase: 'idle' })
          if (openWhenDone) onReady(connection.connectionId)
          return
        case 'cancelled':
          setState({
            phase: 'failed',
            message:
              connection.lastSyncedAt === null
                ? `${name} is connected. Sync cancelled — no data was synced yet; sync it from its page when you are ready.`
                : `${name} is reconnected. ${outcome.message}.`,
            cancelled: true,
            code: outcome.code,
            retry: null,
          })
          return
        case 'failed':
          setState({
            phase: 'failed',
            message:
              outcome.code === null
                ? `${name} is connected, but its sync did not finish. Sync it again from its page.`
                : `${name} is connected, but its sync failed: ${outcome.message}`,
            cancelled: false,
            code: outcome.code,
            retry: null,
          })
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

  const cancelSync = useCallback(() => {
    if (state.phase !== 'syncing' || state.cancelling) return
    setState((current) =>
      current.phase === 'syncing' ? { ...current, cancelling: true } : current,
    )
    // The running `sync.run` answers `cancelled`, which ends the flow.
    api.sync.cancel({ connectionId: state.connection.connectionId }).catch(() => {
      setState((current) =>
        current.phase === 'syncing' ? { ...current, cancelling: false } : current,
      )
    })
  }, [api, state])

  const dismiss = useCallback(() => {
    if (!busy.current) setState({ phase: 'idle' })
  }, [])

  return { state, presenting, start, reauthenticate, cancel, cancelSync, dismiss }
}
