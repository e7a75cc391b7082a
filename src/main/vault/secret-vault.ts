/**
 * The vault: the only place secrets live outside main's memory, the OS keychain, reached through
 * the keytar API. Keychain failures become one typed error with a way forward; there is no
 * plaintext fallback, by design.
 */
import { AppError } from '../../shared/app-error'
import type { Redactor } from '../log/logger'

/** The subset of keytar's API the vault uses, so tests and other platforms can pass their own. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const VAULT_ACCOUNTS = {
  databaseKey: 'database-key',
  clientSecret: 'finch-client-secret',
  demoClientSecret: 'demo-sandbox-client-secret',
  demoSigningKey: 'demo-sandbox-signing-key',
  connectionToken: (connectionId: string) => `connection-token:${connectionId}`,
} as const

export class SecretVault {
  constructor(
    private readonly keytar: KeytarApi,
    private readonly service: string,
    private readonly redactor: Redactor,
  ) {}

  async read(account: string): Promise<string | null> {
    const value = await this.call(() => this.keytar.getPassword(this.service, account))
    if (value) this.redactor.register(value)
    return value
  }

  async write(account: string, secret: string): Promise<void> {
    this.redactor.register(secret)
    await this.call(() => this.keytar.setPassword(this.service, account, secret))
  }

  async remove(account: string): Promise<boolean> {
    return this.call(() => this.keytar.deletePassword(this.service, account))
  }

  /** Reads a secret, creating and storing it with `create` the first time. */
  async readOrCreate(account: string, create: () => string): Promise<string> {
    const existing = await this.read(account)
    if (existing) return existing
    const made = create()
    await this.write(account, made)
    return made
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (cause) {
      throw new AppError(
        'keychain_unavailable',
        'The system keychain could not be used. Unlock it (or start the Secret Service on Linux), then try again.',
        { cause },
      )
    }
  }
}
