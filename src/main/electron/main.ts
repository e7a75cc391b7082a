/**
 * The Electron entry point, kept thin: one instance, the `app://` protocol, the window, the IPC
 * bridge and the Connect presenter, around the same back-end services every host uses.
 */
import type { BrowserWindow } from 'electron'
import { Menu, app, session } from 'electron'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createAppServices } from '../app-services'
import type { AppServices } from '../app-services'
import type { KeytarApi } from '../vault/secret-vault'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol'
import { createAppWindow } from './app-window'
import { ElectronConnectPresenter } from './electron-connect-presenter'
import { installIpcBridge, sendEvent } from './ipc-bridge'
import { buildApplicationMenu } from './application-menu'
import { denyAllPermissions, forbidWebviews } from './secure-web-preferences'

const outDir = join(import.meta.dirname, '..')
let appWindow: BrowserWindow | null = null
let services: AppServices | null = null

registerAppScheme()
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (appWindow?.isMinimized()) appWindow.restore()
    appWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => forbidWebviews(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    void services?.close()
  })
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession)
  handleAppProtocol(join(outDir, 'renderer'))
  Menu.setApplicationMenu(buildApplicationMenu())

  const keytar = createRequire(import.meta.url)('@github/keytar') as KeytarApi
  services = await createAppServices({
    dataDir: app.getPath('userData'),
    keytar,
    keychainService: 'Payroll Desk',
    presenter: new ElectronConnectPresenter(() => appWindow),
    emit: (event, payload) => sendEvent(appWindow, event, payload),
    version: app.getVersion(),
    forceDemo: process.argv.includes('--demo'),
    ...electronNativeBinding(),
  })
  installIpcBridge({ router: services.router, appWindow: () => appWindow, appOrigin: APP_ORIGIN })

  appWindow = createAppWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    appOrigin: APP_ORIGIN,
  })
  appWindow.on('closed', () => {
    appWindow = null
  })
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
