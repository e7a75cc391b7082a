/**
 * The connect flow, all in main: create a Connect session (new, or re-authentication of a
 * connection Finch cut off), show Connect in the app window or in the system browser, then hand
 * the redirect to `finishConnect`, which both ways share. One attempt runs at a time, with a
 * fresh random `state`, a timeout and a cancel; nothing is stored unless every step succeeded.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type Finch from '@tryfinch/finch-api'
import type { SessionNewParams } from '@tryfinch/finch-api/resources/connect'
import { AppError } from '../../shared/app-error'
import { CONNECT_TIMEOUT_MINUTES } from '../../shared/domain'
import type {
  ConnectOpenIn,
  ConnectSandboxMode,
  ConnectionSummary,
  FinchProduct,
} from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import type { ClientRecord, ConnectionStore } from '../connections/connection-store'
import type { FinchApplication } from '../finch/finch-gateway'
import { finchForApplication, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import { isLoopbackOrHttps } from '../settings/url-rules'
import type { SecretVault } from '../vault/secret-vault'
import type { ConnectPresenter } from './connect-presenter'
import type { ConnectTarget } from './finish-connect'
import { finishConnect } from './finish-connect'
import { listenForCallback } from './loopback-callback'

export { readRedirect } from './read-redirect'

export interface ConnectRequest {
  /** A new client company; ignored when `customerId` names an existing one. */
  customerName?: string
  customerId?: string
  products: FinchProduct[]
  sandbox?: ConnectSandboxMode
  openIn?: ConnectOpenIn
}

export interface ReauthenticateRequest {
  connectionId: string
  openIn?: ConnectOpenIn
}

export type ConnectApplication = FinchApplication & {
  redirectUri: string
  environment: 'demo' | 'finch'
}

export interface ConnectFlowDeps {
  application: () => Promise<ConnectApplication>
  vault: SecretVault
  cache: PayrollCache
  store: ConnectionStore
  presenter: ConnectPresenter
  /** Opens a URL in the system browser; without it, "Connect in my browser" is unavailable. */
  openExternal?: (url: string) => Promise<void>
  /** The fixed loopback port for the browser callback; null or absent picks a free one. */
  browserCallbackPort?: () => number | null
  logger: Logger
  onConnectionsChanged: (reason: string) => void
  /** How long the user has to finish Connect. */
  timeoutMs?: number
}

/** How Connect is shown for one attempt, and where it sends the browser back. */
interface ConnectChannel {
  redirectUri: string
  present(connectUrl: string): Promise<string>
  close(): Promise<void>
}

type CreateSession = (finch: Finch, redirectUri: string) => Promise<{ connect_url: string }>

