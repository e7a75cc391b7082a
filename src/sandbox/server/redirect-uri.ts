/**
 * Redirect URIs of Connect sessions: which ones the sandbox accepts and how it sends the
 * browser back to them. Script-capable schemes are refused, because Connect navigates the
 * employer's browser to whatever URI the session names.
 */
import { invalidRequest } from './finch-error'

const REFUSED_SCHEMES = [
  'javascript:',
  'data:',
  'file:',
  'vbscript:',
  'blob:',
  'about:',
  'filesystem:',
]

/** A usable redirect URI: http(s), or an app's own scheme such as `payroll-desk://connected`. */
export function checkRedirectUri(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalidRequest('redirect_uri must be an absolute URI.')
  }

  if (REFUSED_SCHEMES.includes(url.protocol) || !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) {
    throw invalidRequest(`redirect_uri may not use the ${url.protocol} scheme.`)
  }
  // OAuth forbids fragments in redirect URIs: the code would land where servers never see it.
  if (url.hash !== '') throw invalidRequest('redirect_uri may not contain a fragment.')
  return value
}

/** The CSP source that lets a Connect form's redirect reach this URI (Chrome checks redirects). */
export function formActionSource(redirectUri: string): string {
  const url = new URL(redirectUri)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol
}

export function withQuery(redirectUri: string, query: Record<string, string | null>): string {
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(query)) {
    if (value !== null) url.searchParams.set(name, value)
  }
  return url.toString()
}
