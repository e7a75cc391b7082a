/**
 * The Connect pages a browser walks through: consent, provider choice, sign-in, then the
 * redirect back to the app with a code (or with `error=access_denied` on Cancel). The app's
 * `state` rides along every step in the query or a hidden field.
 */
import { cancelConnect, completeConnect } from '../connect-completion'
import { consentStep } from '../connect-page/consent-step'
import { loginStep } from '../connect-page/login-step'
import { brokenLinkPage, cancelledPage } from '../connect-page/outcome-pages'
import { providerStep } from '../connect-page/provider-step'
import type { ConnectSession } from '../connect-sessions'
import type { Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import { sandboxProvider, type SandboxProvider } from '../sandbox-providers'
import type { SandboxRequest } from '../sandbox-request'
import { SANDBOX_PASSWORD, scenarioForUsername } from '../scenario-login'
import { type StepFields, stepFields } from '../step-fields'

type StepStart =
  | { ok: true; session: ConnectSession; state: string | null; fields: StepFields }
  | { ok: false; reply: Reply }

function startStep(request: SandboxRequest, context: SandboxContext): StepStart {
  const fields = stepFields(request)
  const lookup = context.sessions.find(fields.session ?? null)
  if (!lookup.ok) return { ok: false, reply: brokenLinkPage(lookup.reason) }
  return { ok: true, session: lookup.session, state: fields.state ?? null, fields }
}

function chosenProvider(session: ConnectSession, fields: StepFields): SandboxProvider | undefined {
  return sandboxProvider(session.providerId ?? fields.provider ?? '')
}

/** The scenario a Connect username logs into, fixture logins included; null for none. */
export function scenarioFor(context: SandboxContext, username: string): string | null {
  return scenarioForUsername(username, context.fixtureLogins.usernames)
}

/** Why a sign-in fails, in the words the page shows; null when it succeeds. */
export function loginProblem(
  context: SandboxContext,
  session: ConnectSession,
  username: string,
  password: string,
): string | null {
  const scenario = scenarioFor(context, username)
  if (!scenario || password !== SANDBOX_PASSWORD) return 'The username or password is incorrect.'
  if (session.reauthentication && session.reauthentication.scenario !== scenario) {
    return 'Sign in with the account this connection was made with.'
  }
  return null
}

function showConsent(request: SandboxRequest, context: SandboxContext): Reply {
  const step = startStep(request, context)
  return step.ok ? consentStep(step.session, step.state) : step.reply
}

function showProviders(request: SandboxRequest, context: SandboxContext): Reply {
  const step = startStep(request, context)
  return step.ok ? providerStep(step.session, step.state) : step.reply
}

function showLogin(request: SandboxRequest, context: SandboxContext): Reply {
  const step = startStep(request, context)
  if (!step.ok) return step.reply

  const provider = chosenProvider(step.session, step.fields)
  if (!provider) return brokenLinkPage('invalid')
  return loginStep(step.session, step.state, provider, {
    fixtureLogins: [...context.fixtureLogins.usernames],
  })
}

function submitLogin(request: SandboxRequest, context: SandboxContext): Reply {
  const step = startStep(request, context)
  if (!step.ok) return step.reply

  const { session, state, fields } = step
  const provider = chosenProvider(session, fields)
  if (!provider || provider.login !== 'credential') return brokenLinkPage('invalid')

  const username = fields.username ?? ''
  const problem = loginProblem(context, session, username, fields.password ?? '')
  if (problem) {
    return loginStep(session, state, provider, {
      error: problem,
      username,
      fixtureLogins: [...context.fixtureLogins.usernames],
    })
  }

  const scenario = scenarioFor(context, username)!
  return completeConnect(context, session, { providerId: provider.id, username, scenario }, state)
}

function cancel(request: SandboxRequest, context: SandboxContext): Reply {
  const step = startStep(request, context)
  if (!step.ok) return step.reply
  return cancelConnect(step.session, step.state) ?? cancelledPage()
}

/** The Connect page picks up a login the OAuth pop-up finished, then redirects like a form. */
function completeOAuth(request: SandboxRequest, context: SandboxContext): Reply {
  const redemption = context.oauthLogins.redeem(request.url.searchParams.get('ticket') ?? '')
  if (!redemption.ok) return brokenLinkPage(redemption.reason === 'expired' ? 'expired' : 'invalid')

  const login = redemption.value
  const lookup = context.sessions.find(login.sessionId)
  if (!lookup.ok) return brokenLinkPage(lookup.reason)

  const scenario = scenarioFor(context, login.username)!
  return completeConnect(
    context,
    lookup.session,
    { providerId: login.providerId, username: login.username, scenario },
    login.state,
  )
}

export const connectFlowRoutes: Route[] = [
  { method: 'GET', pattern: '/authorize', handle: showConsent },
  { method: 'GET', pattern: '/authorize/providers', handle: showProviders },
  { method: 'GET', pattern: '/authorize/login', handle: showLogin },
  { method: 'POST', pattern: '/authorize/login', handle: submitLogin },
  { method: 'POST', pattern: '/authorize/cancel', handle: cancel },
  { method: 'GET', pattern: '/authorize/oauth-complete', handle: completeOAuth },
]
