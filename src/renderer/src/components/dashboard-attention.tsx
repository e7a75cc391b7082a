/**
 * What needs the accountant before the numbers can be trusted: a connection to reconnect, data
 * Finch is still collecting, an old cache, runs that do not tie out, unusual changes. Each item
 * links to the place in the app that explains it and where it can be dealt with.
 */
import { useId } from 'react'
import type { AttentionItem, AttentionKind } from '../../../shared/dashboard'
import { formatDate } from '../format/format-date'
import type { Route } from '../navigation/route'

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
  pending: 'See how current the data is',
  stale: 'See how current the data is',
  tie_out: 'See the run’s tie-out in Checks',
  variance: 'Compare the runs in Checks',
}

/** The view, and the part of it, that explains an item. */
export function attentionRoute(item: AttentionItem): Route {
  const { connectionId, paymentId } = item
  switch (item.kind) {
    case 'reauthenticate':
      return { view: 'clients', reconnect: connectionId }
    case 'pending':
    case 'stale':
      return { view: 'company', connectionId, focus: 'freshness' }
    case 'tie_out':
      return paymentId
        ? { view: 'checks', connectionId, focus: { section: 'tie_out', paymentId } }
        : { view: 'checks', connectionId }
    case 'variance':
      // The item is about the run against the one before it, which Checks picks by default.
      return paymentId
        ? {
            view: 'checks',
            connectionId,
            focus: { section: 'variance', currentPaymentId: paymentId },
          }
        : { view: 'checks', connectionId }
  }
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
  const id = useId()
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
            <li key={index} data-kind={item.kind} data-payment-id={item.paymentId}>
              <span className={`attention-badge attention-${item.kind}`}>
                {KIND_LABELS[item.kind]}
              </span>
              <span id={`${id}-${index}`}>{attentionText(item)}</span>
              <button
                type="button"
                className="link-button"
                aria-describedby={`${id}-${index}`}
                onClick={() => onOpen(item)}
              >
                {ATTENTION_LINKS[item.kind]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The item's sentence, after the name of its pay run in the user's locale where it has one. */
function attentionText(item: AttentionItem): string {
  if (item.payDate === undefined) return item.message
  const date = formatDate(item.payDate)
  return `${date ? `Pay run of ${date}` : 'Pay run of an unknown date'}: ${item.message}`
}
