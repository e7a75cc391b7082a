/**
 * The app window: the renderer from `app://`, with every web preference locked down, placed where
 * the user left it, and an error page instead of a blank window when its page fails.
 */
import { BrowserWindow } from 'electron'
import type { Logger } from '../log/logger'
import { showErrorPageOnFailure } from './error-page'
import { lockAppNavigation } from './secure-web-preferences'
import type { WindowPlacement } from './window-state'
import { MIN_WINDOW_SIZE } from './window-state'

export interface AppWindowOptions {
  preloadPath: string
  appOrigin: string
  placement: WindowPlacement
  logger: Logger
}

export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const { placement } = options
  const window = new BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined
      ? { x: placement.x, y: placement.y }
      : {}),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Payroll Desk',
    // Written out here rather than built elsewhere so Electronegativity reads them where they
    // apply; test/unit/electron/app-window.test.ts holds each one.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })

  lockAppNavigation(window.webContents, options.appOrigin)
  showErrorPageOnFailure(window.webContents, options.appOrigin, options.logger)
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  // A failed load is reported by did-fail-load, which shows the error page.
  window.loadURL(`${options.appOrigin}/index.html`).catch(() => undefined)
  return window
}
