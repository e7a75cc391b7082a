/**
 * The handlers that keep every window, view and session of the app where it belongs, point by
 * point from Electron's security checklist (SECURITY.md maps each point to its code and test):
 * https://www.electronjs.org/docs/latest/tutorial/security
 *
 * The app window's own web preferences are written out where the window is made
 * (`app-window.ts`), so Electronegativity can read them there.
 */
import type { App, Session, WebContents, WebPreferences } from 'electron'
import { shell } from 'electron'
import { isAllowedExternalLink, isAppUrl } from '../connect/connect-navigation-policy'

/** The Connect view and its provider pop-ups: isolated, sandboxed, no Node and no preload. */
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

/**
 * Hands a link to the system browser, but only an https link to Finch's own sites; anything else
 * is dropped. The one place the app calls `shell.openExternal`.
 * See https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function openAllowedExternalLink(url: string): boolean {
  if (!isAllowedExternalLink(url)) return false
  void shell.openExternal(url)
  return true
}

/**
 * The app window shows only the app: navigation anywhere else, in the top frame or a subframe, is
 * cancelled, and no page may open a window; Finch links go to the system browser instead.
 * See https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 */
export function lockAppNavigation(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternalLink(url)
    return { action: 'deny' }
  })
}

/**
 * No page the app shows needs the camera, location, notifications or anything else. Electron
 * grants every permission when no handler is set, so each session gets these.
 * See https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Nothing may attach a <webview>, whatever a page tries. */
export function forbidWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Defaults for everything made later, so a window or session the rest of the shell forgets is
 * still locked: every session denies permissions, and every web contents refuses webviews and
 * new windows until its owner installs a narrower window-open handler of its own.
 */
export function installAppWideDefenses(app: App): void {
  app.on('session-created', (session) => denyAllPermissions(session))
  app.on('web-contents-created', (_event, contents) => {
    forbidWebviews(contents)
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
