/** One client company on the home view: its name, its connections, and "add another connection". */
import { useId } from 'react'
import type { ReactNode } from 'react'
import type { ClientSummary } from '../../../shared/domain'
import type { ConnectionActions } from './connections-table'
import { ConnectionsTable } from './connections-table'

export function ClientConnections({
  client,
  busy,
  formOpen,
  form,
  onAddConnection,
  ...actions
}: ConnectionActions & {
  client: ClientSummary
  busy: boolean
  /** Whether this client's "add a connection" form is open (it shows under the heading). */
  formOpen: boolean
  form: ReactNode
  onAddConnection: () => void
}) {
  const headingId = useId()
  const count = client.connections.length

  return (
    <section className="client-group" aria-labelledby={headingId} data-testid="client-group">
      <div className="client-group-header">
        <h2 id={headingId} className="client-group-name">
          {client.name}
        </h2>
        <span className="secondary-text">
          {count === 1 ? '1 connection' : `${count} connections`}
        </span>
        <button
          type="button"
          className="button"
          aria-expanded={formOpen}
          aria-label={`Add another connection for ${client.name}`}
          onClick={onAddConnection}
        >
          Add another connection
        </button>
      </div>
      {formOpen && form}
      {count > 0 && (
        <ConnectionsTable
          connections={client.connections}
          caption={`Connections of ${client.name}`}
          busy={busy}
          {...actions}
        />
      )}
    </section>
  )
}
