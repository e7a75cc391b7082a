import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAppServices } from '../../../../src/main/app-services'
import { Redactor } from '../../../../src/main/log/logger'
import { classifyKeychainFailure } from '../../../../src/main/vault/keychain-trouble'
import type { KeytarApi } from '../../../../src/main/vault/secret-vault'
import { SecretVault } from '../../../../src/main/vault/secret-vault'
import { AppError } from '../../../../src/shared/app-error'
import { lockedKeytar } from './connections-fixture'
import { AbandonedConnect } from '../../../support/scripted-connect-user'
import { makeTempDir } from '../../../support/temp-dir'

describe('naming keychain trouble', () => {
  it.each([
    ['Cannot create an item in a locked collection', 'locked'],
    ['The user name or passphrase you entered is not correct. (-25308)', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['Access is denied.', 'denied'],
    ['The authorization was denied since no user interaction was possible. (-25293)', 'denied'],
    ['User canceled the operation. (-128)', 'denied'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'unavailable'],
  ])('reads "%s" as %s', (message, trouble) => {
    expect(classifyKeychainFailure(new Error(message))).toBe(trouble)
  })
})

describe('the vault over a keychain in trouble', () => {
  async function failureOf(call: Promise<unknown>): Promise<AppError> {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }

  it('reports a locked keychain on a read that libsecret answers with "nothing stored"', async () => {
    const vault = new SecretVault(lockedKeytar(), 'test', new Redactor())

    const failure = await failureOf(vault.read('database-key'))

    expect(failure.code).toBe('keychain_locked')
    expect(failure.message).toMatch(/Unlock it/)
  })

  it('reports a locked keychain on a delete that libsecret answers with "not there"', async () => {
    const vault = new SecretVault(lockedKeytar(), 'test', new Redactor())

    expect((await failureOf(vault.remove('finch-client-secret'))).code).toBe('keychain_locked')
  })

  it('says how to get a Secret Service when none answers, and never echoes what it stored', async () => {
    const noService: KeytarApi = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () =>
        Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    }
    const vault = new SecretVault(noService, 'test', new Redactor())

    const failure = await failureOf(vault.write('finch-client-secret', 'never-shown-secret-1'))

    expect(failure.code).toBe('keychain_unavailable')
    expect(failure.message).toMatch(/GNOME Keyring or KWallet/)
    expect(failure.message).not.toContain('never-shown-secret-1')
  })

  it('says to allow access when the keychain refuses', async () => {
    const refusing: KeytarApi = {
      getPassword: () => Promise.reject(new Error('Access is denied.')),
      setPassword: () => Promise.reject(new Error('Access is denied.')),
      deletePassword: () => Promise.reject(new Error('Access is denied.')),
    }
    const vault = new SecretVault(refusing, 'test', new Redactor())

    expect((await failureOf(vault.read('finch-client-secret'))).code).toBe('keychain_denied')
  })
})

describe('starting the app over a locked keychain', () => {
  it('says the keychain is locked, rather than that the cache key is lost, and makes no new key', async () => {
    const dir = makeTempDir()
    const databaseFile = join(dir.path, 'payroll-cache.db')
    writeFileSync(databaseFile, 'an existing cache, whose key is in the locked keychain')

    const failure = await createAppServices({
      dataDir: dir.path,
      keytar: lockedKeytar(),
      keychainService: 'irrelevant',
      presenter: new AbandonedConnect(),
      emit: () => undefined,
      version: 'test',
      policyFile: join(dir.path, 'no-policy.json'),
    }).catch((e: unknown) => e)
    const cacheAfter = readFileSync(databaseFile, 'utf8')
    dir.remove()

    expect((failure as AppError).code).toBe('keychain_locked')
    expect(cacheAfter).toBe('an existing cache, whose key is in the locked keychain')
  })
})

const probeScript = fileURLToPath(new URL('./locked-keyring-probe.ts', import.meta.url))
const tools = ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
)

describe.skipIf(!tools)('the vault over a real GNOME keyring that gets locked', () => {
  it('answers every call with keychain_locked instead of "nothing stored"', () => {
    const home = makeTempDir('payroll-desk-keyring-')
    const password = randomBytes(18).toString('base64')
    // A private bus and keyring, so locking it cannot disturb the other tests' keyring.
    const run = spawnSync(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node --import tsx "$PROBE"',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: home.path,
          XDG_DATA_HOME: home.path,
          KEYRING_PASSWORD: password,
          PROBE: probeScript,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    home.remove()
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULTS '))
    expect(line, run.stderr.slice(-2000)).toBeDefined()
    const results = JSON.parse(line!.slice('RESULTS '.length)) as Record<string, unknown>

    expect(results.writeUnlocked).toEqual({ ok: true })
    expect(results.readUnlocked).toEqual({ ok: true, value: 'locked-keyring-test-secret-value' })
    // What libsecret itself says: nothing stored, although the secret is there.
    expect(results.rawReadLocked).toEqual({ ok: true, value: null })
    expect(results.readLocked).toMatchObject({ ok: false, code: 'keychain_locked' })
    expect(results.writeLocked).toMatchObject({ ok: false, code: 'keychain_locked' })
    expect(results.removeLocked).toMatchObject({ ok: false, code: 'keychain_locked' })
  })
})
