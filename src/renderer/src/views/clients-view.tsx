/**
 * The home view: every connected client company, and the way to connect another one. The list
 * reloads whenever the back end says the connections changed.
 */
import { useState } from 'react'
import type { AppStatus } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { useApi } from '../api/api-context'
import { ConnectForm } from '../components/connect-form'
import { ConnectionsTable } from '../components/connections-table'
import { ErrorAlert } from '../components/error-alert'
import { ViewHeading } from '../components/view-heading'
import { useApiEvent } from '../hooks/use-api-event'
import { useAsyncValue } from '../hooks/use-async-value'
import type { ConnectFlow } from '../hooks/use-connect-flow'

const CONNECT_FORM_ID = 'connect-form'

export function ClientsView({
  mode,
  connectFlow,
  onOpenCompany,
}: {
  mode: AppStatus['mode'] | undefined
  connectFlow: ConnectFlow
  onOpenCompany: (connectionId: string) => void
}) {
  const api = useApi()
  const connections = useAsyncValue(() => api.connections.list(), [api])
  const [formOpen, setFormOpen] = useState(false)
  const connectBusy =
    connectFlow.state.phase === 'connecting' || connectFlow.state.phase === 'syncing'

  useApiEvent('connections.changed', connections.reload)

  async function start(request: IpcArguments<'connect.start'>) {
    if (await connectFlow.start(request)) setFormOpen(false)
  }

  return (
    <section className="view">
      <div className="view-header">
        <ViewHeading>Clients</ViewHeading>
        <button
          type="button"
          className="button button-primary"
          aria-expanded={formOpen}
          aria-controls={CONNECT_FORM_ID}
          onClick={() => setFormOpen((open) => !open)}
        >
          Connect a company
        </button>
      </div>

      {formOpen && (
        <ConnectForm
          id={CONNECT_FORM_ID}
          busy={connectBusy}
          onStart={(request) => void start(request)}
          onClose={() => setFormOpen(false)}
        />
      )}

      {connections.status === 'failed' && (
        <ErrorAlert onRetry={connections.reload}>{connections.message}</ErrorAlert>
      )}

      {connections.value === undefined ? (
        connections.status === 'loading' && (
          <p role="status" className="loading">
            Loading clients…
          </p>
        )
      ) : connections.value.length === 0 ? (
        <EmptyClients mode={mode} />
      ) : (
        <ConnectionsTable connections={connections.value} onOpen={onOpenCompany} />
      )}
    </section>
  )
}

function EmptyClients({ mode }: { mode: AppStatus['mode'] | undefined }) {
  return (
    <div className="empty-state" data-testid="clients-empty">
      <h2>No client companies yet</h2>
      {mode === 'finch' ? (
        <p>
          Connect a company: Finch Connect opens so the client can sign in to their payroll provider
          and grant access.
        </p>
      ) : (
        <p>
          Connect a company: in demo mode use the sandbox logins <kbd>largeco</kbd> /{' '}
          <kbd>letmein</kbd> or <kbd>smallco</kbd> / <kbd>letmein</kbd>
        </p>
      )}
    </div>
  )
}
