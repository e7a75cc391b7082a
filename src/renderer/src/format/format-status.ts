/** Words for the status values the back end sends for connections and people. */
import type { ConnectionStatus } from '../../../shared/domain'

const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  connected: 'Connected',
  needs_reauthentication: 'Needs reconnecting',
  disconnected: 'Disconnected',
}

export function formatConnectionStatus(status: ConnectionStatus): string {
  return CONNECTION_STATUS_LABELS[status] ?? status
}

/** Finch's `is_active`: null when the provider does not say. */
export function formatEmploymentStatus(isActive: boolean | null): string {
  if (isActive === null) return 'Unknown'
  return isActive ? 'Active' : 'Terminated'
}
