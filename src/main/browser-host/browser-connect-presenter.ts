/**
 * Presents Finch Connect from the browser host: the page opens Connect in a pop-up and Connect
 * redirects to the host's own loopback callback, which hands the redirect URL back here. The page
 * watches the pop-up it opened and reports when it was closed, which ends the attempt as
 * cancelled rather than leaving the app waiting for a redirect that cannot come.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../shared/app-error'
import type { ConnectPresentation, ConnectPresenter } from '../connect/connect-presenter'

/** What the page is told to open: Connect's URL and the id it reports a closed pop-up by. */
export interface ConnectPopUp {
  url: string
  attempt: string
}

export const CONNECT_CLOSED_MESSAGE =
  'Finch Connect was closed before the company was connected. Nothing was stored.'

export class BrowserConnectPresenter implements ConnectPresenter {
  private pending: {
    attempt: string
    /** The `state` this attempt's Connect URL carries; only a redirect with it is taken. */
    state: string | null
    resolve: (url: string) => void
    reject: (error: Error) => void
  } | null = null

  constructor(private readonly openInPage: (popUp: ConnectPopUp) => void) {}

  present(presentation: ConnectPresentation): Promise<string> {
    // A fresh id per attempt, so a late report about an earlier pop-up cannot end this one.
    const attempt = randomBytes(16).toString('base64url')
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.pending = null
        reject(
          presentation.signal.reason ??
            new AppError('connect_cancelled', 'Connecting was cancelled.'),
        )
      }
      const settle = () => {
        presentation.signal.removeEventListener('abort', onAbort)
        this.pending = null
      }
      presentation.signal.addEventListener('abort', onAbort, { once: true })
      this.pending = {
        attempt,
        state: stateOf(presentation.connectUrl),
        resolve: (url) => {
          settle()
          resolve(url)
        },
        reject: (error) => {
          settle()
          reject(error)
        },
      }
      this.openInPage({ url: presentation.connectUrl, attempt })
    })
  }

  /**
   * Called by the host's callback route; false when no attempt is waiting or the redirect does
   * not carry the attempt's `state` (any page can send the browser to the callback, and such a
   * request must not end the attempt).
   */
  receiveRedirect(url: string): boolean {
    if (!this.pending) return false
    if (this.pending.state !== null && !sameState(stateOf(url), this.pending.state)) return false
    this.pending.resolve(url)
    return true
  }

  /**
   * The page saw the pop-up of `attempt` closed. Ends that attempt as cancelled unless its
   * redirect already arrived (Connect's callback page closes the pop-up itself). False when no
   * attempt of that id is waiting.
   */
  popUpClosed(attempt: string): boolean {
    if (!this.pending || this.pending.attempt !== attempt) return false
    this.pending.reject(new AppError('connect_cancelled', CONNECT_CLOSED_MESSAGE))
    return true
  }
}

function stateOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('state')
  } catch {
    return null
  }
}

/** Compares in constant time; hashing first gives both sides the same length. */
function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(received), digest(expected))
}
