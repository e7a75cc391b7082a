/**
 * The strip that follows the connect flow: Connect is open (in the window or in the browser),
 * the first sync is running (and can be cancelled), or the flow failed. Progress shows above every
 * view, so moving away from Clients hides nothing. A failure the accountant can fix (a locked keychain, a busy port)
 * offers to try the same attempt again.
 */
import { CONNECT_TIMEOUT_MINUTES } from '../../../shared/domain'
import type { ConnectFlow } from '../hooks/use-connect-flow'
import { summarizeSyncProgress } from '../format/format-sync-progress'
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
    const inBrowser = flow.presenting === 'browser'
    return (
      <section className="connect-status" aria-label="Connecting a company">
        <div className="connect-status-message">
          <p role="status" data-testid="connect-pending">
            {inBrowser
              ? 'Finch Connect is open in your web browser — finish there, then come back here.'
              : 'Finch Connect is open — finish there, or Cancel.'}
          </p>
          {inBrowser && (
            // The loopback callback only hears a finished Connect; a closed tab says nothing.
            <p className="field-hint" data-testid="connect-browser-hint">
              This app cannot tell if you close that tab. If you closed it or changed your mind,
              choose Cancel; otherwise the app stops waiting after {CONNECT_TIMEOUT_MINUTES}{' '}
              minutes.
            </p>
          )}
        </div>
        <button
          type="button"
          className={inBrowser ? 'button button-primary' : 'button'}
          onClick={flow.cancel}
        >
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
      const progress = summarizeSyncProgress(state.progress)
      return (
        <section className="connect-status" aria-label="First sync">
          <p role="status" className="connect-status-message">
            {name} is connected. {progress.text}
          </p>
          <SyncProgressBar fraction={progress.fraction} label={`First sync of ${name}`} />
          <button
            type="button"
            className="button"
            aria-disabled={state.cancelling}
            onClick={flow.cancelSync}
          >
            {state.cancelling ? 'Cancelling…' : 'Cancel sync'}
          </button>
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
