/**
 * Shows Finch Connect embedded in the app window, in a WebContentsView with no preload, a fresh
 * in-memory partition per attempt (no cookies survive it) and navigation limited by the connect
 * navigation policy. Main catches the redirect to the redirect URI before it loads, takes the
 * URL and closes the view. Provider OAuth pop-ups open as children under the same limits.
 */
import { randomUUID } from 'node:crypto'
import type { BrowserWindow, WebContents } from 'electron'
import { WebContentsView } from 'electron'
import { AppError } from '../../shared/app-error'
import type { ConnectPresentation, ConnectPresenter } from '../connect/connect-presenter'
import { decideConnectNavigation } from '../connect/connect-navigation-policy'
import {
  connectViewPreferences,
  denyAllPermissions,
  forbidWebviews,
} from './secure-web-preferences'

/** Room left at the top of the window for the app's own "Connecting… Cancel" bar. */
const APP_BAR_HEIGHT = 64

export class ElectronConnectPresenter implements ConnectPresenter {
  constructor(private readonly appWindow: () => BrowserWindow | null) {}

  present(presentation: ConnectPresentation): Promise<string> {
    const window = this.appWindow()
    if (!window || window.isDestroyed()) {
      return Promise.reject(new AppError('connect_failed', 'The app window is not open.'))
    }
    const connectOrigin = new URL(presentation.connectUrl).origin
    // No `persist:` prefix: the partition lives in memory and dies with the attempt.
    const partition = `connect-${randomUUID()}`
    const view = new WebContentsView({ webPreferences: connectViewPreferences(partition) })
    denyAllPermissions(view.webContents.session)

    return new Promise<string>((resolve, reject) => {
      let settled = false
      const finish = (outcome: { url: string } | { error: Error }) => {
        if (settled) return
        settled = true
        window.off('resize', fit)
        window.contentView.removeChildView(view)
        view.webContents.close()
        if ('url' in outcome) resolve(outcome.url)
        else reject(outcome.error)
      }
      const guard = (contents: WebContents) => {
        forbidWebviews(contents)
        const check = (event: { preventDefault(): void }, url: string) => {
          const decision = decideConnectNavigation(url, connectOrigin, presentation.redirectUri)
          if (decision === 'allow') return
          event.preventDefault()
          if (decision === 'redirect') finish({ url })
        }
        contents.on('will-navigate', check)
        contents.on('will-redirect', check)
        contents.on('will-frame-navigate', (event) => check(event, event.url))
        contents.setWindowOpenHandler(({ url }) =>
          decideConnectNavigation(url, connectOrigin, presentation.redirectUri) === 'allow'
            ? {
                action: 'allow',
                overrideBrowserWindowOptions: {
                  parent: window,
                  width: 520,
                  height: 720,
                  webPreferences: connectViewPreferences(partition),
                },
              }
            : { action: 'deny' },
        )
        contents.on('did-create-window', (child) => guard(child.webContents))
      }
      const fit = () => {
        const [width, height] = window.getContentSize() as [number, number]
        view.setBounds({
          x: 0,
          y: APP_BAR_HEIGHT,
          width,
          height: Math.max(0, height - APP_BAR_HEIGHT),
        })
      }

      guard(view.webContents)
      presentation.signal.addEventListener(
        'abort',
        () =>
          finish({
            error:
              (presentation.signal.reason as Error) ??
              new AppError('connect_cancelled', 'Connecting was cancelled.'),
          }),
        { once: true },
      )
      view.webContents.on('render-process-gone', () =>
        finish({ error: new AppError('connect_failed', 'Finch Connect stopped unexpectedly.') }),
      )
      window.on('resize', fit)
      window.contentView.addChildView(view)
      fit()
      view.webContents.loadURL(presentation.connectUrl).catch(() =>
        finish({
          error: new AppError('finch_unreachable', 'Finch Connect could not be loaded.'),
        }),
      )
    })
  }
}
