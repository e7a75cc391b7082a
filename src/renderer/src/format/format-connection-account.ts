/** Words for what Finch's introspection and the cache say about a connection's data. */
import type { ConnectionOverview } from '../../../shared/domain'

const FRESHNESS_LABELS: Record<ConnectionOverview['freshness'], string> = {
  fresh: 'Up to date',
  stale: 'Out of date',
  never_synced: 'Not synced yet',
}

export function formatFreshness(freshness: ConnectionOverview['freshness']): string {
  return FRESHNESS_LABELS[freshness] ?? freshness
}

/** Finch's connection status (`error_no_account_setup`, `reauth`, ...) in plain words. */
export function formatAccountStatus(status: string): string {
  switch (status) {
    case 'connected':
      return 'Connected at Finch'
    case 'pending':
    case 'processing':
      return 'Finch is still collecting data'
    case 'reauth':
      return 'The employer must sign in again'
    case 'disconnected':
      return 'Disconnected at Finch'
    case 'error_permissions':
      return 'The provider account lacks permissions'
    case 'error_no_account_setup':
      return 'The provider account is not set up'
    default:
      return status.replaceAll('_', ' ')
  }
}
