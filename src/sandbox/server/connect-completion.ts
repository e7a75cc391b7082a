/**
 * The end of a successful Connect flow: an authorization code bound to the session's client
 * and redirect URI, and the browser sent back to the app with it and the app's `state`.
 */
import type { ConnectSession } from './connect-sessions'
import { codeShownPage } from './connect-page/outcome-pages'
import { connectionIdFor } from './connection-id'
import { withQuery } from './redirect-uri'
import { redirectReply, type Reply } from './reply'
import type { SandboxContext } from './sandbox-context'

export interface CompletedLogin {
  providerId: string
  username: string
  scenario: string
}

export function completeConnect(
  context: SandboxContext,
  session: ConnectSession,
  login: CompletedLogin,
  state: string | null,
): Reply {
  const dataset = context.datasets.get(login.scenario)
  const code = context.codes.issue({
    clientId: session.clientId,
    redirectUri: session.redirectUri,
    connectionId:
      session.reauthentication?.connectionId ??
      connectionIdFor(session.clientId, session.customerId, login.providerId, login.scenario),
    scenario: login.scenario,
    providerId: login.providerId,
    products: session.products,
    customerId: session.customerId,
    customerName: session.customerName,
    customerEmail: session.customerEmail,
    username: login.username,
    manual: session.manual || dataset.behaviour.assistedPendingRequests !== undefined,
    reauthenticated: session.reauthentication !== null,
  })

  if (session.redirectUri === null) return codeShownPage(code, state)
  return redirectReply(withQuery(session.redirectUri, { code, state }))
}

export function cancelConnect(session: ConnectSession, state: string | null): Reply | null {
  if (session.redirectUri === null) return null
  return redirectReply(
    withQuery(session.redirectUri, {
      error: 'access_denied',
      error_description: 'The employer cancelled Finch Connect.',
      state,
    }),
  )
}
