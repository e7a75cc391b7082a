/** The app window: the renderer from `app://`, with every web preference locked down. */
import { BrowserWindow, session } from 'electron'
import {
  appWindowPreferences,
  denyAllPermissions,
  lockAppNavigation,
} from './secure-web-preferences'

export function createAppWindow(options: {
  preloadPath: string
  appOrigin: string
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Payroll Desk',
    webPreferences: appWindowPreferences(options.preloadPath),
  })
  denyAllPermissions(session.defaultSession)
  lockAppNavigation(window.webContents, options.appOrigin)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${options.appOrigin}/index.html`)
  return window
}
