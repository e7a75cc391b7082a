/**
 * Storage faults at start and during a sync: a damaged cache is moved aside and reported with its
 * connections kept, a cache without its key is reported as such, and a full disk mid-sync leaves
 * the previous snapshot whole. Runs against the real keychain, SQLCipher and the local sandbox.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { openSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AppServices } from '../../src/main/app-services'
import { createAppServices } from '../../src/main/app-services'
import { openRecoveringDatabase } from '../../src/main/cache/cache-recovery'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { dumpLiveSnapshot } from '../../src/main/cache/snapshot-dump'
import { Redactor, createLogger } from '../../src/main/log/logger'
import { ConnectionSync } from '../../src/main/sync/sync-connection'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import type { AppStatus } from '../../src/shared/domain'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { connect } from '../../bench/sync/sandbox-connection'
import { ScriptedConnectUser } from '../support/scripted-connect-user'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'

const client = { clientId: 'storage-client', clientSecret: randomBytes(24).toString('base64url') }
const quietLogger = () => createLogger({ sinks: [], redactor: new Redactor() })

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ clients: [client], rateLimits: false })
})

afterAll(async () => {
  await sandbox.close()
})

describe('a damaged cache at start', () => {
  const service = testKeychainService()
  const dir = makeTempDir()
  let services: AppServices | null = null

  afterEach(async () => {
    await services?.close()
    services = null
  })

  afterAll(async () => {
    await clearKeychainService(service)
    dir.remove()
  })

  async function start(dataDir: string): Promise<AppServices> {
    await keytar.setPassword(service, VAULT_ACCOUNTS.clientSecret, client.clientSecret)
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        mode: 'finch',
        clientId: client.clientId,
        redirectUri: 'http://localhost/payroll-desk/connect-callback',
        finchBaseUrl: sandbox.url,
      }),
    )
    services = await createAppServices({
      dataDir,
      keytar,
      keychainService: service,
      presenter: new ScriptedConnectUser({ username: 'smallco' }),
      emit: () => undefined,
      version: 'storage-test',
      logSinks: [],
    })
    return services
  }

  /** A cache with one synced connection, closed so its WAL is folded into the file. */
  async function syncedCache(dataDir: string): Promise<{ connectionId: string; file: string }> {
    mkdirSync(dataDir, { recursive: true })
    const running = await start(dataDir)
    const connected = await running.router.dispatch('connect.start', {
      customerName: 'Small Co',
      products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'],
    })
    expect(connected).toMatchObject({ ok: true })
    const connectionId = (connected as { value: { connectionId: string } }).value.connectionId
    expect((await running.router.dispatch('sync.run', { connectionId })).ok).toBe(true)
    const file = running.databaseFile
    await running.close()
    services = null
    return { connectionId, file }
  }

  async function statusOf(running: AppServices): Promise<AppStatus> {
    const status = await running.router.dispatch('app.status', undefined)
    return (status as { value: AppStatus }).value
  }

  it('moves a truncated file aside and, its connection list lost, says to connect again', async () => {
    const dataDir = join(dir.path, 'truncated')
    const { file } = await syncedCache(dataDir)
    const cutTo = Math.floor(statSync(file).size / 2)
    truncateSync(file, cutTo)

    const running = await start(dataDir)

    const { notices } = await statusOf(running)
    expect(notices).toEqual([
      {
        kind: 'cache_moved_aside',
        message: expect.stringContaining('connect each client again'),
        movedTo: expect.stringMatching(/payroll-cache\.db\.damaged-\d{4}-/),
        connectionsKept: 0,
      },
    ])
    expect(statSync(notices[0]!.movedTo).size).toBe(cutTo)
    expect(await running.router.dispatch('connections.list', undefined)).toEqual({
      ok: true,
      value: [],
    })
    const again = await running.router.dispatch('connect.start', {
      customerName: 'Small Co',
      products: ['company', 'directory'],
    })
    const connectionId = (again as { value: { connectionId: string } }).value.connectionId
    const resynced = await running.router.dispatch('sync.run', { connectionId })
    expect(resynced).toMatchObject({ ok: true, value: { status: 'succeeded' } })
  })

  it('moves a file with a scrambled payroll page aside and keeps its connections to sync again', async () => {
    const dataDir = join(dir.path, 'scrambled')
    const { connectionId, file } = await syncedCache(dataDir)
    const pages = statSync(file).size / 4096
    const fd = openSync(file, 'r+')
    writeSync(fd, randomBytes(4096), 0, 4096, Math.floor(pages * 0.75) * 4096)
    closeSync(fd)

    const running = await start(dataDir)

    const { notices } = await statusOf(running)
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'cache_moved_aside', connectionsKept: 1 }),
    ])
    expect(existsSync(notices[0]!.movedTo)).toBe(true)
    const list = await running.router.dispatch('connections.list', undefined)
    expect(JSON.stringify(list)).toContain(connectionId)
    const resynced = await running.router.dispatch('sync.run', { connectionId })
    expect(resynced).toMatchObject({ ok: true, value: { status: 'succeeded' } })
  })

  it('starts with no notice when the cache is whole', async () => {
    const dataDir = join(dir.path, 'whole')
    await syncedCache(dataDir)

    const running = await start(dataDir)

    expect((await statusOf(running)).notices).toEqual([])
  })

  it('reports a cache whose key left the keychain as a missing key and leaves the file alone', async () => {
    const dataDir = join(dir.path, 'keyless')
    const { file } = await syncedCache(dataDir)
    const sizeBefore = statSync(file).size
    await keytar.deletePassword(service, VAULT_ACCOUNTS.databaseKey)

    const started = start(dataDir)

    await expect(started).rejects.toMatchObject({
      code: 'storage_failed',
      message: expect.stringContaining('key is not in this keychain'),
    })
    expect(statSync(file).size).toBe(sizeBefore)
    expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toEqual([])
  })
})

