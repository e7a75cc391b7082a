/**
 * Sends one Finch request through the official SDK with the sync's own retry rules: the SDK's
 * retries are off (`maxRetries: 0`) so every attempt passes the rate limiter and is counted.
 * Server errors, dropped connections, cut-off bodies and malformed bodies are retried with
 * exponential backoff and jitter, a bounded number of times; a 429 waits out `Retry-After`;
 * a 202 comes back as "pending" rather than as data. The body is read and checked here, so a
 * truncated or malformed answer is never mistaken for data.
 */
import type Finch from '@tryfinch/finch-api'
import { APIError } from '@tryfinch/finch-api'
import type { APIPromise } from '@tryfinch/finch-api'
import { itemFailure } from './finch-checks'
import type { RequestRateLimiter } from './request-rate-limiter'
import {
  FinchRefusal,
  MalformedData,
  RetriesExhausted,
  SyncCancelled,
  boundedMessage,
  safeName,
} from './sync-errors'
import type { RetryReason } from './sync-errors'
import type { LimitBucket, RetrySettings } from './sync-settings'

/** Finch's freshness headers on a data answer. */
export interface FreshnessHeaders {
  dataRetrievedAt: string | null
  lastAttemptedUpdateAt: string | null
  lastAttemptedUpdateResult: string | null
}

/** What one product's requests cost, for progress events, freshness and the sync run. */
export interface RequestCounters {
  requests: number
  retries: number
  rateLimited: number
  freshness: FreshnessHeaders | null
  /** Told how long the product's next request must wait for Finch's rate limit, when long. */
  onRateLimitWait?: (waitMs: number) => void
}

export type FinchAnswer<T> =
  | { kind: 'data'; status: number; body: T }
  | { kind: 'pending'; finchCode: string | null; message: string | null }

export interface FinchRequest<T> {
  bucket: LimitBucket
  /** The product as errors name it (`pay statements`). */
  what: string
  counters: RequestCounters
  send: (options: RequestOptions) => APIPromise<unknown>
  /** Checks a body read whole; needed unless `consume` reads it. */
  check?: (body: unknown) => T
  /**
   * Reads the body itself as it streams (writing as it goes) instead of `check`. A failure
   * while reading is retried like any other, after `undo` took back what was written.
   */
  consume?: (response: Response) => Promise<T>
  undo?: () => void
}

/** The SDK's per-request options (signal, timeout, retries). */
export type RequestOptions = NonNullable<Parameters<Finch['hris']['company']['retrieve']>[1]>

/** What reading a body throws when the connection breaks or times out mid-way. */
const READ_FAILURES = new Set(['TypeError', 'AbortError', 'TimeoutError'])

type Failure =
  | { kind: 'rate_limited'; retryAfterMs: number | null }
  | { kind: 'transient'; reason: RetryReason; detail: string; cause?: unknown }

export interface RequesterOptions {
  limiter: RequestRateLimiter
  retry: RetrySettings
  timeoutMs: number
  /** Aborts every request and wait of the sync; its reason is what the requests throw. */
  signal: AbortSignal
  random?: () => number
}

export class FinchRequester {
  constructor(private readonly options: RequesterOptions) {}

