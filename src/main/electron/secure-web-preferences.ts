/**
 * The web preferences every window and view of the app is made with, and the handlers that keep
 * them where they belong. Electron's security checklist, point by point:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { Session, WebContents, WebPreferences } from 'electron'
import { shell } from 'electron'
import { isAllowedExternalLink, isAppUrl } from '../connect/connect-navigation-policy'

/** The app window: isolated, sandboxed, no Node, and only the preload's contract bridge. */
export function appWindowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

/** The Connect view and its provider pop-ups: the same isolation with no preload at all. */
export function connectViewPreferences(partition: string): WebPreferences {
  return {
    partition,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

/** The app window shows only the app; links to Finch's site open in the system browser. */
export function lockAppNavigation(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** No web page the app shows needs the camera, location, notifications or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Nothing may attach a <webview>, whatever a page tries. */
export function forbidWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