describe('a cache opened with another key', () => {
  it('is reported as a key problem and never moved aside', () => {
    const dir = makeTempDir()
    const path = join(dir.path, 'cache.db')
    openDatabase({ path, keyHex: randomBytes(32).toString('hex') }).close()

    const opening = () =>
      openRecoveringDatabase({ path, keyHex: randomBytes(32).toString('hex') }, quietLogger())

    expect(opening).toThrow(expect.objectContaining({ code: 'storage_failed' }))
    expect(readdirSync(dir.path).filter((name) => name.includes('.damaged-'))).toEqual([])
    dir.remove()
  })
})

describe('a full disk during a sync', () => {
  const dir = makeTempDir()

  afterAll(() => dir.remove())

  async function syncerOn(path: string) {
    const connection = await connect(sandbox.url, client, 'largeco')
    const keyHex = randomBytes(32).toString('hex')
    const cache = new PayrollCache(openDatabase({ path, keyHex }))
    cache.saveConnection({
      connectionId: connection.connectionId,
      environment: 'finch',
      companyId: 'storage',
      customerId: 'storage',
      customerName: 'Storage',
      providerId: 'gusto',
      connectionType: 'provider',
      products: connection.products,
      connectedAt: new Date().toISOString(),
    })
    const sync = new ConnectionSync({
      baseURL: async () => sandbox.url,
      vault: { read: async () => connection.token },
      cache,
      logger: quietLogger(),
      onProgress: () => undefined,
      onConnectionsChanged: () => undefined,
      settings: { rateLimits: null, paymentsFrom: () => '2026-01-01' },
    })
    return { cache, sync, connectionId: connection.connectionId, keyHex }
  }

  function lastRun(cache: PayrollCache, connectionId: string) {
    return cache.database
      .prepare(
        'SELECT status, error_code, failure_kind FROM sync_run WHERE connection_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(connectionId)
  }

  it('keeps the previous snapshot whole when SQLite reaches its page limit (SQLITE_FULL)', async () => {
    const { cache, sync, connectionId } = await syncerOn(join(dir.path, 'page-limit.db'))
    await sync.sync(connectionId, { mode: 'full' })
    const before = dumpLiveSnapshot(cache.database, connectionId)
    const pages = cache.database.pragma('page_count', { simple: true }) as number
    cache.database.pragma(`max_page_count = ${pages + 20}`)

    const failed = sync.sync(connectionId, { mode: 'full' })

    await expect(failed).rejects.toMatchObject({ code: 'storage_failed' })
    expect(lastRun(cache, connectionId)).toEqual({
      status: 'failed',
      error_code: 'storage_failed',
      failure_kind: 'storage',
    })
    expect(dumpLiveSnapshot(cache.database, connectionId)).toEqual(before)
    expect(cache.database.pragma('quick_check', { simple: true })).toBe('ok')
    cache.database.pragma('max_page_count = 1073741823')
    await sync.sync(connectionId, { mode: 'full' })
    expect(dumpLiveSnapshot(cache.database, connectionId)).toEqual(before)
    cache.close()
  })

  // A real ENOSPC needs a small file system of its own, which only root may mount.
  it.skipIf(!canMountTmpfs())(
    'keeps the previous snapshot whole when the disk itself fills up (ENOSPC on tmpfs)',
    async () => {
      const mountPoint = join(dir.path, 'small-disk')
      mkdirSync(mountPoint)
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint])
      let cacheToClose: PayrollCache | null = null
      try {
        const path = join(mountPoint, 'cache.db')
        const { cache, sync, connectionId, keyHex } = await syncerOn(path)
        cacheToClose = cache
        await sync.sync(connectionId, { mode: 'full' })
        cache.database.pragma('wal_checkpoint(TRUNCATE)')
        const before = dumpLiveSnapshot(cache.database, connectionId)
        const used = Number(execFileSync('du', ['-sb', mountPoint]).toString().split('\t')[0])
        // Room for part of a sync but not for rolling it back as well. With less, where the
        // disk fills decides whether the failed sync can still roll itself back, which leaves
        // nothing for the next open to recover.
        const size = Math.ceil((used + 512 * 1024) / 4096) * 4096
        execFileSync('mount', ['-o', `remount,size=${size}`, mountPoint])

        const failed = sync.sync(connectionId, { mode: 'full' })

        await expect(failed).rejects.toMatchObject({ code: 'storage_failed' })
        expect(dumpLiveSnapshot(cache.database, connectionId)).toEqual(before)
        cache.close()
        cacheToClose = null
        // Opening rolls back the staging rows the failed sync left, which needs room.
        expect(() => openRecoveringDatabase({ path, keyHex }, quietLogger())).toThrow(
          expect.objectContaining({
            code: 'storage_failed',
            message: expect.stringContaining('full'),
          }),
        )
        execFileSync('mount', ['-o', 'remount,size=64m', mountPoint])
        const reopened = openRecoveringDatabase({ path, keyHex }, quietLogger())
        expect(reopened.notices).toEqual([])
        expect(dumpLiveSnapshot(reopened.database, connectionId)).toEqual(before)
        reopened.database.close()
      } finally {
        cacheToClose?.close()
        // Lazy, so a failed assertion above never leaves the mount behind.
        execFileSync('umount', ['-l', mountPoint])
      }
    },
  )
})

function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false
  const probe = makeTempDir('payroll-desk-mount-probe-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.path], {
      stdio: 'ignore',
    })
    execFileSync('umount', [probe.path])
    return true
  } catch {
    return false
  } finally {
    probe.remove()
  }
}