const DEFAULT_TIMEOUT_MS = CONNECT_TIMEOUT_MINUTES * 60_000

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

  connect(request: ConnectRequest): Promise<ConnectionSummary> {
    return this.run(async (signal) => {
      const application = await this.deps.application()
      const client = this.clientFor(request)
      const products = request.products as SessionNewParams['products']
      const summary = await this.present({
        application,
        openIn: request.openIn ?? 'app',
        target: { kind: 'new', client },
        signal,
        createSession: (finch, redirectUri) =>
          finch.connect.sessions.new(
            {
              customer_id: client.customerId,
              customer_name: client.name,
              products,
              redirect_uri: redirectUri,
              ...(request.sandbox ? { sandbox: request.sandbox } : {}),
            },
            { signal },
          ),
      })
      this.deps.onConnectionsChanged('connected')
      return summary
    })
  }

  /**
   * Reconnects a connection Finch cut off (`reauthenticate_user`). Finch keeps its identifiers,
   * so the new token replaces the old one and the cached data stays with the connection.
   */
  reauthenticate(request: ReauthenticateRequest): Promise<ConnectionSummary> {
    return this.run(async (signal) => {
      const connection = this.deps.cache.getConnection(request.connectionId)
      if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
      if (connection.status === 'disconnected') {
        throw new AppError(
          'connect_failed',
          'This connection was disconnected. Connect the company again instead of reconnecting it.',
        )
      }
      const application = await this.deps.application()
      const environment = this.deps.cache.connectionEnvironment(connection.connectionId)
      if (environment !== application.environment) {
        throw new AppError(
          'connect_failed',
          `This connection was made ${environment === 'demo' ? 'in demo mode' : 'with Finch'}; switch Settings back to it to reconnect.`,
        )
      }
      const summary = await this.present({
        application,
        openIn: request.openIn ?? 'app',
        target: { kind: 'reauthenticate', connection },
        signal,
        createSession: (finch, redirectUri) =>
          finch.connect.sessions.reauthenticate(
            { connection_id: connection.connectionId, redirect_uri: redirectUri },
            { signal },
          ),
      })
      this.deps.onConnectionsChanged('reauthenticated')
      return summary
    })
  }

  /** Runs one attempt: refuses a second, and ends it on cancel or after the timeout. */
  private async run<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
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
      return await body(attempt.signal)
    } finally {
      clearTimeout(timer)
      this.attempt = null
    }
  }

  private async present(options: {
    application: ConnectApplication
    openIn: ConnectOpenIn
    target: ConnectTarget
    signal: AbortSignal
    createSession: CreateSession
  }): Promise<ConnectionSummary> {
    const { application, signal } = options
    // A keychain that cannot take the token is found out before the employer signs in.
    await this.deps.vault.assertWritable()
    const state = randomBytes(32).toString('base64url')
    const channel = await this.openChannel(options.openIn, application, state, signal)

    try {
      const session = await options
        .createSession(finchForApplication(application), channel.redirectUri)
        .catch((error: unknown) => {
          if (signal.aborted) throw signal.reason as Error
          throw toAppError(error, 'start a Connect session')
        })
      this.deps.logger.info(`session created (${options.target.kind}, ${options.openIn})`)

      const redirectUrl = await raceAbort(
        channel.present(connectUrlWithState(session.connect_url, state)),
        signal,
      )
      return await finishConnect(this.deps, {
        application,
        redirectUrl,
        redirectUri: channel.redirectUri,
        expectedState: state,
        target: options.target,
        signal,
      })
    } finally {
      await channel.close()
    }
  }

  private async openChannel(
    openIn: ConnectOpenIn,
    application: ConnectApplication,
    state: string,
    signal: AbortSignal,
  ): Promise<ConnectChannel> {
    if (openIn === 'app') {
      const { presenter } = this.deps
      return {
        redirectUri: application.redirectUri,
        present: (connectUrl) =>
          presenter.present({ connectUrl, redirectUri: application.redirectUri, signal }),
        close: async () => undefined,
      }
    }

    const openExternal = this.deps.openExternal
    if (!openExternal) {
      throw new AppError(
        'connect_failed',
        'This window cannot open Finch Connect in the system browser; connect in the app instead.',
      )
    }
    const listener = await listenForCallback({
      port: this.deps.browserCallbackPort?.() ?? 0,
      expectedState: state,
      signal,
      logger: this.deps.logger,
    })
    return {
      redirectUri: listener.redirectUri,
      present: async (connectUrl) => {
        await openExternal(connectUrl).catch((cause: unknown) => {
          throw new AppError(
            'connect_failed',
            'The system browser could not be opened. Connect in the app instead.',
            { cause },
          )
        })
        return listener.received
      },
      close: () => listener.close(),
    }
  }

  /** The client an attempt is for: an existing one by id or name, or a new one (saved on success). */
  private clientFor(request: ConnectRequest): ClientRecord {
    if (request.customerId) {
      const client = this.deps.store.getClient(request.customerId)
      if (!client) throw new AppError('not_found', 'That client is not in the cache.')
      return client
    }
    const name = (request.customerName ?? '').trim()
    if (!name) throw new AppError('invalid_argument', 'customerName: enter the client’s name.')
    return (
      this.deps.store.findClientByName(name) ?? {
        customerId: randomUUID(),
        name,
        createdAt: new Date().toISOString(),
      }
    )
  }
}

/**
 * The Connect URL Finch answered, with this attempt's `state`. Only https (or the local sandbox
 * on loopback) is opened: the URL may go to the system browser, which would follow any scheme.
 */
function connectUrlWithState(connectUrl: string, state: string): string {
  if (!isLoopbackOrHttps(connectUrl)) {
    throw new AppError(
      'connect_failed',
      'Finch answered with a Connect address the app will not open.',
    )
  }
  const url = new URL(connectUrl)
  url.searchParams.set('state', state)
  return url.toString()
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
