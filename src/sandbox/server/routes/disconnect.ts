/**
 * `POST /disconnect`: ends the connection behind a token, and with it every token of that
 * connection. Revoked connections may be disconnected too; that is how an app tidies up.
 */
import type { DisconnectResponse } from '@tryfinch/finch-api/resources/account'

import type { AccessTokenClaims } from '../access-token'
import { tokenEndpoint } from '../finch-rules'
import { jsonReply, type Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import type { SandboxRequest } from '../sandbox-request'

function disconnect(
  _request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
): Reply {
  context.connections.disconnect(claims.connectionId, context.now())
  const response: DisconnectResponse = { status: 'success' }
  return jsonReply(200, response)
}

export const disconnectRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/disconnect',
    handle: tokenEndpoint(disconnect, { allowRevoked: true }),
  },
]
