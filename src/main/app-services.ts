/**
 * The composition root: builds the vault, cache, Finch access, connect flow and sync once, and
 * the IPC handlers over them. The Electron shell, the browser host and the tests all start the
 * back end through here, each with its own keychain binding, presenter and event sink.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../shared/app-error'
import type { IpcEvent, IpcEventPayloads } from '../shared/ipc-contract'
import { openDatabase } from './cache/open-database'
import { PayrollCache } from './cache/payroll-cache'
import { ConnectFlow } from './connect/connect-flow'
import type { ConnectPresenter } from './connect/connect-presenter'
import type { DemoFinch } from './demo/demo-finch'
import { startDemoFinch } from './demo/demo-finch'
import type { FinchApplication } from './finch/finch-gateway'
import { createIpcHandlers } from './ipc/ipc-handlers'
import type { IpcRouter } from './ipc/ipc-router'
import { createIpcRouter } from './ipc/ipc-router'
import type { LogSink, Logger } from './log/logger'
import { Redactor, createLogger, fileSink } from './log/logger'
import { SettingsStore } from './settings/settings-store'
import { ConnectionSync } from './sync/sync-connection'
import type { KeytarApi } from './vault/secret-vault'
import { SecretVault, VAULT_ACCOUNTS } from './vault/secret-vault'

export type EventSink = <E extends IpcEvent>(event: E, payload: IpcEventPayloads[E]) => void

export interface AppServicesOptions {
  dataDir: string
  keytar: KeytarApi
  /** The keychain service name; tests use their own so they never touch a user's secrets. */
  keychainService: string
  presenter: ConnectPresenter
  /** A redirect URI the presenter can receive, when it cannot use the one in the settings. */
  redirectUriOverride?: string
  emit: EventSink
  version: string
  /** Extra log sinks beside the log file. */
  logSinks?: LogSink[]
  /** better_sqlite3.node built for the running ABI, when it is not Node's. */
  nativeBinding?: string
  /** Forces demo mode whatever the settings say (the `--demo` switch). */
  forceDemo?: boolean
}

export interface AppServices {
  router: IpcRouter
  logger: Logger
  logFile: string
  databaseFile: string
  close(): Promise<void>
}

export type ResolvedApplication = FinchApplication & {
  redirectUri: string
  environment: 'demo' | 'finch'
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const redactor = new Redactor()
  const logFile = join(options.dataDir, 'logs', 'payroll-desk.log')
  const logger = createLogger({ sinks: [fileSink(logFile), ...(options.logSinks ?? [])], redactor })
  const vault = new SecretVault(options.keytar, options.keychainService, redactor)
  const settings = new SettingsStore(options.dataDir, logger.child('settings'))

  const databaseFile = join(options.dataDir, 'payroll-cache.db')
  const keyHex = await databaseKey(vault, databaseFile)
  const cache = new PayrollCache(
    openDatabase({
      path: databaseFile,
      keyHex,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    }),
  )

  let demoFinch: Promise<DemoFinch> | null = null
  const demo = () => {
    demoFinch ??= startDemoFinch({ vault, dataDir: options.dataDir, logger: logger.child('demo') })
    return demoFinch
  }
  const isDemo = () => options.forceDemo === true || settings.get().mode === 'demo'

  async function application(): Promise<ResolvedApplication> {
    const current = settings.get()
    const redirectUri = options.redirectUriOverride ?? current.redirectUri
    if (isDemo()) return { ...(await demo()).application, redirectUri, environment: 'demo' }

    const clientSecret = await vault.read(VAULT_ACCOUNTS.clientSecret)
    if (!current.clientId || !clientSecret) {
      throw new AppError(
        'settings_incomplete',
        'Enter your Finch client id and client secret in Settings first.',
      )
    }
    return {
      baseURL: current.finchBaseUrl,
      clientId: current.clientId,
      clientSecret,
      redirectUri,
      environment: 'finch',
    }
  }

  async function baseURLFor(connectionId: string): Promise<string> {
    const environment = cache.connectionEnvironment(connectionId)
    if (environment === 'demo') return (await demo()).application.baseURL
    return settings.get().finchBaseUrl
  }

  const onConnectionsChanged = (reason: string) => options.emit('connections.changed', { reason })
  const connectFlow = new ConnectFlow({
    application,
    vault,
    cache,
    presenter: options.presenter,
    logger: logger.child('connect'),
    onConnectionsChanged,
  })
  const sync = new ConnectionSync({
    baseURL: baseURLFor,
    vault,
    cache,
    logger: logger.child('sync'),
    onProgress: (progress) => options.emit('sync.progress', progress),
    onConnectionsChanged,
  })

  const router = createIpcRouter(
    createIpcHandlers({
      settings,
      vault,
      cache,
      connectFlow,
      sync,
      isDemo,
      version: options.version,
      emit: options.emit,
    }),
    logger.child('ipc'),
  )
  logger.info(`started ${options.version} (${isDemo() ? 'demo' : 'finch'} mode)`)

  return {
    router,
    logger,
    logFile,
    databaseFile,
    async close() {
      connectFlow.cancel()
      if (demoFinch) await (await demoFinch).close()
      cache.close()
    },
  }
}

/**
 * The cache's key is made on first run and kept only in the keychain. A cache file without its
 * key is reported as a missing key, not as corruption, so the accountant knows what to restore.
 */
async function databaseKey(vault: SecretVault, databaseFile: string): Promise<string> {
  const existing = await vault.read(VAULT_ACCOUNTS.databaseKey)
  if (existing) return existing
  if (existsSync(databaseFile)) {
    throw new AppError(
      'storage_failed',
      'The payroll cache exists but its key is not in this keychain. Restore the keychain entry, or move the cache aside to start over.',
    )
  }
  const made = randomBytes(32).toString('hex')
  await vault.write(VAULT_ACCOUNTS.databaseKey, made)
  return made
}
