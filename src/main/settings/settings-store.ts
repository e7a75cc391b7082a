/**
 * The firm's Finch settings, minus the client secret (which only the keychain holds): which Finch
 * to use (the local demo sandbox or real Finch), the client id, the redirect URI and the loopback
 * port for connecting in the system browser. The machine policy's values win over the stored
 * ones and cannot be changed here. A damaged settings file is moved aside and reported, never
 * silently overwritten.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/app-error'
import type { ManagedSetting, PolicyStatus } from '../../shared/domain'
import type { Logger } from '../log/logger'
import type { MachinePolicy } from './machine-policy'
import { managedSettings, policyStatus } from './machine-policy'
import { loopbackOrHttps } from './url-rules'

export const FINCH_API_URL = 'https://api.tryfinch.com'
export const DEFAULT_REDIRECT_URI = 'http://localhost/payroll-desk/connect-callback'

const settingsFileSchema = z.object({
  mode: z.enum(['demo', 'finch']),
  clientId: z.string().min(1).max(200).nullable(),
  redirectUri: loopbackOrHttps,
  finchBaseUrl: loopbackOrHttps,
  browserCallbackPort: z.int().min(1024).max(65535).nullable().default(null),
})

export type StoredSettings = z.output<typeof settingsFileSchema>

export const DEFAULT_SETTINGS: StoredSettings = {
  mode: 'demo',
  clientId: null,
  redirectUri: DEFAULT_REDIRECT_URI,
  finchBaseUrl: FINCH_API_URL,
  browserCallbackPort: null,
}

const SETTING_LABELS: Record<ManagedSetting, string> = {
  mode: 'The environment',
  clientId: 'The client ID',
  redirectUri: 'The redirect URI',
  finchBaseUrl: 'The Finch API base URL',
  browserCallbackPort: 'The browser callback port',
}

export class SettingsStore {
  private stored: StoredSettings
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly logger: Logger,
    private readonly policy: MachinePolicy = { status: 'absent', path: '' },
  ) {
    this.path = join(dataDir, 'settings.json')
    this.stored = this.load()
  }

  /** The settings in force: the machine policy's values over the stored ones. */
  get(): StoredSettings {
    if (this.policy.status !== 'applied') return { ...this.stored }
    const policy = this.policy.values
    return {
      mode: policy.environment ?? this.stored.mode,
      clientId: policy.clientId ?? this.stored.clientId,
      redirectUri: policy.redirectUri ?? this.stored.redirectUri,
      finchBaseUrl: policy.finchBaseUrl ?? this.stored.finchBaseUrl,
      browserCallbackPort: policy.browserCallbackPort ?? this.stored.browserCallbackPort,
    }
  }

  /** The settings to reach Finch with; refused while the machine policy is not valid. */
  usable(): StoredSettings {
    if (this.policy.status === 'invalid') throw this.policy.error
    return this.get()
  }

  managed(): ManagedSetting[] {
    return managedSettings(this.policy)
  }

  policyStatus(): PolicyStatus {
    return policyStatus(this.policy)
  }

  /**
   * Stores the accountant's change. A managed setting may be sent back with the policy's own
   * value (the form shows it), but not changed: the policy file is the place for that.
   */
  update(change: Partial<StoredSettings>): StoredSettings {
    const inForce = this.get()
    const own: Partial<StoredSettings> = {}
    for (const [key, value] of Object.entries(change) as [ManagedSetting, unknown][]) {
      if (value === undefined) continue
      if (this.managed().includes(key)) {
        if (value === inForce[key]) continue
        throw new AppError(
          'invalid_argument',
          `${key}: ${SETTING_LABELS[key]} is set by this computer's policy and cannot be changed here.`,
        )
      }
      ;(own as Record<string, unknown>)[key] = value
    }

    const parsed = settingsFileSchema.safeParse({ ...this.stored, ...own })
    if (!parsed.success) {
      const fields = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message.slice(0, 120)}`)
        .join('; ')
      throw new AppError('invalid_argument', `Invalid settings: ${fields}`)
    }
    const temporary = `${this.path}.tmp`
    writeFileSync(temporary, JSON.stringify(parsed.data, null, 2), { mode: 0o600 })
    renameSync(temporary, this.path)
    this.stored = parsed.data
    return this.get()
  }

  private load(): StoredSettings {
    if (!existsSync(this.path)) return { ...DEFAULT_SETTINGS }
    try {
      return settingsFileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')))
    } catch {
      const aside = `${this.path}.invalid-${Date.now()}`
      renameSync(this.path, aside)
      this.logger.warn(`settings file was not valid; moved aside to ${aside} and defaults are used`)
      return { ...DEFAULT_SETTINGS }
    }
  }
}
