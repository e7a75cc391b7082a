/**
 * The connect flow, all in main: create a Connect session, show Connect, check the `state` that
 * comes back, exchange the single-use code, introspect, then keep the token in the keychain and
 * the connection in the cache. Nothing is stored unless every step succeeded.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { SessionNewParams } from '@tryfinch/finch-api/resources/connect'
import { AppError } from '../../shared/app-error'
import type { ConnectionSummary, FinchProduct } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import type { FinchApplication } from '../finch/finch-gateway'
import { finchForApplication, finchForConnection, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import type { ConnectPresenter } from './connect-presenter'
import { isRedirectTo } from './connect-presenter'

export interface ConnectRequest {
  customerName: string
  products: FinchProduct[]
}

export interface ConnectFlowDeps {
  application: () => Promise<
    FinchApplication & { redirectUri: string; environment: 'demo' | 'finch' }
  >
  vault: SecretVault
  cache: PayrollCache
  presenter: ConnectPresenter
  logger: Logger
  onConnectionsChanged: (reason: string) => void
  /** How long the user has to finish Connect. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15 * 60_000

export class ConnectFlow {
  private attempt: AbortController | null = null

  constructor(private readonly deps: ConnectFlowDeps) {}

  get inProgress(): boolean {
    return this.attempt !== null
  }

  cancel(): boolean {
    if (!this.attempt) return false
    this.attempt.abort(new AppError('connect_cancelled', 'Connecting was cancelled.'))
    return true
  }

  async connect(request: ConnectRequest): Promise<ConnectionSummary> {
    if (this.attempt) {
      throw new AppError(
        'connect_in_progress',
        'Finish or cancel the connection already in progress first.',
      )
    }
    const attempt = new AbortController()
    this.attempt = attempt
    const timer = setTimeout(
      () =>
        attempt.abort(new AppError('connect_timeout', 'Connecting took too long and was stopped.')),
      this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    )

    try {
      return await this.run(request, attempt.signal)
    } finally {
      clearTimeout(timer)
      this.attempt = null
    }
  }

  private async run(request: ConnectRequest, signal: AbortSignal): Promise<ConnectionSummary> {
    const log = this.deps.logger
    const application = await this.deps.application()
    const finch = finchForApplication(application)
    const customerId = this.customerIdFor(request.customerName)
    const state = randomBytes(32).toString('base64url')

    const session = await finch.connect.sessions
      .new({
        customer_id: customerId,
        customer_name: request.customerName,
        products: request.products as SessionNewParams['products'],
        redirect_uri: application.redirectUri,
      })
      .catch((error: unknown) => {
        throw toAppError(error, 'start a Connect session')
      })
    log.info(`session created for customer ${customerId}`)

    const connectUrl = new URL(session.connect_url)
    connectUrl.searchParams.set('state', state)
    const redirected = await raceAbort(
      this.deps.presenter.present({
        connectUrl: connectUrl.toString(),
        redirectUri: application.redirectUri,
        signal,
      }),
      signal,
    )

    const code = readRedirect(redirected, application.redirectUri, state)
    const token = await finch.accessTokens
      .create({
        code,
        client_id: application.clientId,
        client_secret: application.clientSecret,
        redirect_uri: application.redirectUri,
      })
      .catch((error: unknown) => {
        throw toAppError(error, 'finish connecting')
      })
    const introspection = await finchForConnection(application.baseURL, token.access_token)
      .account.introspect()
      .catch((error: unknown) => {
        throw toAppError(error, 'describe the new connection')
      })

    const tokenAccount = VAULT_ACCOUNTS.connectionToken(introspection.connection_id)
    await this.deps.vault.write(tokenAccount, token.access_token)
    try {
      this.deps.cache.saveConnection({
        connectionId: introspection.connection_id,
        environment: application.environment,
        companyId: introspection.company_id ?? token.company_id ?? introspection.connection_id,
        customerId,
        customerName: request.customerName,
        providerId: introspection.provider_id,
        connectionType: introspection.connection_type,
        products: introspection.products,
        connectedAt: new Date().toISOString(),
      })
    } catch (error) {
      await this.deps.vault.remove(tokenAccount)
      throw new AppError('storage_failed', 'The new connection could not be saved.', {
        cause: error,
      })
    }

    log.info(`connected ${introspection.connection_id} (${introspection.provider_id})`)
    this.deps.onConnectionsChanged('connected')
    const summary = this.deps.cache.getConnection(introspection.connection_id)
    if (!summary) throw new AppError('storage_failed', 'The new connection could not be read back.')
    return summary
  }

  /** A client company keeps one customer id, so its later connections group with the first. */
  private customerIdFor(customerName: string): string {
    const existing = this.deps.cache
      .listConnections()
      .find(
        (c) =>
          c.customerName.localeCompare(customerName, undefined, { sensitivity: 'accent' }) === 0,
      )
    return existing?.customerId ?? randomUUID()
  }
}

/**
 * Reads the code from Connect's redirect. The `state` must be the one this attempt made:
 * anything else may be a forged or replayed redirect, so the code is not even exchanged.
 */
export function readRedirect(url: string, redirectUri: string, expectedState: string): string {
  if (!isRedirectTo(url, redirectUri)) {
    throw new AppError('connect_failed', 'Connect returned to an unexpected address.')
  }
  const params = new URL(url).searchParams
  const state = params.get('state') ?? ''
  if (!sameSecret(state, expectedState)) {
    throw new AppError(
      'connect_state_mismatch',
      'Connect returned a response that does not belong to this attempt; nothing was saved.',
    )
  }
  const error = params.get('error')
  if (error) {
    if (error === 'access_denied')
      throw new AppError('connect_cancelled', 'Connecting was cancelled in Finch Connect.')
    throw new AppError(
      'connect_failed',
      `Finch Connect ended with an error (${error.replace(/[^a-z_]/gi, '').slice(0, 64)}).`,
    )
  }
  const code = params.get('code')
  if (!code) throw new AppError('connect_failed', 'Finch Connect returned no authorization code.')
  return code
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(
          error instanceof Error ? error : new AppError('connect_failed', 'Finch Connect failed.'),
        )
      },
    )
  })
}
