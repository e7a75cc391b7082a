import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { Redactor } from '../../../src/main/log/logger'
import type { KeytarApi } from '../../../src/main/vault/secret-vault'
import { SecretVault } from '../../../src/main/vault/secret-vault'
import { clearKeychainService, keytar, testKeychainService } from '../../support/test-keychain'

describe('SecretVault on the real keychain', () => {
  const service = testKeychainService()

  afterEach(() => clearKeychainService(service))

  it('writes, reads and removes a secret', async () => {
    const vault = new SecretVault(keytar, service, new Redactor())

    await vault.write('connection-token:abc', 'token-value-123456')
    const read = await vault.read('connection-token:abc')
    const removed = await vault.remove('connection-token:abc')

    expect(read).toBe('token-value-123456')
    expect(removed).toBe(true)
    expect(await vault.read('connection-token:abc')).toBeNull()
  })

  it('creates a secret once and returns the same one afterwards', async () => {
    const vault = new SecretVault(keytar, service, new Redactor())

    const first = await vault.readOrCreate('database-key', () => 'a'.repeat(64))
    const second = await vault.readOrCreate('database-key', () => 'b'.repeat(64))

    expect(first).toBe('a'.repeat(64))
    expect(second).toBe(first)
  })

  it('registers every secret it handles with the redactor', async () => {
    const redactor = new Redactor()
    const vault = new SecretVault(keytar, service, redactor)

    await vault.write('finch-client-secret', 'super-secret-client-value')

    expect(redactor.redact('oops super-secret-client-value leaked')).toBe('oops [redacted] leaked')
  })
})

describe('SecretVault when the keychain fails', () => {
  const lockedKeychain: KeytarApi = {
    getPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    deletePassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  }

  it('answers a typed keychain_locked error and writes nothing anywhere else', async () => {
    const vault = new SecretVault(lockedKeychain, 'irrelevant', new Redactor())

    const failure = await vault
      .write('finch-client-secret', 'value-that-must-not-leak')
      .catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('keychain_locked')
    expect((failure as AppError).message).not.toContain('value-that-must-not-leak')
  })
})
