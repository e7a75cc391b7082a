/**
 * How Finch Connect is put in front of the user. The Electron shell shows it in an isolated view,
 * the browser host in a pop-up window; the connect flow only needs the redirect back.
 */
export interface ConnectPresentation {
  connectUrl: string
  /** The registered redirect URI; the presenter resolves with the first URL under it. */
  redirectUri: string
  signal: AbortSignal
}

export interface ConnectPresenter {
  /**
   * Shows Connect and resolves with the full redirect URL (with `code` or `error`, and
   * `state`). Rejects with `connect_cancelled` when the user closes it or `signal` aborts.
   */
  present(presentation: ConnectPresentation): Promise<string>
}

/** Whether `url` is the redirect URI (same origin and path), whatever its query says. */
export function isRedirectTo(url: string, redirectUri: string): boolean {
  try {
    const candidate = new URL(url)
    const expected = new URL(redirectUri)
    return candidate.origin === expected.origin && candidate.pathname === expected.pathname
  } catch {
    return false
  }
}
