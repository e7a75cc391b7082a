/**
 * The IPC handlers for the firm's Finch settings. The client secret only ever goes in: it can be
 * replaced or removed, and the UI learns no more than whether one is stored.
 */
import type { AppSettings } from '../../shared/domain'
import type { IpcHandlers } from '../ipc/ipc-router'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import type { SettingsStore } from './settings-store'

export interface SettingsHandlerServices {
  settings: SettingsStore
  vault: SecretVault
  isDemo: () => boolean
}

type SettingsChannel =
  'settings.get' | 'settings.update' | 'settings.removeClientSecret' | 'settings.policy'

export function createSettingsHandlers(
  services: SettingsHandlerServices,
): Pick<IpcHandlers, SettingsChannel> {
  const { settings, vault } = services

  async function currentSettings(): Promise<AppSettings> {
    const inForce = settings.get()
    return {
      mode: services.isDemo() ? 'demo' : inForce.mode,
      clientId: inForce.clientId,
      hasClientSecret: (await vault.read(VAULT_ACCOUNTS.clientSecret)) !== null,
      redirectUri: inForce.redirectUri,
      finchBaseUrl: inForce.finchBaseUrl,
      browserCallbackPort: inForce.browserCallbackPort,
      managed: settings.managed(),
    }
  }

  return {
    'settings.get': currentSettings,

    'settings.update': async ({ clientSecret, ...change }) => {
      // The plain settings are checked (and a managed one refused) before the secret is stored.
      settings.update(change)
      if (clientSecret !== undefined) await vault.write(VAULT_ACCOUNTS.clientSecret, clientSecret)
      return currentSettings()
    },

    'settings.removeClientSecret': async () => {
      await vault.remove(VAULT_ACCOUNTS.clientSecret)
      return currentSettings()
    },

    'settings.policy': () => settings.policyStatus(),
  }
}
