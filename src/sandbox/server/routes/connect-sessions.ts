/**
 * `POST /connect/sessions` and `/connect/sessions/reauthenticate`: the app's back end, signed
 * in with its client credentials (HTTP Basic), opens a Connect session and gets the URL to send
 * the employer to.
 */
import type { SessionNewResponse } from '@tryfinch/finch-api/resources/connect/sessions'

import {
  type BodyObject,
  objectBody,
  optionalBoolean,
  optionalPositiveInteger,
  optionalString,
  requiredString,
} from '../body-fields'
import { basicCredentials, findClient } from '../client-credentials'
import type { ConnectSession } from '../connect-sessions'
import { invalidClient, invalidRequest, notFound } from '../finch-error'
import { requireApiVersion } from '../finch-rules'
import { isProduct, type Product } from '../product'
import { checkRedirectUri } from '../redirect-uri'
import { jsonReply, type Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import { sandboxProvider } from '../sandbox-providers'
import { jsonBody } from '../request-body'
import type { SandboxRequest } from '../sandbox-request'
import type { SandboxClient } from '../../sandbox-options'

/** Finch's defaults: 90 days for a new session, 30 for a re-authentication. */
const NEW_SESSION_MINUTES = 129_600
const REAUTH_SESSION_MINUTES = 43_200

function authenticateClient(request: SandboxRequest, context: SandboxContext): SandboxClient {
  const credentials = basicCredentials(request)
  const client =
    credentials && findClient(context.clients, credentials.clientId, credentials.clientSecret)
  if (!client) throw invalidClient()
  return client
}

function products(body: BodyObject, required: boolean): Product[] | null {
  const value = body.products
  if ((value === undefined || value === null) && !required) return null
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidRequest('products must be a non-empty array of Finch products.')
  }
  const unknown = value.filter((product) => !isProduct(product))
  if (unknown.length > 0) throw invalidRequest(`Unknown products: ${unknown.join(', ')}.`)
  return [...new Set(value as Product[])]
}

function redirectUri(body: BodyObject): string | null {
  const value = optionalString(body, 'redirect_uri')
  return value === null ? null : checkRedirectUri(value)
}

interface Integration {
  providerId: string | null
  assisted: boolean
}

function integration(body: BodyObject): Integration {
  if (body.integration === undefined || body.integration === null) {
    return { providerId: null, assisted: false }
  }
  const fields = objectBody(body.integration)
  if (typeof fields.provider !== 'string' || !sandboxProvider(fields.provider)) {
    throw invalidRequest('integration.provider must name one of the sandbox providers.')
  }
  // Asking for the assisted method makes an assisted (manual) connection, as `manual` does.
  return { providerId: fields.provider, assisted: fields.auth_method === 'assisted' }
}

function sandboxMode(body: BodyObject): void {
  const mode = body.sandbox
  if (mode !== undefined && mode !== null && mode !== 'finch' && mode !== 'provider') {
    throw invalidRequest('sandbox must be "finch" or "provider".')
  }
}

function answer(context: SandboxContext, session: ConnectSession): Reply {
  const response: SessionNewResponse = {
    session_id: session.id,
    connect_url: `${context.baseUrl}/authorize?session=${encodeURIComponent(session.id)}`,
  }
  return jsonReply(200, response)
}

function createSession(request: SandboxRequest, context: SandboxContext): Reply {
  requireApiVersion(request)
  const client = authenticateClient(request, context)
  const body = objectBody(jsonBody(request))
  sandboxMode(body)

  const minutes = optionalPositiveInteger(body, 'minutes_to_expire') ?? NEW_SESSION_MINUTES
  const requested = integration(body)
  const session = context.sessions.create({
    clientId: client.clientId,
    customerId: requiredString(body, 'customer_id'),
    customerName: requiredString(body, 'customer_name'),
    customerEmail: optionalString(body, 'customer_email'),
    products: products(body, true)!,
    redirectUri: redirectUri(body),
    manual: (optionalBoolean(body, 'manual') ?? false) || requested.assisted,
    providerId: requested.providerId,
    expiresAt: context.now() + minutes * 60_000,
    reauthentication: null,
  })
  return answer(context, session)
}

function createReauthenticationSession(request: SandboxRequest, context: SandboxContext): Reply {
  requireApiVersion(request)
  const client = authenticateClient(request, context)
  const body = objectBody(jsonBody(request))

  const connectionId = requiredString(body, 'connection_id')
  const connection = context.connections.info(connectionId)
  if (!connection || connection.clientId !== client.clientId) {
    throw notFound('item_not_found', 'No connection with this id belongs to this application.')
  }

  const minutes = optionalPositiveInteger(body, 'minutes_to_expire') ?? REAUTH_SESSION_MINUTES
  const session = context.sessions.create({
    clientId: client.clientId,
    customerId: connection.customerId,
    customerName: connection.customerName,
    customerEmail: connection.customerEmail,
    products: products(body, false) ?? connection.products.filter(isProduct),
    redirectUri: redirectUri(body),
    manual: connection.manual,
    providerId: connection.providerId,
    expiresAt: context.now() + minutes * 60_000,
    reauthentication: { connectionId, scenario: connection.scenario },
  })
  return answer(context, session)
}

export const connectSessionRoutes: Route[] = [
  { method: 'POST', pattern: '/connect/sessions', handle: createSession },
  {
    method: 'POST',
    pattern: '/connect/sessions/reauthenticate',
    handle: createReauthenticationSession,
  },
]
