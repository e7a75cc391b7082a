/**
 * The fake OAuth provider's sign-in, opened by the Connect page in a pop-up window. A good
 * login becomes a short-lived ticket that the pop-up hands to its opener.
 */
import { brokenLinkPage } from '../connect-page/outcome-pages'
import { popUpDonePage, popUpLoginPage } from '../connect-page/oauth-pop-up-pages'
import type { Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import { sandboxProvider } from '../sandbox-providers'
import type { SandboxRequest } from '../sandbox-request'
import { stepFields } from '../step-fields'
import { loginProblem } from './connect-flow'

function popUp(request: SandboxRequest, context: SandboxContext): Reply {
  const fields = stepFields(request)
  const lookup = context.sessions.find(fields.session ?? null)
  if (!lookup.ok) return brokenLinkPage(lookup.reason)

  const provider = sandboxProvider(fields.provider ?? '')
  if (!provider || provider.login !== 'oauth') return brokenLinkPage('invalid')
  const state = fields.state ?? null
  const fixtureLogins = [...context.fixtureLogins.usernames]
  if (request.method === 'GET') {
    return popUpLoginPage(lookup.session.id, state, provider, { fixtureLogins })
  }

  const username = fields.username ?? ''
  const problem = loginProblem(context, lookup.session, username, fields.password ?? '')
  if (problem) {
    return popUpLoginPage(lookup.session.id, state, provider, {
      error: problem,
      username,
      fixtureLogins,
    })
  }

  const ticket = context.oauthLogins.issue({
    sessionId: lookup.session.id,
    state,
    providerId: provider.id,
    username,
  })
  return popUpDonePage(ticket)
}

export const oauthPopUpRoutes: Route[] = [
  { method: 'GET', pattern: '/oauth/provider-login', handle: popUp },
  { method: 'POST', pattern: '/oauth/provider-login', handle: popUp },
]
