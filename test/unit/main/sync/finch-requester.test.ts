import { describe, expect, it } from 'vitest'
import { FinchRequester, retryAfterMs } from '../../../../src/main/sync/finch-requester'
import { RequestRateLimiter } from '../../../../src/main/sync/request-rate-limiter'

function requester(random: () => number): FinchRequester {
  return new FinchRequester({
    limiter: new RequestRateLimiter(null),
    retry: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 15_000, maxRateLimitWaits: 20 },
    timeoutMs: 1_000,
    signal: new AbortController().signal,
    random,
  })
}

describe('the retry rules of Finch requests', () => {
  it('backs off exponentially, half of each delay random, up to a ceiling', () => {
    const low = requester(() => 0)
    const high = requester(() => 0.999_999)

    expect([1, 2, 3, 4].map((attempt) => low.backoffMs(attempt))).toEqual([250, 500, 1_000, 2_000])
    expect([1, 2, 3, 4].map((attempt) => high.backoffMs(attempt))).toEqual([
      500, 1_000, 2_000, 4_000,
    ])
    expect(high.backoffMs(12)).toBe(15_000)
  })

  it('reads Retry-After in seconds, as a date, or in milliseconds', () => {
    const now = Date.parse('2026-12-01T12:00:00Z')

    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), now)).toBe(3_000)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 01 Dec 2026 12:00:05 GMT' }), now)).toBe(
      5_000,
    )
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250)
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeNull()
    expect(retryAfterMs(new Headers(), now)).toBeNull()
  })
})
