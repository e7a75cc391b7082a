/**
 * The strip that follows the connect flow: Connect is open (in the window or in the browser),
 * the first sync is running, or the flow failed. Progress shows above every view, so moving away
 * from Clients hides nothing. A failure the accountant can fix (a locked keychain, a busy port)
 * offers to try the same attempt again.
 */
import type { ConnectFlow } from '../hooks/use-connect-flow'
import { formatSyncProgress } from '../format/format-sync-progress'
import { ErrorAlert } from './error-alert'
import { SyncProgressBar } from './sync-progress-bar'

export function ConnectStatus({
  flow,
  showFailure,
}: {
  flow: ConnectFlow
  /** A failure is reported on the Clients view only; elsewhere it would be out of place. */
  showFailure: boolean
}) {
  const { state } = flow

  // Connect may be open without this window having asked, as after a reload; Cancel still works.
  const connecting =
    state.phase === 'connecting' || (state.phase === 'idle' && flow.presenting !== null)

  if (connecting) {
    return (
      <section className="connect-status" aria-label="Connecting a company">
        <p role="status" className="connect-status-message" data-testid="connect-pending">
          {flow.presenting === 'browser'
            ? 'Finch Connect is open in your web browser — finish there, then come back here; or Cancel'
            : 'Finch Connect is open — finish there, or Cancel'}
        </p>
        <button type="button" className="button" onClick={flow.cancel}>
          Cancel
        </button>
        {state.phase === 'connecting' && state.cancelError && (
          <ErrorAlert>{state.cancelError}</ErrorAlert>
        )}
      </section>
    )
  }

  switch (state.phase) {
    case 'idle':
      return null

    case 'syncing': {
      const name = state.connection.companyName ?? state.connection.customerName
      return (
        <section className="connect-status" aria-label="First sync">
          <p role="status" className="connect-status-message">
            {name} is connected. {formatSyncProgress(state.progress)}
          </p>
          <SyncProgressBar progress={state.progress} label={`First sync of ${name}`} />
        </section>
      )
    }

    case 'failed':
      if (!showFailure) return null
      return (
        <ErrorAlert
          tone={state.cancelled ? 'notice' : 'error'}
          onDismiss={flow.dismiss}
          {...(state.retry ? { onRetry: state.retry } : {})}
        >
          <span data-testid="connect-failure" data-code={state.code ?? undefined}>
            {state.message}
          </span>
        </ErrorAlert>
      )
  }
}
