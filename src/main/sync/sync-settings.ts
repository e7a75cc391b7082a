/**
 * How a sync reads Finch: batch and page sizes (Finch's documented ceilings), the payment window,
 * when a sync is incremental, the client-side rate limits (Finch's per-application limits per
 * product over a rolling minute, and its per-IP limit) and the retry budget. Every number can be
 * overridden; tests and benchmarks shrink the windows and delays.
 */

/** The request budgets Finch counts separately (pay groups count as `payment` here). */
export const LIMIT_BUCKETS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
] as const

export type LimitBucket = (typeof LIMIT_BUCKETS)[number]

export interface RateLimitSettings {
  /** Requests per rolling window for each product. */
  perProduct: Record<LimitBucket, number>
  windowMs: number
  /** Finch's per-IP ceiling over all products: 1,000 requests in 5 minutes. */
  overall: { limit: number; windowMs: number }
}

export interface RetrySettings {
  /** Attempts per request for server errors, dropped connections and cut-off bodies. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** 429 answers one request may wait out before the sync gives up. */
  maxRateLimitWaits: number
}

export interface SyncSettings {
  /** The first pay date a full sync reads; by default Jan 1 of last year. */
  paymentsFrom(today: string): string
  /** An incremental sync re-reads payments paid in these last days. */
  recentPaymentDays: number
  /** After this many days since the last full read, a sync reads everything again. */
  fullSyncAfterDays: number
  directoryPageSize: number
  /** Individuals or employments per batch request (the SDK documents 10,000 at most). */
  peoplePerRequest: number
  /** Payments per pay-statement request (the SDK documents 10 at most). */
  paymentsPerStatementRequest: number
  /** Statements per page of one payment (the SDK documents 5,000 at most). */
  statementsPerPage: number
  /** Statements one pay-statement request may ask for in all, which bounds a body's size. */
  statementsPerRequest: number
  /**
   * A streamed answer is scanned, and what it held written in one transaction, about this many
   * bytes at a time: larger pieces mean fewer commits, smaller ones less memory.
   */
  bodyBytesPerWrite: number
  /** The most statements one transaction writes, whatever a piece held. */
  statementsPerWrite: number
  /** Null turns the client-side limiter off (Finch's 429s are still honoured). */
  rateLimits: RateLimitSettings | null
  retry: RetrySettings
  requestTimeoutMs: number
  /** The clock; tests move it. */
  now(): Date
}

export const FINCH_RATE_LIMITS: RateLimitSettings = {
  perProduct: {
    company: 20,
    directory: 20,
    individual: 20,
    employment: 20,
    payment: 12,
    pay_statement: 12,
    benefits: 20,
  },
  windowMs: 60_000,
  overall: { limit: 1_000, windowMs: 300_000 },
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  paymentsFrom: (today) => `${Number(today.slice(0, 4)) - 1}-01-01`,
  recentPaymentDays: 60,
  fullSyncAfterDays: 7,
  directoryPageSize: 10_000,
  peoplePerRequest: 10_000,
  paymentsPerStatementRequest: 10,
  statementsPerPage: 5_000,
  statementsPerRequest: 10_000,
  bodyBytesPerWrite: 512_000,
  statementsPerWrite: 2_000,
  rateLimits: FINCH_RATE_LIMITS,
  retry: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 15_000, maxRateLimitWaits: 20 },
  requestTimeoutMs: 120_000,
  now: () => new Date(),
}

export function syncSettings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, ...overrides }
}

/** The same limits over a window `factor` times shorter, for benchmarks that cannot wait. */
export function scaledRateLimits(factor: number, base = FINCH_RATE_LIMITS): RateLimitSettings {
  return {
    perProduct: { ...base.perProduct },
    windowMs: Math.round(base.windowMs / factor),
    overall: { limit: base.overall.limit, windowMs: Math.round(base.overall.windowMs / factor) },
  }
}
