/**
 * The handlers behind every IPC channel. Arguments arrive already validated by the router;
 * results are what the UI may see: no token, no secret, masked identifiers.
 */
import { AppError } from '../../shared/app-error'
import type { AppSettings } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import type { ConnectFlow } from '../connect/connect-flow'
import type { EventSink } from '../app-services'
import type { SettingsStore } from '../settings/settings-store'
import type { ConnectionSync } from '../sync/sync-connection'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import type { IpcHandlers } from './ipc-router'

export interface HandlerServices {
  settings: SettingsStore
  vault: SecretVault
  cache: PayrollCache
  connectFlow: ConnectFlow
  sync: ConnectionSync
  isDemo: () => boolean
  version: string
  emit: EventSink
}

export function createIpcHandlers(services: HandlerServices): IpcHandlers {
  const { settings, vault, cache, connectFlow, sync } = services

  async function currentSettings(): Promise<AppSettings> {
    const stored = settings.get()
    return {
      mode: services.isDemo() ? 'demo' : stored.mode,
      clientId: stored.clientId,
      hasClientSecret: (await vault.read(VAULT_ACCOUNTS.clientSecret)) !== null,
      redirectUri: stored.redirectUri,
      finchBaseUrl: stored.finchBaseUrl,
    }
  }

  function requireConnection(connectionId: string): void {
    if (!cache.getConnection(connectionId))
      throw new AppError('not_found', 'That connection is not in the cache.')
  }

  return {
    'app.status': () => ({ mode: services.isDemo() ? 'demo' : 'finch', version: services.version }),

    'settings.get': currentSettings,

    'settings.update': async ({ clientSecret, ...change }) => {
      if (clientSecret !== undefined) await vault.write(VAULT_ACCOUNTS.clientSecret, clientSecret)
      settings.update(change)
      return currentSettings()
    },

    'connections.list': () => cache.listConnections(),

    'connect.start': async (request) => {
      services.emit('connect.presenting', { open: true })
      try {
        return await connectFlow.connect(request)
      } finally {
        services.emit('connect.presenting', { open: false })
      }
    },

    'connect.cancel': () => ({ cancelled: connectFlow.cancel() }),

    'sync.run': ({ connectionId }) => sync.sync(connectionId),

    'company.get': ({ connectionId }) => {
      requireConnection(connectionId)
      return cache.companyProfile(connectionId)
    },

    'directory.page': (query) => {
      requireConnection(query.connectionId)
      return cache.directoryPage(query)
    },
  }
}
