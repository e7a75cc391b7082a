/**
 * The ways a sync stops early, as types the orchestrator can tell apart: cancelled by the
 * accountant, refused by Finch (with Finch's names only, never its message), out of retries, or
 * handed data it cannot read. Messages name the product and field, never a value.
 */
import type { APIError } from '@tryfinch/finch-api'

export class SyncCancelled extends Error {
  constructor() {
    super('The sync was cancelled.')
    this.name = 'SyncCancelled'
  }
}

/** A non-retryable error answer (4xx, 501) for a whole request. */
export class FinchRefusal extends Error {
  readonly status: number
  readonly errorName: string | null
  readonly finchCode: string | null

  constructor(
    readonly product: string,
    override readonly cause: APIError,
  ) {
    const body = (cause.error ?? {}) as { name?: unknown; finch_code?: unknown }
    const status = cause.status ?? 0
    super(`Finch refused to serve ${product} (${status}).`)
    this.name = 'FinchRefusal'
    this.status = status
    this.errorName = safeName(body.name)
    this.finchCode = safeName(body.finch_code)
  }

  /** Finch says this product is not there for this connection, rather than that something broke. */
  get productUnavailable(): boolean {
    return [403, 404, 405, 501].includes(this.status)
  }
}

export type RetryReason = 'server_error' | 'dropped' | 'truncated' | 'malformed' | 'rate_limited'

export class RetriesExhausted extends Error {
  constructor(
    readonly product: string,
    readonly reason: RetryReason,
    readonly attempts: number,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Finch did not answer ${product} properly after ${attempts} attempts (${detail}).`,
      options,
    )
    this.name = 'RetriesExhausted'
  }
}

/** A body (or one item of it) that is not the shape Finch documents. */
export class MalformedData extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path} is not ${expected}`)
    this.name = 'MalformedData'
  }
}

/** Finch's error names are short snake_case words; anything else is not repeated. */
export function safeName(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z0-9_]{1,64}$/.test(value) ? value : null
}

/** Finch's own message for a failed item, kept in the cache for the accountant, bounded. */
export function boundedMessage(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 500) : null
}
