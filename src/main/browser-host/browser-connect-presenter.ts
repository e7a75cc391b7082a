/**
 * Presents Finch Connect from the browser host: the page opens Connect in a pop-up and Connect
 * redirects to the host's own loopback callback, which hands the redirect URL back here.
 */
import { AppError } from '../../shared/app-error'
import type { ConnectPresentation, ConnectPresenter } from '../connect/connect-presenter'

export class BrowserConnectPresenter implements ConnectPresenter {
  private pending: { resolve: (url: string) => void } | null = null

  constructor(private readonly openInPage: (connectUrl: string) => void) {}

  present(presentation: ConnectPresentation): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.pending = null
        reject(
          presentation.signal.reason ??
            new AppError('connect_cancelled', 'Connecting was cancelled.'),
        )
      }
      presentation.signal.addEventListener('abort', onAbort, { once: true })
      this.pending = {
        resolve: (url) => {
          presentation.signal.removeEventListener('abort', onAbort)
          this.pending = null
          resolve(url)
        },
      }
      this.openInPage(presentation.connectUrl)
    })
  }

  /** Called by the host's callback route; false when no attempt is waiting. */
  receiveRedirect(url: string): boolean {
    if (!this.pending) return false
    this.pending.resolve(url)
    return true
  }
}
