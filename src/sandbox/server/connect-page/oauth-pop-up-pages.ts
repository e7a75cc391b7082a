/**
 * The pages of the fake OAuth provider, shown in the pop-up window: its own sign-in form, then
 * a page that hands the login ticket back to the Connect page that opened it.
 */
import type { Reply } from '../reply'
import type { SandboxProvider } from '../sandbox-providers'
import { hiddenFields } from './hidden-fields'
import { html } from './html'
import { errorMessage, sandboxAccountsHint } from './login-step'
import { renderPage } from './page-document'

export function popUpLoginPage(
  sessionId: string,
  state: string | null,
  provider: SandboxProvider,
  options: { error?: string; username?: string; fixtureLogins?: readonly string[] } = {},
): Reply {
  return renderPage({
    title: `${provider.displayName} sign-in`,
    status: options.error ? 401 : 200,
    main: html`<h1>${provider.displayName}</h1>
      <p>Sign in to allow Finch to read your payroll data.</p>
      ${errorMessage(options.error)}
      <form method="post" action="/oauth/provider-login" id="oauth-login-form">
        ${hiddenFields({ session: sessionId, state, provider: provider.id })}
        <label for="username">Username</label>
        <input
          type="text"
          id="username"
          name="username"
          autocomplete="username"
          required
          value="${options.username ?? ''}"
        />
        <label for="password">Password</label>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="current-password"
          required
        />
        <button type="submit" id="authorize">Sign in and allow</button>
      </form>
      ${sandboxAccountsHint(options.fixtureLogins)}`,
  })
}

/** Posts the ticket to the opener and closes; without an opener, continues in this window. */
export function popUpDonePage(ticket: string): Reply {
  const completeUrl = `/authorize/oauth-complete?ticket=${encodeURIComponent(ticket)}`
  return renderPage({
    title: 'Signed in',
    main: html`<h1>Signed in</h1>
      <p id="oauth-result" data-ticket="${ticket}" data-complete-url="${completeUrl}">
        You can close this window if it stays open.
      </p>
      <p><a href="${completeUrl}" id="continue-here">Continue in this window</a></p>`,
    script: HAND_BACK_SCRIPT,
  })
}

const HAND_BACK_SCRIPT = `
  (() => {
    const result = document.getElementById('oauth-result')
    if (window.opener && !window.opener.closed) {
      window.opener.postMessage(
        { type: 'sandbox-oauth-login', ticket: result.dataset.ticket },
        window.location.origin,
      )
      window.close()
    } else {
      window.location.assign(result.dataset.completeUrl)
    }
  })()
`
