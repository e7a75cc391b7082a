/**
 * The real OS keychain for tests, under a keychain service name of their own so a run never reads
 * or clobbers a user's entries. CI runs inside a private D-Bus session with a throwaway keyring.
 */
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import type { KeytarApi } from '../../src/main/vault/secret-vault'

export const keytar = createRequire(import.meta.url)('@github/keytar') as KeytarApi & {
  findCredentials(service: string): Promise<{ account: string; password: string }[]>
}

export function testKeychainService(): string {
  return `Payroll Desk test ${randomUUID()}`
}

/** Deletes every entry a test wrote under its service. */
export async function clearKeychainService(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account)
}
