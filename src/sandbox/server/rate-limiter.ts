/**
 * Finch's application rate limits: a rolling window per product, shared by every token of one
 * application. Only accepted requests count, so a client that backs off recovers on schedule.
 */
import type { Product } from './product'

/** Requests per window Finch allows each application; products not listed get the default. */
export const FINCH_PRODUCT_LIMITS: Partial<Record<Product, number>> = {
  company: 20,
  directory: 20,
  individual: 20,
  employment: 20,
  payment: 12,
  pay_statement: 12,
}

export const DEFAULT_PRODUCT_LIMIT = 20
export const FINCH_RATE_WINDOW_MS = 60_000

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export class RateLimiter {
  private readonly accepted = new Map<string, number[]>()

  constructor(
    private readonly limits: Partial<Record<Product, number>>,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  take(clientId: string, product: Product): RateDecision {
    const now = this.now()
    const key = `${clientId}\u0000${product}`
    const recent = (this.accepted.get(key) ?? []).filter((at) => at > now - this.windowMs)
    const limit = this.limits[product] ?? DEFAULT_PRODUCT_LIMIT

    if (recent.length >= limit) {
      this.accepted.set(key, recent)
      const freeAt = recent[recent.length - limit]! + this.windowMs
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) }
    }

    recent.push(now)
    this.accepted.set(key, recent)
    return { allowed: true }
  }
}
