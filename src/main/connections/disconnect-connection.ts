/**
 * Disconnecting a client's connection: revoke the token at Finch (`POST /disconnect`), delete it
 * from the keychain, then either keep the cached data readable (marked disconnected) or purge
 * it from the cache file for good. If Finch cannot be reached nothing changes, so the token is
 * never thrown away while it still works.
 */
import { APIError } from '@tryfinch/finch-api'
import { AppError } from '../../shared/app-error'
import type { DisconnectOutcome } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import { finchForConnection, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import type { ConnectionStore } from './connection-store'

export interface DisconnectDeps {
  vault: SecretVault
  cache: PayrollCache
  store: ConnectionStore
  /** The base URL of the Finch that issued this connection's token. */
  baseURL: (connectionId: string) => Promise<string>
  logger: Logger
  onConnectionsChanged: (reason: string) => void
  /** Stops the connection's running sync; true when one was running. */
  stopSync?: (connectionId: string) => boolean
}

export async function disconnectConnection(
  deps: DisconnectDeps,
  request: { connectionId: string; purge: boolean },
): Promise<DisconnectOutcome> {
  const { connectionId, purge } = request
  if (!deps.cache.getConnection(connectionId)) {
    throw new AppError('not_found', 'That connection is not in the cache.')
  }
  // A sync still writing would put rows back, or record its run, after the purge.
  if (deps.stopSync?.(connectionId)) {
    throw new AppError(
      'sync_in_progress',
      'This company was syncing; the sync is being stopped. Disconnect it again in a moment.',
    )
  }

  const tokenAccount = VAULT_ACCOUNTS.connectionToken(connectionId)
  const token = await deps.vault.read(tokenAccount)
  let revoked = false
  if (token) {
    revoked = await revokeAtFinch(await deps.baseURL(connectionId), token)
    await deps.vault.remove(tokenAccount)
  }

  if (purge) {
    const report = deps.store.purgeConnection(connectionId)
    const rows = Object.values(report.deleted).reduce((sum, n) => sum + n, 0)
    deps.logger.info(`purged ${connectionId}: ${rows} rows and their dependents, file vacuumed`)
    if (report.uncovered.length > 0) {
      deps.logger.error(`purge cannot reach tables ${report.uncovered.join(', ')}`)
    }
  } else {
    deps.cache.setConnectionStatus(connectionId, 'disconnected')
  }
  deps.logger.info(`disconnected ${connectionId} (revoked at Finch: ${revoked ? 'yes' : 'no'})`)
  deps.onConnectionsChanged(purge ? 'purged' : 'disconnected')
  return { connectionId, revoked, purged: purge }
}

/**
 * True when Finch confirmed; false when Finch says the token no longer works (401), which leaves
 * nothing to revoke. Any other failure stops the disconnect with the token still in place.
 */
async function revokeAtFinch(baseURL: string, token: string): Promise<boolean> {
  try {
    await finchForConnection(baseURL, token).account.disconnect()
    return true
  } catch (error) {
    if (error instanceof APIError && error.status === 401) return false
    throw toAppError(error, 'disconnect the company; nothing was changed')
  }
}
