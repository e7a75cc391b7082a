/**
 * What needs the accountant before the numbers can be trusted: a connection to reconnect, data
 * Finch is still collecting, an old cache, runs that do not tie out, unusual changes. Each item
 * links to the place in the app where it can be dealt with.
 */
import type { AttentionItem, AttentionKind } from '../../../shared/dashboard'

const KIND_LABELS: Record<AttentionKind, string> = {
  reauthenticate: 'Reconnect',
  pending: 'Pending data',
  stale: 'Out of date',
  tie_out: 'Tie-out',
  variance: 'Variance',
}

/** Where each kind of item is explained and dealt with. */
export const ATTENTION_LINKS: Record<AttentionKind, string> = {
  reauthenticate: 'Reconnect on the Clients page',
  pending: 'Sync on the company page',
  stale: 'Sync on the company page',
  // The payroll register has no page of its own yet: the company page is the nearest place.
  tie_out: 'Review on the company page',
  variance: 'Review on the company page',
}

export function DashboardAttention({
  items,
  loading,
  onOpen,
}: {
  items: AttentionItem[] | undefined
  loading: boolean
  onOpen: (item: AttentionItem) => void
}) {
  return (
    <section className="panel dashboard-attention" aria-labelledby="dashboard-attention-title">
      <h2 id="dashboard-attention-title" className="panel-title">
        Needs attention
      </h2>
      {items === undefined ? (
        <p className="empty-state">
          {loading ? 'Running the checks…' : 'The checks could not run.'}
        </p>
      ) : items.length === 0 ? (
        <p className="empty-state">Nothing needs attention: the data is fresh and ties out.</p>
      ) : (
        <ul className="dashboard-attention-list" data-testid="attention-list">
          {items.map((item, index) => (
            <li key={index} data-kind={item.kind}>
              <span className={`attention-badge attention-${item.kind}`}>
                {KIND_LABELS[item.kind]}
              </span>
              <span>{item.message}</span>
              <button type="button" className="link-button" onClick={() => onOpen(item)}>
                {ATTENTION_LINKS[item.kind]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
