/**
 * Run by the keychain test inside a private D-Bus session with its own GNOME keyring: stores a
 * secret through the vault, locks the keyring over the Secret Service API, then tries the vault
 * again and prints what each call did as JSON. Not a test file itself.
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { Redactor } from '../../../../src/main/log/logger'
import type { KeytarApi } from '../../../../src/main/vault/secret-vault'
import { SecretVault } from '../../../../src/main/vault/secret-vault'

const keytar = createRequire(import.meta.url)('@github/keytar') as KeytarApi
const vault = new SecretVault(keytar, 'Payroll Desk locked-keyring test', new Redactor())
const secret = 'locked-keyring-test-secret-value'

async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    const shape = error as { code?: unknown; message?: unknown }
    return { ok: false, code: shape.code, message: shape.message }
  }
}

const results: Record<string, unknown> = {}
results.writeUnlocked = await outcome(() => vault.write('finch-client-secret', secret))
results.readUnlocked = await outcome(() => vault.read('finch-client-secret'))

execFileSync('gdbus', [
  'call',
  '--session',
  '--dest',
  'org.freedesktop.secrets',
  '--object-path',
  '/org/freedesktop/secrets',
  '--method',
  'org.freedesktop.Secret.Service.Lock',
  "['/org/freedesktop/secrets/collection/login']",
])

results.rawReadLocked = await outcome(() =>
  keytar.getPassword('Payroll Desk locked-keyring test', 'finch-client-secret'),
)
results.readLocked = await outcome(() => vault.read('finch-client-secret'))
results.writeLocked = await outcome(() => vault.write('connection-token:abc', 'token-value-xyz'))
results.removeLocked = await outcome(() => vault.remove('finch-client-secret'))
process.stdout.write(`RESULTS ${JSON.stringify(results)}\n`)
process.exit(0)
