/**
 * The home view: every client company with its connections, and the ways to connect another
 * company, add a connection to a client, reconnect one Finch cut off, or disconnect one. The list
 * reloads whenever the back end says the connections changed. A machine policy that could not
 * be read is reported here too, because until it is fixed nothing can connect.
 */
import { useRef, useState } from 'react'
import type { AppStatus, ClientSummary, ConnectionOverview } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { useApi } from '../api/api-context'
import { ClientConnections } from '../components/client-connections'
import { ConnectForm } from '../components/connect-form'
import { ConnectionDisconnectDialog } from '../components/connection-disconnect-dialog'
import { ErrorAlert } from '../components/error-alert'
import { ViewHeading } from '../components/view-heading'
import { useApiEvent } from '../hooks/use-api-event'
import { useArrivalFocus } from '../hooks/use-arrival-focus'
import { useAsyncValue } from '../hooks/use-async-value'
import type { ConnectFlow } from '../hooks/use-connect-flow'
import '../styles/connections.css'

const CONNECT_FORM_ID = 'connect-form'

/** Which connect form is open: for a new client, or for another connection of one client. */
type OpenForm = { for: 'new' } | { for: 'client'; customerId: string; name: string } | null

export function ClientsView({
  reconnect,
  mode,
  connectFlow,
  onOpenCompany,
}: {
  /** A connection whose Reconnect action to bring into focus, as a dashboard link asks. */
  reconnect?: string
  mode: AppStatus['mode'] | undefined
  connectFlow: ConnectFlow
  onOpenCompany: (connectionId: string) => void
}) {
  const api = useApi()
  const clients = useAsyncValue(() => api.clients.list(), [api])
  const policy = useAsyncValue(() => api.settings.policy(), [api])
  const [form, setForm] = useState<OpenForm>(null)
  const [disconnecting, setDisconnecting] = useState<ConnectionOverview | null>(null)
  const [notice, setNotice] = useState('')
  const connectBusy =
    connectFlow.state.phase === 'connecting' || connectFlow.state.phase === 'syncing'

  useApiEvent('connections.changed', clients.reload)
  const view = useRef<HTMLElement>(null)
  useArrivalFocus(reconnect !== undefined && clients.value !== undefined, () =>
    view.current?.querySelector<HTMLElement>(
      `[data-connection-id="${CSS.escape(reconnect ?? '')}"] [data-action="reconnect"]`,
    ),
  )

  async function start(request: IpcArguments<'connect.start'>) {
    if (await connectFlow.start(request)) setForm(null)
  }

  function connectForm(client?: { customerId: string; name: string }) {
    return (
      <ConnectForm
        id={CONNECT_FORM_ID}
        busy={connectBusy}
        mode={mode}
        {...(client ? { client } : {})}
        onStart={(request) => void start(request)}
        onClose={() => setForm(null)}
      />
    )
  }

  function toggleForm(next: Exclude<OpenForm, null>) {
    setForm((current) =>
      current?.for === next.for &&
      (next.for === 'new' || (current.for === 'client' && current.customerId === next.customerId))
        ? null
        : next,
    )
  }

  return (
    <section className="view" ref={view}>
      <div className="view-header">
        <ViewHeading>Clients</ViewHeading>
        <button
          type="button"
          className="button button-primary"
          aria-expanded={form?.for === 'new'}
          aria-controls={CONNECT_FORM_ID}
          onClick={() => toggleForm({ for: 'new' })}
        >
          Connect a company
        </button>
      </div>

      {policy.value?.status === 'invalid' && (
        <ErrorAlert>
          <span data-testid="policy-problem">{policy.value.problem}</span>
        </ErrorAlert>
      )}

      {form?.for === 'new' && connectForm()}

      <p role="status" className="save-status" data-testid="clients-notice">
        {notice}
      </p>

      {clients.status === 'failed' && (
        <ErrorAlert onRetry={clients.reload}>{clients.message}</ErrorAlert>
      )}

      {clients.value === undefined ? (
        clients.status === 'loading' && (
          <p role="status" className="loading">
            Loading clients…
          </p>
        )
      ) : clients.value.length === 0 ? (
        <EmptyClients mode={mode} />
      ) : (
        clients.value.map((client: ClientSummary) => (
          <ClientConnections
            key={client.customerId}
            client={client}
            busy={connectBusy}
            formOpen={form?.for === 'client' && form.customerId === client.customerId}
            form={connectForm({ customerId: client.customerId, name: client.name })}
            onAddConnection={() =>
              toggleForm({ for: 'client', customerId: client.customerId, name: client.name })
            }
            onOpen={onOpenCompany}
            onReconnect={(connection, openIn) =>
              void connectFlow.reauthenticate({ connectionId: connection.connectionId, openIn })
            }
            onDisconnect={(connection) => {
              setNotice('')
              setDisconnecting(connection)
            }}
          />
        ))
      )}

      {disconnecting && (
        <ConnectionDisconnectDialog
          connection={disconnecting}
          onClose={() => setDisconnecting(null)}
          onDone={(outcome) => {
            const name = disconnecting.companyName ?? disconnecting.customerName
            setDisconnecting(null)
            setNotice(
              outcome.purged
                ? `${name} is disconnected and its cached data was deleted from this computer.`
                : `${name} is disconnected; its cached data stays here for review.`,
            )
          }}
        />
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
