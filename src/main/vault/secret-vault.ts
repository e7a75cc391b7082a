/**
 * The vault: the only place secrets live outside main's memory, the OS keychain, reached through
 * the keytar API. Keychain failures become typed errors that say what to do (unlock, allow,
 * start the keychain); there is no plaintext fallback, by design.
 */
import { randomBytes } from 'node:crypto'
import type { Redactor } from '../log/logger'
import { classifyKeychainFailure, keychainError } from './keychain-trouble'

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
  /** Written and deleted at once to learn whether the keychain takes writes right now. */
  probe: 'keychain-probe',
} as const

export class SecretVault {
  constructor(
    private readonly keytar: KeytarApi,
    private readonly service: string,
    private readonly redactor: Redactor,
  ) {}

  /**
   * Reads a secret; null only when it is really absent. libsecret answers a read from a locked
   * collection with "nothing stored" rather than an error, which would make a locked keychain
   * look like a missing token or a lost database key, so an empty answer is confirmed first.
   */
  async read(account: string): Promise<string | null> {
    const value = await this.call(() => this.keytar.getPassword(this.service, account))
    if (value) {
      this.redactor.register(value)
      return value
    }
    await this.assertWritable()
    return null
  }

  async write(account: string, secret: string): Promise<void> {
    this.redactor.register(secret)
    await this.call(() => this.keytar.setPassword(this.service, account, secret))
  }

  /** Deletes a secret; false when there was none. A locked keychain fails rather than say false. */
  async remove(account: string): Promise<boolean> {
    const removed = await this.call(() => this.keytar.deletePassword(this.service, account))
    if (!removed) await this.assertWritable()
    return removed
  }

  /** Fails with a typed keychain error unless the keychain takes a write right now. */
  async assertWritable(): Promise<void> {
    const marker = randomBytes(16).toString('hex')
    await this.call(() => this.keytar.setPassword(this.service, VAULT_ACCOUNTS.probe, marker))
    await this.call(() => this.keytar.deletePassword(this.service, VAULT_ACCOUNTS.probe))
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
      throw keychainError(classifyKeychainFailure(cause), cause)
    }
  }
}
