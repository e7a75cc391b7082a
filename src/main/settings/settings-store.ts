/**
 * The firm's Finch settings, minus the client secret (which only the keychain holds): which Finch
 * to use (the local demo sandbox or real Finch), the client id and the redirect URI. A damaged
 * settings file is moved aside and reported, never silently overwritten.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../log/logger'

export const FINCH_API_URL = 'https://api.tryfinch.com'
export const DEFAULT_REDIRECT_URI = 'http://localhost/payroll-desk/connect-callback'

const settingsFileSchema = z.object({
  mode: z.enum(['demo', 'finch']),
  clientId: z.string().min(1).max(200).nullable(),
  redirectUri: z.url({ protocol: /^https?$/ }),
  finchBaseUrl: z.url({ protocol: /^https?$/ }),
})

export type StoredSettings = z.infer<typeof settingsFileSchema>

export const DEFAULT_SETTINGS: StoredSettings = {
  mode: 'demo',
  clientId: null,
  redirectUri: DEFAULT_REDIRECT_URI,
  finchBaseUrl: FINCH_API_URL,
}

export class SettingsStore {
  private current: StoredSettings
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.path = join(dataDir, 'settings.json')
    this.current = this.load()
  }

  get(): StoredSettings {
    return { ...this.current }
  }

  update(change: Partial<StoredSettings>): StoredSettings {
    const next = settingsFileSchema.parse({ ...this.current, ...change })
    const temporary = `${this.path}.tmp`
    writeFileSync(temporary, JSON.stringify(next, null, 2), { mode: 0o600 })
    renameSync(temporary, this.path)
    this.current = next
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
