/**
 * The Electron entry point, kept thin: one instance, the `app://` protocol, the window, the IPC
 * bridge, the Connect presenter and updates, around the same back-end services every host uses.
 */
import type { BrowserWindow } from 'electron'
import { Menu, app, dialog, screen, session, shell } from 'electron'
import type { AppUpdater } from 'electron-updater'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { LOG_FILE_NAME, createAppServices } from '../app-services'
import { isConnectUrlForSystemBrowser } from '../connect/connect-navigation-policy'
import type { AppServices } from '../app-services'
import type { LogSink, Logger } from '../log/logger'
import { Redactor, createLogger, fileSink, stderrSink } from '../log/logger'
import type { KeytarApi } from '../vault/secret-vault'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol'
import { startAutoUpdates, updatePolicyFrom } from './app-updater'
import { createAppWindow } from './app-window'
import { debuggingSwitch } from './debugging-switches'
import { FINCH_DOCUMENTATION_URL, buildApplicationMenu } from './application-menu'
import { ElectronConnectPresenter } from './electron-connect-presenter'
import { installIpcBridge, sendEvent } from './ipc-bridge'
import { saveDialogFor } from './save-dialog'
import {
  denyAllPermissions,
  installAppWideDefenses,
  openAllowedExternalLink,
} from './secure-web-preferences'
import { reportStartupFailure } from './startup-failure'
import { placeWindow, readWindowState, rememberWindowState } from './window-state'

const outDir = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
let appWindow: BrowserWindow | null = null
let services: AppServices | null = null
let stopUpdates: (() => void) | null = null
const SERVICES_CLOSE_TIMEOUT_MS = 5_000

registerAppScheme()
app.enableSandbox()
useDevelopmentDataFolder()
const refusedSwitch = app.isPackaged ? debuggingSwitch(app.commandLine) : null

if (refusedSwitch) {
  process.stderr.write(`[shell] Payroll Desk does not run with --${refusedSwitch}\n`)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  installAppWideDefenses(app)
  app.on('second-instance', () => {
    if (appWindow?.isMinimized()) appWindow.restore()
    appWindow?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    stopUpdates?.()
    if (!services) return
    // Quit once the cache is closed cleanly, or after a few seconds whatever happens.
    event.preventDefault()
    const closing = services.close()
    services = null
    void Promise.race([closing, new Promise((done) => setTimeout(done, SERVICES_CLOSE_TIMEOUT_MS))])
      .catch(() => undefined)
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Payroll Desk could not start', String(error))
      app.exit(1)
    })
}

async function start(): Promise<void> {
  const logsDir = app.getPath('logs')
  const logger = shellLogger(logsDir)
  const openLogsFolder = () => void shell.openPath(logsDir)

  denyAllPermissions(session.defaultSession)
  handleAppProtocol(join(outDir, 'renderer'))
  Menu.setApplicationMenu(
    buildApplicationMenu({
      openLogsFolder,
      openFinchDocumentation: () => openAllowedExternalLink(FINCH_DOCUMENTATION_URL),
    }),
  )

  try {
    services = await startServices(logsDir)
  } catch (error) {
    logger.error('the back end could not start', error)
    if (error instanceof Error && error.cause) logger.error('caused by', error.cause)
    await reportStartupFailure(error, logsDir, {
      openLogsFolder,
      relaunch: () => {
        app.relaunch()
        app.exit(0)
      },
      quit: () => app.quit(),
    })
    return
  }
  installIpcBridge({ router: services.router, appWindow: () => appWindow, appOrigin: APP_ORIGIN })

  const stateFile = join(app.getPath('userData'), 'window-state.json')
  appWindow = createAppWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    appOrigin: APP_ORIGIN,
    placement: placeWindow(
      readWindowState(stateFile, logger),
      screen.getAllDisplays(),
      screen.getPrimaryDisplay(),
    ),
    logger,
  })
  rememberWindowState(appWindow, stateFile, logger)
  appWindow.on('closed', () => {
    appWindow = null
  })

  stopUpdates = startAutoUpdates({
    policy: updatePolicyFrom(services.policy.autoUpdate),
    isPackaged: app.isPackaged,
    loadUpdater: () => (require('electron-updater') as { autoUpdater: AppUpdater }).autoUpdater,
    logger: logger.child('updater'),
  })
}

function startServices(logsDir: string): Promise<AppServices> {
  const keytar = require('@github/keytar') as KeytarApi
  return createAppServices({
    dataDir: app.getPath('userData'),
    logDir: logsDir,
    keytar,
    keychainService: keychainService(),
    presenter: new ElectronConnectPresenter(() => appWindow),
    emit: (event, payload) => sendEvent(appWindow, event, payload),
    version: app.getVersion(),
    forceDemo: process.argv.includes('--demo'),
    chooseSavePath: saveDialogFor(() => appWindow),
    // "Connect in my browser": only a Connect URL main itself asked Finch for, and only if it is
    // https (or the demo sandbox on loopback).
    openExternal: async (url) => {
      if (!isConnectUrlForSystemBrowser(url)) throw new Error('refused to open a non-Connect URL')
      await shell.openExternal(url)
    },
    ...electronNativeBinding(),
  })
}

/** The shell's own lines go to the same file as the back end's, redacted the same way. */
function shellLogger(logsDir: string): Logger {
  const sinks: LogSink[] = app.isPackaged ? [] : [stderrSink]
  try {
    sinks.push(fileSink(join(logsDir, LOG_FILE_NAME)))
  } catch (error) {
    process.stderr.write(`[shell] the log folder ${logsDir} cannot be written: ${String(error)}\n`)
  }
  return createLogger({ sinks, redactor: new Redactor(), component: 'shell' })
}

/**
 * Development runs and the Electron smoke test may keep their data in a folder of their own, named
 * with --user-data-dir; installed apps always use the system's. Runs before the single-instance
 * lock, which is held per data folder.
 */
function useDevelopmentDataFolder(): void {
  const folder = app.commandLine.getSwitchValue('user-data-dir')
  if (!app.isPackaged && folder) app.setPath('userData', resolve(folder))
}

/**
 * Installed apps always use the "Payroll Desk" keychain entries. Development runs and the Electron
 * smoke test may name their own, so a test never reads or clobbers a user's secrets.
 */
function keychainService(): string {
  const override = process.env.PAYROLL_DESK_KEYCHAIN_SERVICE
  return !app.isPackaged && override ? override : 'Payroll Desk'
}

/**
 * In development the project's node_modules hold SQLite built for Node (the tests need it), so
 * `npm start` builds a copy for Electron's ABI beside it. Packaged builds are rebuilt for
 * Electron by electron-builder and need no override.
 */
function electronNativeBinding(): { nativeBinding?: string } {
  if (app.isPackaged) return {}
  const path = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(path) ? { nativeBinding: path } : {}
}
