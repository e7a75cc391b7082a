/**
 * Connect's third step: signing in to the chosen provider. Credential providers show a form
 * here; OAuth providers open their own sign-in page in a pop-up, and this page continues once
 * the pop-up reports back.
 */
import type { ConnectSession } from '../connect-sessions'
import type { Reply } from '../reply'
import type { SandboxProvider } from '../sandbox-providers'
import { NAMED_SCENARIOS, SANDBOX_PASSWORD } from '../scenario-login'
import { cancelForm, cancelFormTargets, hiddenFields } from './hidden-fields'
import { html, type SafeHtml } from './html'
import { renderPage } from './page-document'

export interface LoginStepOptions {
  error?: string
  username?: string
  /** Usernames this sandbox serves from fixture folders, listed with the scenarios. */
  fixtureLogins?: readonly string[]
}

export function sandboxAccountsHint(fixtureLogins: readonly string[] = []): SafeHtml {
  const accounts = [...NAMED_SCENARIOS, ...fixtureLogins].join(', ')
  return html`<p class="hint" id="sandbox-accounts">
    Sandbox accounts: ${accounts} or scale-&lt;people&gt;-&lt;runs&gt;, all with the password
    <code>${SANDBOX_PASSWORD}</code>.
  </p>`
}

export function errorMessage(error: string | undefined): SafeHtml {
  return error ? html`<p class="error" role="alert" id="login-error">${error}</p>` : html``
}

export function loginStep(
  session: ConnectSession,
  state: string | null,
  provider: SandboxProvider,
  options: LoginStepOptions,
): Reply {
  const body =
    provider.login === 'oauth'
      ? oauthLogin(session, state, provider, options)
      : credentialLogin(session, state, provider, options)

  return renderPage({
    title: `Sign in to ${provider.displayName}`,
    status: options.error ? 401 : 200,
    main: html`<h1>Sign in to ${provider.displayName}</h1>
      ${body} ${cancelForm(session.id, state)}`,
    script: provider.login === 'oauth' ? OPENER_SCRIPT : undefined,
    // A good sign-in, like Cancel, redirects to the app's redirect URI.
    formTargets: cancelFormTargets(session),
  })
}

function credentialLogin(
  session: ConnectSession,
  state: string | null,
  provider: SandboxProvider,
  options: LoginStepOptions,
): SafeHtml {
  return html`${errorMessage(options.error)}
    <form method="post" action="/authorize/login" id="login-form">
      ${hiddenFields({ session: session.id, state, provider: provider.id })}
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
      <button type="submit" id="sign-in">Connect</button>
    </form>
    ${sandboxAccountsHint(options.fixtureLogins)}`
}

function oauthLogin(
  session: ConnectSession,
  state: string | null,
  provider: SandboxProvider,
  options: LoginStepOptions,
): SafeHtml {
  const popUp = new URLSearchParams({ session: session.id, provider: provider.id })
  if (state !== null) popUp.set('state', state)

  return html`${errorMessage(options.error)}
    <p>${provider.displayName} signs you in on its own page, in a pop-up window.</p>
    <button
      type="button"
      id="oauth-sign-in"
      data-pop-up-url="/oauth/provider-login?${popUp.toString()}"
    >
      Sign in with ${provider.displayName}
    </button>
    <p role="status" id="oauth-status"></p>`
}

/**
 * Opens the provider's pop-up and, once the pop-up posts back a login ticket from this same
 * origin, continues Connect with it. Inputs come from data attributes, never from this text.
 */
const OPENER_SCRIPT = `
  (() => {
    const button = document.getElementById('oauth-sign-in')
    const status = document.getElementById('oauth-status')
    let popUp = null
    button.addEventListener('click', () => {
      popUp = window.open(button.dataset.popUpUrl, 'sandbox-oauth', 'popup,width=480,height=640')
      status.textContent = popUp
        ? 'Waiting for you to sign in in the pop-up window…'
        : 'The pop-up window was blocked. Allow pop-ups for this page and try again.'
    })
    window.addEventListener('message', (event) => {
      if (event.origin !== window.location.origin || event.source !== popUp) return
      const data = event.data
      if (!data || data.type !== 'sandbox-oauth-login' || typeof data.ticket !== 'string') return
      status.textContent = 'Signed in. Finishing…'
      window.location.assign('/authorize/oauth-complete?ticket=' + encodeURIComponent(data.ticket))
    })
  })()
`
