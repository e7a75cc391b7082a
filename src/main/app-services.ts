/**
 * The composition root: builds the vault, cache, Finch access, connect flow and sync once, and
 * the IPC handlers over them. The Electron shell, the browser host and the tests all start the
 * back end through here, each with its own keychain binding, presenter and event sink.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../shared/app-error'
import type { PolicyStatus } from '../shared/domain'
import type { IpcEvent, IpcEventPayloads } from '../shared/ipc-contract'
import { openRecoveringDatabase } from './cache/cache-recovery'
import { PayrollCache } from './cache/payroll-cache'
import { ConnectFlow } from './connect/connect-flow'
import type { ConnectPresenter } from './connect/connect-presenter'
import { ConnectionStore } from './connections/connection-store'
import { disconnectConnection } from './connections/disconnect-connection'
import type { DemoFinch } from './demo/demo-finch'
import type { ChooseSavePath } from './export/export-service'
import { ExportService } from './export/export-service'
import { startDemoFinch } from './demo/demo-finch'
import type { FinchApplication } from './finch/finch-gateway'
import { createIpcHandlers } from './ipc/ipc-handlers'
import type { IpcRouter } from './ipc/ipc-router'
import { createIpcRouter } from './ipc/ipc-router'
import type { LogSink, Logger } from './log/logger'
import { Redactor, createLogger, fileSink } from './log/logger'
import { DashboardQueries } from './dashboard/dashboard-queries'
import { DirectoryQueries } from './review/directory-queries'
import { PayrollReviewQueries } from './review/payroll-queries'
import { YtdQueries } from './review/ytd-queries'
import { PersonQueries } from './review/person-queries'
import { readFreshness } from './review/freshness-query'
import { loadMachinePolicy, machinePolicyPath, policyStatus } from './settings/machine-policy'
import { SettingsStore } from './settings/settings-store'
import { ConnectionSync } from './sync/sync-connection'
import type { KeytarApi } from './vault/secret-vault'
import { SecretVault, VAULT_ACCOUNTS } from './vault/secret-vault'

/** The log file's name, in `logDir`; the Electron shell writes its own lines to the same file. */
export const LOG_FILE_NAME = 'payroll-desk.log'

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
  /** The folder for the log file (the Electron shell passes the OS's); default `<dataDir>/logs`. */
  logDir?: string
  /** better_sqlite3.node built for the running ABI, when it is not Node's. */
  nativeBinding?: string
  /** Forces demo mode whatever the settings say (the `--demo` switch). */
  forceDemo?: boolean
  /** The native save dialog for exports; without it an export is offered as a download. */
  chooseSavePath?: ChooseSavePath
  /** Opens a URL in the system browser (`shell.openExternal`), for "Connect in my browser". */
  openExternal?: (url: string) => Promise<void>
  /** The machine policy file; default: the platform's path or `PAYROLL_DESK_POLICY_FILE`. */
  policyFile?: string
}

export interface AppServices {
  router: IpcRouter
  logger: Logger
  logFile: string
  databaseFile: string
  /** Exports waiting to be downloaded, for the browser host's `/__export/` address. */
  exports: ExportService
  /** The machine policy as read at start, including its `autoUpdate` preset for the shell. */
  policy: PolicyStatus
  close(): Promise<void>
}

export type ResolvedApplication = FinchApplication & {
  redirectUri: string
  environment: 'demo' | 'finch'
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const redactor = new Redactor()
  const logFile = join(options.logDir ?? join(options.dataDir, 'logs'), LOG_FILE_NAME)
  const logger = createLogger({ sinks: [fileSink(logFile), ...(options.logSinks ?? [])], redactor })
  const vault = new SecretVault(options.keytar, options.keychainService, redactor)
  const policy = loadMachinePolicy(options.policyFile ?? machinePolicyPath())
  if (policy.status === 'invalid') logger.child('settings').error(policy.error.message)
  const settings = new SettingsStore(options.dataDir, logger.child('settings'), policy)

  const databaseFile = join(options.dataDir, 'payroll-cache.db')
  const keyHex = await databaseKey(vault, databaseFile)
  const { database, notices } = openRecoveringDatabase(
    {
      path: databaseFile,
      keyHex,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    },
    logger.child('cache'),
  )
  const cache = new PayrollCache(database)
  const connections = new ConnectionStore(database, cache)
  const directory = new DirectoryQueries(database)
  const payroll = new PayrollReviewQueries(database)
  const exports = new ExportService({
    db: database,
    cache,
    directory,
    logger: logger.child('export'),
    ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
  })

  let demoFinch: Promise<DemoFinch> | null = null
  const demo = () => {
    demoFinch ??= startDemoFinch({ vault, dataDir: options.dataDir, logger: logger.child('demo') })
    return demoFinch
  }
  const isDemo = () => options.forceDemo === true || settings.get().mode === 'demo'

  async function application(): Promise<ResolvedApplication> {
    const current = settings.usable()
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
    const current = settings.usable()
    if (environment === 'demo') return (await demo()).application.baseURL
    return current.finchBaseUrl
  }

  const onConnectionsChanged = (reason: string) => options.emit('connections.changed', { reason })
  const connectFlow = new ConnectFlow({
    application,
    vault,
    cache,
    store: connections,
    presenter: options.presenter,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    browserCallbackPort: () => settings.get().browserCallbackPort,
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
      connections,
      disconnect: (request) =>
        disconnectConnection(
          {
            vault,
            cache,
            store: connections,
            baseURL: baseURLFor,
            logger: logger.child('connections'),
            onConnectionsChanged,
            stopSync: (connectionId) => sync.cancel(connectionId),
          },
          request,
        ),
      sync,
      isDemo,
      version: options.version,
      notices,
      emit: options.emit,
      review: {
        directory,
        payroll,
        ytd: new YtdQueries(database),
        person: new PersonQueries(database),
        freshness: (connectionId) => readFreshness(database, connectionId),
      },
      exports,
      dashboard: new DashboardQueries(database),
    }),
    logger.child('ipc'),
  )
  logger.info(`started ${options.version} (${isDemo() ? 'demo' : 'finch'} mode)`)

  return {
    router,
    logger,
    logFile,
    databaseFile,
    exports,
    policy: policyStatus(policy),
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
