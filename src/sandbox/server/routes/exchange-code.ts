/**
 * `POST /auth/token`: the app's back end trades an authorization code for an access token.
 * Codes work once, for ten minutes, only for the application and redirect URI of their
 * session, as in OAuth; the token itself never expires.
 */
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'

import { type AccessTokenClaims, newTokenId, signAccessToken } from '../access-token'
import { basicCredentials, findClient } from '../client-credentials'
import { invalidClient, invalidGrant } from '../finch-error'
import { fieldsBody } from '../request-body'
import { jsonReply, type Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import type { SandboxRequest } from '../sandbox-request'

export const CODE_LIFETIME_MS = 10 * 60_000

const REFUSALS = {
  unknown: 'The authorization code is not valid.',
  used: 'The authorization code was already exchanged.',
  expired: 'The authorization code has expired; codes last ten minutes.',
}

function exchangeCode(request: SandboxRequest, context: SandboxContext): Reply {
  const body = fieldsBody(request)
  // The SDK sends client credentials in the body; other OAuth clients use HTTP Basic.
  const credentials = basicCredentials(request)
  const client = findClient(
    context.clients,
    body.client_id ?? credentials?.clientId,
    body.client_secret ?? credentials?.clientSecret,
  )
  if (!client) throw invalidClient()

  const code = typeof body.code === 'string' ? body.code : ''
  const found = context.codes.peek(code)
  if (!found.ok) throw invalidGrant(REFUSALS[found.reason])

  const grant = found.value
  if (grant.clientId !== client.clientId) {
    throw invalidGrant('The authorization code was issued to another application.')
  }
  const presentedRedirect = typeof body.redirect_uri === 'string' ? body.redirect_uri : null
  if (presentedRedirect !== grant.redirectUri) {
    throw invalidGrant('redirect_uri does not match the one of the Connect session.')
  }
  context.codes.redeem(code)

  const claims: AccessTokenClaims = {
    tokenId: newTokenId(),
    connectionId: grant.connectionId,
    scenario: grant.scenario,
    products: grant.products,
    issuedAt: context.connections.issueTime(grant.connectionId, context.now()),
    clientId: grant.clientId,
    providerId: grant.providerId,
    customerId: grant.customerId,
    customerName: grant.customerName,
    customerEmail: grant.customerEmail,
    username: grant.username,
    manual: grant.manual,
    reauthenticated: grant.reauthenticated,
  }
  const accessToken = signAccessToken(claims, context.signingKey)
  context.issuedTokens.push(accessToken)
  context.connections.remember(claims)

  const dataset = context.datasets.get(grant.scenario)
  const response: CreateAccessTokenResponse = {
    access_token: accessToken,
    token_type: 'bearer',
    client_type: 'sandbox',
    connection_id: grant.connectionId,
    connection_type: dataset.connectionType,
    entity_ids: [dataset.company.id],
    products: grant.products,
    provider_id: grant.providerId,
    account_id: grant.connectionId,
    company_id: dataset.company.id,
    customer_id: grant.customerId,
    customer_name: grant.customerName,
  }
  return jsonReply(200, response)
}

export const exchangeCodeRoutes: Route[] = [
  { method: 'POST', pattern: '/auth/token', handle: exchangeCode },
]
