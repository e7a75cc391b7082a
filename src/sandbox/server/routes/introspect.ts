/**
 * `GET /introspect`: what the connection behind a token is. It answers for revoked connections
 * too, with status `reauth`, because that is how the app learns a connection needs the
 * employer again.
 */
import type { Introspection } from '@tryfinch/finch-api/resources/account'

import type { AccessTokenClaims } from '../access-token'
import { lastSyncAt } from '../data-freshness'
import { tokenEndpoint } from '../finch-rules'
import { jsonReply, type Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import { sandboxProvider } from '../sandbox-providers'
import type { SandboxRequest } from '../sandbox-request'

function connectionStatus(
  context: SandboxContext,
  claims: AccessTokenClaims,
): Introspection.ConnectionStatus {
  const dataset = context.datasets.get(claims.scenario)
  const lastSync = new Date(
    lastSyncAt(
      claims.issuedAt,
      context.now(),
      claims.manual,
      context.jobs.lastCompletion(claims.connectionId),
    ),
  ).toISOString()

  if (context.connections.standing(claims) === 'revoked') {
    return {
      status: 'reauth',
      last_successful_sync: lastSync,
      message: 'The employer must reconnect.',
    }
  }
  const pendingFor = dataset.behaviour.assistedPendingRequests ?? 0
  if ((context.dataRequests.get(claims.connectionId) ?? 0) < pendingFor) {
    return {
      status: 'processing',
      last_successful_sync: null,
      message: 'The first sync is running.',
    }
  }
  return { status: 'connected', last_successful_sync: lastSync, message: 'The connection works.' }
}

function introspect(
  _request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
): Reply {
  const dataset = context.datasets.get(claims.scenario)
  const status = connectionStatus(context, claims)
  const login = sandboxProvider(claims.providerId)?.login ?? 'credential'

  const introspection: Introspection = {
    id: claims.tokenId,
    client_id: claims.clientId,
    client_type: 'sandbox',
    connection_id: claims.connectionId,
    connection_status: status,
    connection_type: dataset.connectionType,
    products: claims.products,
    provider_id: claims.providerId,
    payroll_provider_id: claims.providerId,
    account_id: claims.connectionId,
    company_id: dataset.company.id,
    customer_id: claims.customerId,
    customer_name: claims.customerName,
    customer_email: claims.customerEmail,
    manual: claims.manual,
    username: claims.username,
    authentication_methods: [
      {
        type: claims.manual ? 'assisted' : login,
        connection_status: status,
        products: claims.products,
      },
    ],
    entities: [
      {
        id: dataset.company.id,
        name: dataset.company.legal_name,
        source_id: null,
        status: status.status === 'reauth' ? 'reauth' : 'connected',
      },
    ],
  }
  return jsonReply(200, introspection)
}

export const introspectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/introspect',
    handle: tokenEndpoint(introspect, { allowRevoked: true }),
  },
]