  async request<T>(request: FinchRequest<T>): Promise<FinchAnswer<T>> {
    const { limiter, retry } = this.options
    let failedAttempts = 0
    let rateLimitWaits = 0

    for (;;) {
      this.throwIfCancelled()
      const permit = await limiter
        .acquire(request.bucket, this.options.signal, request.counters.onRateLimitWait)
        .catch(() => {
          throw this.cancellation()
        })
      request.counters.requests += 1
      let outcome: FinchAnswer<T> | Failure
      try {
        outcome = await this.attempt(request)
      } finally {
        permit.release()
      }
      if (outcome.kind === 'data' || outcome.kind === 'pending') return outcome

      request.counters.retries += 1
      if (outcome.kind === 'rate_limited') {
        request.counters.rateLimited += 1
        rateLimitWaits += 1
        if (rateLimitWaits > retry.maxRateLimitWaits) {
          throw new RetriesExhausted(request.what, 'rate_limited', rateLimitWaits, '429 answers')
        }
        limiter.pause(request.bucket, outcome.retryAfterMs ?? this.backoffMs(rateLimitWaits))
        continue
      }

      failedAttempts += 1
      if (failedAttempts >= retry.maxAttempts) {
        throw new RetriesExhausted(request.what, outcome.reason, failedAttempts, outcome.detail, {
          cause: outcome.cause,
        })
      }
      await this.sleep(this.backoffMs(failedAttempts))
    }
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, capped. */
  backoffMs(attempt: number): number {
    const { baseDelayMs, maxDelayMs } = this.options.retry
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
    const random = this.options.random ?? Math.random
    return Math.round(ceiling / 2 + (random() * ceiling) / 2)
  }

  private async attempt<T>(request: FinchRequest<T>): Promise<FinchAnswer<T> | Failure> {
    const signal = AbortSignal.any([
      this.options.signal,
      AbortSignal.timeout(this.options.timeoutMs),
    ])
    let response: Response
    try {
      response = await request
        .send({ maxRetries: 0, timeout: this.options.timeoutMs, signal })
        .asResponse()
    } catch (error) {
      this.throwIfCancelled()
      return this.failureOf(error, request.what)
    }
    request.counters.freshness = freshnessOf(response.headers) ?? request.counters.freshness
    if (request.consume && response.status !== 202) return this.consume(request, response)

    let body: unknown
    try {
      body = JSON.parse(await response.text())
    } catch (cause) {
      this.throwIfCancelled()
      return cause instanceof SyntaxError
        ? { kind: 'transient', reason: 'truncated', detail: 'a cut-off or invalid body', cause }
        : { kind: 'transient', reason: 'dropped', detail: 'the body stopped', cause }
    }
    if (response.status === 202) {
      const pending = itemFailure(body)
      return {
        kind: 'pending',
        finchCode: safeName(pending.finchCode),
        message: boundedMessage(pending.message),
      }
    }
    try {
      if (!request.check) throw new MalformedData(request.what, 'an answer read whole')
      return { kind: 'data', status: response.status, body: request.check(body) }
    } catch (error) {
      if (!(error instanceof MalformedData)) throw error
      return { kind: 'transient', reason: 'malformed', detail: error.message, cause: error }
    }
  }

  private async consume<T>(
    request: FinchRequest<T>,
    response: Response,
  ): Promise<FinchAnswer<T> | Failure> {
    try {
      return { kind: 'data', status: response.status, body: await request.consume!(response) }
    } catch (error) {
      this.throwIfCancelled()
      if (error instanceof MalformedData) {
        request.undo?.()
        return { kind: 'transient', reason: 'malformed', detail: error.message, cause: error }
      }
      if (error instanceof SyntaxError) {
        request.undo?.()
        return { kind: 'transient', reason: 'truncated', detail: 'a cut-off body', cause: error }
      }
      if (error instanceof Error && READ_FAILURES.has(error.name)) {
        request.undo?.()
        return { kind: 'transient', reason: 'dropped', detail: 'the body stopped', cause: error }
      }
      throw error
    }
  }

  /** Errors worth another attempt become failures; Finch's refusals are thrown as such. */
  private failureOf(error: unknown, what: string): Failure {
    if (error instanceof APIError && error.status !== undefined) {
      const status = error.status
      if (status === 429) return { kind: 'rate_limited', retryAfterMs: retryAfterMs(error.headers) }
      if (status === 408 || (status >= 500 && status !== 501)) {
        return { kind: 'transient', reason: 'server_error', detail: `HTTP ${status}`, cause: error }
      }
      throw new FinchRefusal(what, error)
    }
    // No status: the connection dropped or timed out, or the body stopped mid-way.
    if (error instanceof Error) {
      return { kind: 'transient', reason: 'dropped', detail: 'the connection failed', cause: error }
    }
    throw error
  }

  private throwIfCancelled(): void {
    if (this.options.signal.aborted) throw this.cancellation()
  }

  private cancellation(): Error {
    const reason: unknown = this.options.signal.reason
    return reason instanceof Error ? reason : new SyncCancelled()
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.options.signal
      if (signal.aborted) {
        reject(this.cancellation())
        return
      }
      const abort = () => {
        clearTimeout(timer)
        reject(this.cancellation())
      }
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', abort)
        resolve()
      }, ms)
      signal.addEventListener('abort', abort, { once: true })
    })
  }
}

function freshnessOf(headers: Headers): FreshnessHeaders | null {
  const dataRetrievedAt = headers.get('finch-data-retrieved')
  const lastAttemptedUpdateAt = headers.get('finch-last-attempted-update-date')
  const lastAttemptedUpdateResult = headers.get('finch-last-attempted-update-result')
  if (!dataRetrievedAt && !lastAttemptedUpdateAt && !lastAttemptedUpdateResult) return null
  return {
    dataRetrievedAt: boundedHeader(dataRetrievedAt),
    lastAttemptedUpdateAt: boundedHeader(lastAttemptedUpdateAt),
    lastAttemptedUpdateResult: safeName(lastAttemptedUpdateResult),
  }
}

function boundedHeader(value: string | null): string | null {
  return value === null ? null : value.slice(0, 64)
}

/** `Retry-After` in seconds or as an HTTP date (and the SDK's `retry-after-ms`). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '')
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds
  const value = headers?.get('retry-after')
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
