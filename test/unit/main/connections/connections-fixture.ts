/**
 * The real parts behind the connection tests: a local Finch sandbox over HTTP, an encrypted cache
 * file, the keychain under a service of the test's own, and the connect flow, sync and
 * disconnect built over them as the composition root builds them.
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { PayrollCache } from '../../../../src/main/cache/payroll-cache'
import type { ConnectFlowDeps } from '../../../../src/main/connect/connect-flow'
import { ConnectFlow } from '../../../../src/main/connect/connect-flow'
import type { ConnectPresenter } from '../../../../src/main/connect/connect-presenter'
import { ConnectionStore } from '../../../../src/main/connections/connection-store'
import { disconnectConnection } from '../../../../src/main/connections/disconnect-connection'
import type { Logger } from '../../../../src/main/log/logger'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { ConnectionSync } from '../../../../src/main/sync/sync-connection'
import type { KeytarApi } from '../../../../src/main/vault/secret-vault'
import { SecretVault } from '../../../../src/main/vault/secret-vault'
import type { RunningSandbox, SandboxClient, SandboxOptions } from '../../../../src/sandbox'
import { startSandbox } from '../../../../src/sandbox'
import { AbandonedConnect } from '../../../support/scripted-connect-user'
import { makeTempDir } from '../../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../../support/test-keychain'

export const REDIRECT_URI = 'http://localhost/payroll-desk/connect-callback'

export interface ConnectionsFixture {
  sandbox: RunningSandbox
  client: SandboxClient
  keychainService: string
  keyHex: string
  databaseFile: string
  db: CacheDatabase
  cache: PayrollCache
  store: ConnectionStore
  vault: SecretVault
  logLines: string[]
  logger: Logger
  flow(options?: FlowOptions): ConnectFlow
  sync: ConnectionSync
  disconnect(request: {
    connectionId: string
    purge: boolean
  }): ReturnType<typeof disconnectConnection>
  /** The keychain accounts under the test's service that hold connection tokens. */
  tokenAccounts(): Promise<string[]>
  /** How many times the sandbox was asked to exchange a code. */
  exchanges(): number
  /** Rows of the client, connection and introspection tables, for "nothing stored". */
  storedRows(): number
  close(): Promise<void>
}

export interface FlowOptions {
  presenter?: ConnectPresenter
  openExternal?: (url: string) => Promise<void>
  browserCallbackPort?: number | null
  timeoutMs?: number
  /** A vault over another keytar (a failing one), for keychain trouble. */
  vault?: SecretVault
  redirectUri?: string
}

export async function startConnectionsFixture(
  sandboxOptions: SandboxOptions = {},
): Promise<ConnectionsFixture> {
  const client = {
    clientId: `connections-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
  }
  const sandbox = await startSandbox({ clients: [client], rateLimits: false, ...sandboxOptions })
  const dir = makeTempDir()
  const keyHex = randomBytes(32).toString('hex')
  const databaseFile = join(dir.path, 'cache.db')
  const db = openDatabase({ path: databaseFile, keyHex })
  const cache = new PayrollCache(db)
  const store = new ConnectionStore(db, cache)
  const keychainService = testKeychainService()
  const redactor = new Redactor()
  const vault = new SecretVault(keytar, keychainService, redactor)
  const logLines: string[] = []
  const logger = createLogger({ sinks: [{ write: (line) => logLines.push(line) }], redactor })
  const baseURL = async () => sandbox.url

  const sync = new ConnectionSync({
    baseURL,
    vault,
    cache,
    logger: logger.child('sync'),
    onProgress: () => undefined,
    onConnectionsChanged: () => undefined,
  })

  function flow(options: FlowOptions = {}): ConnectFlow {
    const deps: ConnectFlowDeps = {
      application: async () => ({
        baseURL: sandbox.url,
        ...client,
        redirectUri: options.redirectUri ?? REDIRECT_URI,
        environment: 'finch',
      }),
      vault: options.vault ?? vault,
      cache,
      store,
      presenter: options.presenter ?? new AbandonedConnect(),
      ...(options.openExternal ? { openExternal: options.openExternal } : {}),
      browserCallbackPort: () => options.browserCallbackPort ?? null,
      logger: logger.child('connect'),
      onConnectionsChanged: () => undefined,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }
    return new ConnectFlow(deps)
  }

  return {
    sandbox,
    client,
    keychainService,
    keyHex,
    databaseFile,
    db,
    cache,
    store,
    vault,
    logLines,
    logger,
    flow,
    sync,
    disconnect: (request) =>
      disconnectConnection(
        {
          vault,
          cache,
          store,
          baseURL,
          logger: logger.child('connections'),
          onConnectionsChanged: () => undefined,
          stopSync: (connectionId) => sync.cancel(connectionId),
        },
        request,
      ),
    async tokenAccounts() {
      const entries = await keytar.findCredentials(keychainService)
      return entries.map((e) => e.account).filter((a) => a.startsWith('connection-token:'))
    },
    exchanges: () => sandbox.requestLog().filter((entry) => entry.path === '/auth/token').length,
    storedRows() {
      return ['client', 'connection', 'connection_introspection']
        .map((table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)
        .reduce((sum, n) => sum + n, 0)
    },
    async close() {
      if (db.open) db.close()
      await sandbox.close()
      dir.remove()
      await clearKeychainService(keychainService)
    },
  }
}

/** A keytar whose every call fails as a real locked keyring's writes do. */
export function lockedKeytar(): KeytarApi {
  const locked = () => Promise.reject(new Error('Cannot create an item in a locked collection'))
  return {
    // libsecret answers reads from a locked collection with "nothing stored", not an error.
    getPassword: () => Promise.resolve(null),
    setPassword: locked,
    deletePassword: () => Promise.resolve(false),
  }
}

export function vaultOver(api: KeytarApi, service: string): SecretVault {
  return new SecretVault(api, service, new Redactor())
}

/** Whether this process can listen on the port right now, i.e. nothing holds it. */
export async function canBind(port: number): Promise<boolean> {
  const probe = createServer()
  return new Promise<boolean>((resolve) => {
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
