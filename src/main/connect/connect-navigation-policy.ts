/**
 * Where the embedded Connect view may go. Connect's own pages and https provider pages load;
 * the redirect URI never loads (main takes the code from it); anything else is blocked, so a
 * compromised page cannot walk the view to a file, a custom scheme or plain http elsewhere.
 */
import { isRedirectTo } from './connect-presenter'

export type ConnectNavigation = 'redirect' | 'allow' | 'block'

export function decideConnectNavigation(
  url: string,
  connectOrigin: string,
  redirectUri: string,
): ConnectNavigation {
  if (isRedirectTo(url, redirectUri)) return 'redirect'
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return 'block'
  }
  if (target.origin === connectOrigin) return 'allow'
  if (target.protocol === 'https:' && !target.username && !target.password) return 'allow'
  return 'block'
}

/**
 * Only the app's own origin may show in the app window. Compared by scheme and host because
 * Node's URL reports the origin of a custom scheme such as `app://` as "null".
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url)
    const expected = new URL(appOrigin)
    return (
      target.protocol === expected.protocol && target.host === expected.host && expected.host !== ''
    )
  } catch {
    return false
  }
}

/** Links the app may hand to the system browser: Finch's own https documentation and dashboard. */
export const EXTERNAL_LINK_HOSTS = [
  'tryfinch.com',
  'developer.tryfinch.com',
  'dashboard.tryfinch.com',
] as const

export function isAllowedExternalLink(url: string): boolean {
  try {
    const target = new URL(url)
    return (
      target.protocol === 'https:' &&
      (EXTERNAL_LINK_HOSTS as readonly string[]).includes(target.hostname)
    )
  } catch {
    return false
  }
}

/**
 * What "Connect in my browser" may hand to the system browser: Finch Connect over https, or the
 * local demo sandbox's Connect page on loopback. Nothing else, whatever a session answer says.
 */
export function isConnectUrlForSystemBrowser(url: string): boolean {
  try {
    const target = new URL(url)
    if (target.username || target.password) return false
    if (target.protocol === 'https:') return true
    return (
      target.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)
    )
  } catch {
    return false
  }
}
