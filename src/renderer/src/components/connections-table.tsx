/**
 * One client's connections: per connection its company, provider, status, products, people,
 * last sync and how fresh the data is, with what can be done next (reconnect a connection Finch
 * cut off, disconnect, delete the data of a disconnected one).
 */
import type { ConnectionOverview } from '../../../shared/domain'
import { formatAccountStatus, formatFreshness } from '../format/format-connection-account'
import { formatDate, formatDateTime } from '../format/format-date'
import { formatProductList } from '../format/format-product'
import { formatProvider } from '../format/format-provider'
import { formatConnectionStatus } from '../format/format-status'

export interface ConnectionActions {
  onOpen: (connectionId: string) => void
  onReconnect: (connection: ConnectionOverview, openIn: 'app' | 'browser') => void
  onDisconnect: (connection: ConnectionOverview) => void
}

export function ConnectionsTable({
  connections,
  caption,
  busy,
  ...actions
}: ConnectionActions & {
  connections: ConnectionOverview[]
  caption: string
  /** A connect attempt is running; another cannot start. */
  busy: boolean
}) {
  return (
    <div className="table-frame">
      <table className="data-table connections-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col">Products</th>
            <th scope="col" className="numeric">
              People
            </th>
            <th scope="col">Last sync</th>
            <th scope="col">Data</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <ConnectionRow
              key={connection.connectionId}
              connection={connection}
              busy={busy}
              {...actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ConnectionRow({
  connection,
  busy,
  onOpen,
  onReconnect,
  onDisconnect,
}: ConnectionActions & { connection: ConnectionOverview; busy: boolean }) {
  const name = connection.companyName ?? connection.customerName
  const open = () => onOpen(connection.connectionId)
  const account = connection.account
  const finchAsOf = formatDate(account?.lastSuccessfulSync ?? null)

  // The whole row is a click target for the mouse; the name is the button for the keyboard.
  return (
    <tr
      className="clickable-row"
      data-testid="connection-row"
      data-connection-id={connection.connectionId}
      data-status={connection.status}
      onClick={open}
    >
      <th scope="row">
        <button
          type="button"
          className="link-button"
          onClick={(event) => {
            event.stopPropagation()
            open()
          }}
        >
          {name}
        </button>
      </th>
      <td>{formatProvider(connection.providerId)}</td>
      <td>
        <span className={`status-badge status-${connection.status}`}>
          {formatConnectionStatus(connection.status)}
        </span>
        {account && account.status !== 'connected' && connection.status !== 'disconnected' && (
          <span className="secondary-text">{formatAccountStatus(account.status)}</span>
        )}
      </td>
      <td className="products-cell">{formatProductList(connection.products)}</td>
      <td className="numeric">{connection.peopleCount.toLocaleString()}</td>
      <td>
        {formatDateTime(connection.lastSyncedAt) ?? 'Never'}
        {connection.lastSyncError && (
          <span className="secondary-text connection-warning" title={connection.lastSyncError}>
            The last sync failed
          </span>
        )}
      </td>
      <td>
        <span data-testid="connection-freshness">
          {connection.status === 'disconnected'
            ? 'No longer synced'
            : formatFreshness(connection.freshness)}
        </span>
        {finchAsOf && <span className="secondary-text">Finch's data as of {finchAsOf}</span>}
      </td>
      <td className="connection-actions" onClick={(event) => event.stopPropagation()}>
        {connection.status === 'needs_reauthentication' && (
          <>
            <button
              type="button"
              className="button button-primary"
              data-action="reconnect"
              aria-disabled={busy}
              aria-label={`Reconnect ${name}`}
              onClick={() => !busy && onReconnect(connection, 'app')}
            >
              Reconnect
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-disabled={busy}
              aria-label={`Reconnect ${name} in my browser`}
              onClick={() => !busy && onReconnect(connection, 'browser')}
            >
              In browser
            </button>
          </>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-label={
            connection.status === 'disconnected'
              ? `Delete the cached data of ${name}`
              : `Disconnect ${name}`
          }
          onClick={() => onDisconnect(connection)}
        >
          {connection.status === 'disconnected' ? 'Delete data…' : 'Disconnect…'}
        </button>
      </td>
    </tr>
  )
}
