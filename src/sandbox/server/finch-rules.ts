/**
 * The rules every Finch API call goes through before its handler runs, in Finch's order: the
 * API version header, the bearer token and its connection's standing, the product scope, the
 * application rate limit, then the scenario's own behaviour (assisted 202s, forced reauth).
 */
import type { CompanyDataset } from '../data/dataset'
import { type AccessTokenClaims, verifyAccessToken } from './access-token'
import { dataHeaders, lastSyncAt } from './data-freshness'
import {
  insufficientScope,
  invalidRequest,
  invalidToken,
  missingToken,
  rateLimited,
  reauthenticateUser,
} from './finch-error'
import { grantsProduct, type Product } from './product'
import { jsonReply, type Reply } from './reply'
import type { Handler } from './router'
import type { SandboxContext } from './sandbox-context'
import { headerValue, type SandboxRequest } from './sandbox-request'

export const FINCH_API_VERSION = '2020-09-17'

export interface DataAccess {
  claims: AccessTokenClaims
  dataset: CompanyDataset
}

export type DataHandler = (
  request: SandboxRequest,
  context: SandboxContext,
  access: DataAccess,
) => Reply | Promise<Reply>

export type TokenHandler = (
  request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
) => Reply | Promise<Reply>

export function requireApiVersion(request: SandboxRequest): void {
  const version = headerValue(request, 'finch-api-version')
  if (version !== FINCH_API_VERSION) {
    throw invalidRequest(`The Finch-API-Version header must be ${FINCH_API_VERSION}.`)
  }
}

/**
 * The verified claims of the request's bearer token. Revoked connections fail with
 * `reauthenticate_user` unless `allowRevoked`: introspection and disconnection must still work
 * on them, so the app can learn the status and clean up.
 */
export function authenticate(
  request: SandboxRequest,
  context: SandboxContext,
  allowRevoked = false,
): AccessTokenClaims {
  const authorization = headerValue(request, 'authorization')
  if (!authorization) throw missingToken()

  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  const claims = match ? verifyAccessToken(match[1]!, context.signingKey) : null
  if (!claims) throw invalidToken()

  const standing = context.connections.standing(claims)
  if (standing === 'disconnected') throw invalidToken('This connection was disconnected.')
  if (standing === 'revoked' && !allowRevoked) throw reauthenticateUser()

  context.connections.remember(claims)
  return claims
}

export function tokenEndpoint(
  handler: TokenHandler,
  options: { allowRevoked?: boolean } = {},
): Handler {
  return (request, context) => {
    requireApiVersion(request)
    const claims = authenticate(request, context, options.allowRevoked)
    return handler(request, context, claims)
  }
}

export function dataEndpoint(product: Product, handler: DataHandler): Handler {
  return async (request, context) => {
    requireApiVersion(request)
    const claims = authenticate(request, context)
    if (!grantsProduct(claims.products, product)) throw insufficientScope(product)

    const decision = context.rateLimiter?.take(claims.clientId, product) ?? { allowed: true }
    if (!decision.allowed) throw rateLimited('finch_application_rl', decision.retryAfterSeconds)

    const dataset = context.datasets.get(claims.scenario)
    const pending = applyScenarioBehaviour(context, claims, dataset)
    if (pending) return pending

    const reply = await handler(request, context, { claims, dataset })
    const syncedAt = lastSyncAt(
      claims.issuedAt,
      context.now(),
      claims.manual,
      context.jobs.lastCompletion(claims.connectionId),
    )
    return { ...reply, headers: { ...reply.headers, ...dataHeaders(syncedAt) } }
  }
}

/** Counts the connection's data requests and answers for scenarios that misbehave on purpose. */
function applyScenarioBehaviour(
  context: SandboxContext,
  claims: AccessTokenClaims,
  dataset: CompanyDataset,
): Reply | null {
  const count = (context.dataRequests.get(claims.connectionId) ?? 0) + 1
  context.dataRequests.set(claims.connectionId, count)
  const { behaviour } = dataset

  const cutOffAfter = behaviour.reauthenticateAfterRequests
  if (cutOffAfter !== undefined && !claims.reauthenticated && count > cutOffAfter) {
    // The employer's system cut Finch off: every token of the connection ends, not just this one.
    context.connections.revoke(claims.connectionId, context.now())
    throw reauthenticateUser()
  }

  const pendingFor = behaviour.assistedPendingRequests
  if (pendingFor !== undefined && count <= pendingFor) {
    return jsonReply(202, {
      code: 202,
      name: 'accepted',
      finch_code: 'data_sync_in_progress',
      message: 'The assisted connection is still collecting this data; ask again later.',
    })
  }
  return null
}
