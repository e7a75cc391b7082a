/**
 * Everything after Connect's redirect, the same for the embedded view and the system browser:
 * check the `state`, exchange the single-use code once, introspect, then keep the token in the
 * keychain and the connection, its client and its introspection in the cache. Nothing is stored
 * unless every step succeeded, and a token that cannot be stored is revoked rather than left
 * alive at Finch with nobody holding it.
 */
import type { Introspection } from '@tryfinch/finch-api/resources/account'
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import { APIError } from '@tryfinch/finch-api'
import { AppError } from '../../shared/app-error'
import type { ConnectionSummary } from '../../shared/domain'
import type { NewConnection, PayrollCache } from '../cache/payroll-cache'
import { accountFromIntrospection } from '../connections/connection-account'
import type { ClientRecord, ConnectionStore } from '../connections/connection-store'
import type { FinchApplication } from '../finch/finch-gateway'
import { finchForApplication, finchForConnection, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import { readRedirect } from './read-redirect'

/** What the finished attempt is for: a new connection of a client, or reconnecting one. */
export type ConnectTarget =
  { kind: 'new'; client: ClientRecord } | { kind: 'reauthenticate'; connection: ConnectionSummary }

export interface FinishConnectDeps {
  vault: SecretVault
  cache: PayrollCache
  store: ConnectionStore
  logger: Logger
}

export interface FinishConnectInput {
  application: FinchApplication & { environment: 'demo' | 'finch' }
  redirectUrl: string
  redirectUri: string
  expectedState: string
  target: ConnectTarget
  signal: AbortSignal
}

export async function finishConnect(
  deps: FinishConnectDeps,
  input: FinishConnectInput,
): Promise<ConnectionSummary> {
  const { application, target, signal } = input
  const log = deps.logger
  const code = readRedirect(input.redirectUrl, input.redirectUri, input.expectedState)
  const token = await exchangeCode(application, code, input.redirectUri, signal)
  const discard = (reason: string) => discardToken(deps, application.baseURL, token, reason)

  let introspection: Introspection
  try {
    introspection = await finchForConnection(application.baseURL, token.access_token)
      .account.introspect({ signal })
      .catch((error: unknown) => {
        throw toAppError(error, 'describe the new connection')
      })
  } catch (error) {
    await discard('introspection failed')
    throw error
  }

  const connectionId = introspection.connection_id
  if (target.kind === 'reauthenticate' && connectionId !== target.connection.connectionId) {
    await discard('another connection came back')
    throw new AppError(
      'connect_failed',
      'Finch Connect reconnected a different company than the one chosen; nothing was changed.',
    )
  }
  if (signal.aborted) {
    await discard('the attempt ended before the token was stored')
    throw signal.reason as Error
  }

  const tokenAccount = VAULT_ACCOUNTS.connectionToken(connectionId)
  try {
    await deps.vault.write(tokenAccount, token.access_token)
  } catch (error) {
    await discard('the keychain did not take it')
    throw error
  }

  const now = new Date().toISOString()
  const record = connectionRecord(deps.cache, target, token, introspection, application, now)
  try {
    deps.store.saveConnected(record, accountFromIntrospection(introspection, now))
  } catch (error) {
    if (target.kind === 'new' && !deps.cache.getConnection(connectionId)) {
      await deps.vault.remove(tokenAccount).catch(() => false)
      await discard('the cache did not take it')
    }
    throw new AppError('storage_failed', 'The new connection could not be saved.', {
      cause: error,
    })
  }

  log.info(
    `${target.kind === 'new' ? 'connected' : 'reconnected'} ${connectionId} (${introspection.provider_id})`,
  )
  const summary = deps.cache.getConnection(connectionId)
  if (!summary) throw new AppError('storage_failed', 'The new connection could not be read back.')
  return summary
}

/**
 * Trades the code for a token exactly once. The SDK's automatic retries are off for this call:
 * a retry after a lost answer would present a code Finch already redeemed.
 */
async function exchangeCode(
  application: FinchApplication,
  code: string,
  redirectUri: string,
  signal: AbortSignal,
): Promise<CreateAccessTokenResponse> {
  try {
    return await finchForApplication(application).accessTokens.create(
      {
        code,
        client_id: application.clientId,
        client_secret: application.clientSecret,
        redirect_uri: redirectUri,
      },
      { maxRetries: 0, signal },
    )
  } catch (error) {
    if (error instanceof APIError && error.status === 400) {
      throw new AppError(
        'finch_rejected',
        'Finch did not accept the code from Connect: it was already used, has expired, or was issued for another attempt or address. Nothing was saved; connect again.',
        { cause: error },
      )
    }
    if (signal.aborted) throw signal.reason as Error
    throw toAppError(error, 'finish connecting')
  }
}

/**
 * The cache row for the connection. A reconnected connection keeps every identifier it had; a
 * new one already known under another client stays with that client.
 * The UI does not yet say when a connection went to another client than the one chosen.
 */
function connectionRecord(
  cache: PayrollCache,
  target: ConnectTarget,
  token: CreateAccessTokenResponse,
  introspection: Introspection,
  application: { environment: 'demo' | 'finch' },
  now: string,
): NewConnection {
  const existing = cache.getConnection(introspection.connection_id)
  const client =
    target.kind === 'reauthenticate'
      ? { customerId: target.connection.customerId, name: target.connection.customerName }
      : existing
        ? { customerId: existing.customerId, name: existing.customerName }
        : target.client
  return {
    connectionId: introspection.connection_id,
    environment: application.environment,
    companyId:
      existing?.companyId ??
      introspection.company_id ??
      token.company_id ??
      introspection.connection_id,
    customerId: client.customerId,
    customerName: client.name,
    providerId: introspection.provider_id,
    connectionType: introspection.connection_type,
    products: introspection.products,
    connectedAt: existing?.connectedAt ?? now,
  }
}

/**
 * Revokes a token the app will not keep. Only for connections the cache does not know: for a
 * known one, `/disconnect` would also end the token the app already holds.
 */
async function discardToken(
  deps: FinishConnectDeps,
  baseURL: string,
  token: CreateAccessTokenResponse,
  reason: string,
): Promise<void> {
  if (deps.cache.getConnection(token.connection_id)) {
    deps.logger.warn(`dropped a new token for ${token.connection_id} (${reason})`)
    return
  }
  try {
    await finchForConnection(baseURL, token.access_token).account.disconnect()
    deps.logger.warn(`revoked the token for ${token.connection_id} (${reason})`)
  } catch (error) {
    deps.logger.error(`could not revoke the token for ${token.connection_id} (${reason})`, error)
  }
}
