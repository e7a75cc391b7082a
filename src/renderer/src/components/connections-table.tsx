/** The accountant's client list: one row per Finch connection in the cache. */
import type { ConnectionSummary } from '../../../shared/domain'
import { formatDateTime } from '../format/format-date'
import { formatProductList } from '../format/format-product'
import { formatConnectionStatus } from '../format/format-status'

export function ConnectionsTable({
  connections,
  onOpen,
}: {
  connections: ConnectionSummary[]
  onOpen: (connectionId: string) => void
}) {
  return (
    <div className="table-frame">
      <table className="data-table connections-table">
        <caption className="visually-hidden">Connected companies</caption>
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
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <ConnectionRow key={connection.connectionId} connection={connection} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ConnectionRow({
  connection,
  onOpen,
}: {
  connection: ConnectionSummary
  onOpen: (connectionId: string) => void
}) {
  const name = connection.companyName ?? connection.customerName
  const showCustomer =
    connection.companyName !== null && connection.companyName !== connection.customerName
  const open = () => onOpen(connection.connectionId)

  // The whole row is a click target for the mouse; the name is the button for the keyboard.
  return (
    <tr className="clickable-row" data-testid="connection-row" onClick={open}>
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
        {showCustomer && <span className="secondary-text">{connection.customerName}</span>}
      </th>
      <td>{connection.providerId}</td>
      <td>
        <span className={`status-badge status-${connection.status}`}>
          {formatConnectionStatus(connection.status)}
        </span>
      </td>
      <td className="products-cell">{formatProductList(connection.products)}</td>
      <td className="numeric">{connection.peopleCount.toLocaleString()}</td>
      <td>{formatDateTime(connection.lastSyncedAt) ?? 'Never'}</td>
    </tr>
  )
}
