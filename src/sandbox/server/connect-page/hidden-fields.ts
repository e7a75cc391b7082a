/** Hidden form inputs that carry the session and the app's `state` from one Connect step on. */
import type { ConnectSession } from '../connect-sessions'
import { formActionSource } from '../redirect-uri'
import { html, type SafeHtml } from './html'

export function hiddenFields(fields: Record<string, string | null>): SafeHtml {
  return html`${Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}`
}

export function cancelForm(sessionId: string, state: string | null): SafeHtml {
  return html`<form method="post" action="/authorize/cancel">
    ${hiddenFields({ session: sessionId, state })}
    <button type="submit" id="cancel" class="secondary">Cancel</button>
  </form>`
}

/**
 * The CSP form-action sources a page with a Cancel form needs: Cancel redirects to the app's
 * redirect URI, and Chrome checks form-action on the redirect that follows a post.
 */
export function cancelFormTargets(session: ConnectSession): string[] {
  return session.redirectUri === null ? [] : [formActionSource(session.redirectUri)]
}
