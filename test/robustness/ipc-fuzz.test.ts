import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC_CHANNELS } from '../../src/shared/ipc-channels'
import { ipcArgumentSchemas } from '../../src/shared/ipc-contract'
import type { AppServices } from '../../src/main/app-services'
import { createAppServices } from '../../src/main/app-services'
import { openDatabase } from '../../src/main/cache/open-database'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { invalidArguments } from '../support/invalid-arguments'
import { ScriptedConnectUser } from '../support/scripted-connect-user'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'

const ARGUMENTS_PER_CHANNEL = 1_000

describe('IPC fuzzing over every channel of the contract', () => {
  const service = testKeychainService()
  const dir = makeTempDir()
  const client = { clientId: 'fuzz-client', clientSecret: randomBytes(24).toString('base64url') }
  let sandbox: RunningSandbox
  let services: AppServices

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [client] })
    writeFileSync(
      join(dir.path, 'settings.json'),
      JSON.stringify({
        mode: 'finch',
        clientId: client.clientId,
        redirectUri: 'http://localhost/payroll-desk/connect-callback',
        finchBaseUrl: sandbox.url,
      }),
    )
    await keytar.setPassword(service, VAULT_ACCOUNTS.clientSecret, client.clientSecret)
    services = await createAppServices({
      dataDir: dir.path,
      keytar,
      keychainService: service,
      presenter: new ScriptedConnectUser({ username: 'smallco' }),
      emit: () => undefined,
      version: 'fuzz',
    })
    const connected = await services.router.dispatch('connect.start', {
      customerName: 'Small Co',
      products: ['company', 'directory'],
    })
    expect(connected.ok).toBe(true)
    const connectionId = (connected as { value: { connectionId: string } }).value.connectionId
    expect((await services.router.dispatch('sync.run', { connectionId })).ok).toBe(true)
  })

  afterAll(async () => {
    await services.close()
    await sandbox.close()
    await clearKeychainService(service)
    dir.remove()
  })

  async function storedState(): Promise<string> {
    const keyHex = await keytar.getPassword(service, VAULT_ACCOUNTS.databaseKey)
    const db = openDatabase({ path: services.databaseFile, keyHex: keyHex ?? '' })
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
    const rows = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()))
    db.close()
    const credentials = (await keytar.findCredentials(service))
      .map((c) => `${c.account}=${c.password}`)
      .sort()
    const settings = readFileSync(join(dir.path, 'settings.json'), 'utf8')
    return createHash('sha256')
      .update([...rows, ...credentials, settings].join('\n'))
      .digest('hex')
  }

  it.each(IPC_CHANNELS.map((channel, index) => [channel, index] as const))(
    'answers %s with a typed invalid_argument for 1,000 hostile arguments and changes nothing',
    async (channel, index) => {
      const before = await storedState()
      let refused = 0

      for (const args of invalidArguments(
        ipcArgumentSchemas[channel],
        9_000 + index,
        ARGUMENTS_PER_CHANNEL,
      )) {
        const response = await services.router.dispatch(channel, args)
        expect(response.ok).toBe(false)
        if (!response.ok) expect(response.error.code).toBe('invalid_argument')
        refused += 1
      }

      expect(refused).toBe(ARGUMENTS_PER_CHANNEL)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(await storedState()).toBe(before)
      expect((await services.router.dispatch('connections.list', undefined)).ok).toBe(true)
    },
  )

  it('answers channels outside the contract with unknown_channel', async () => {
    for (const channel of [
      '',
      'constructor',
      '__proto__',
      'toString',
      'fs.read',
      42,
      null,
      {},
      'x'.repeat(100_000),
    ]) {
      const response = await services.router.dispatch(channel, undefined)

      expect(response).toEqual({
        ok: false,
        error: { code: 'unknown_channel', message: expect.any(String) },
      })
    }
  })
})
