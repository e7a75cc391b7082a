import { describe, expect, it } from 'vitest'
import { RequestRateLimiter } from '../../../../src/main/sync/request-rate-limiter'
import { FINCH_RATE_LIMITS } from '../../../../src/main/sync/sync-settings'

const WINDOW_MS = 100

function limiter(perProduct = 3, overall = 1_000): RequestRateLimiter {
  return new RequestRateLimiter({
    perProduct: { ...FINCH_RATE_LIMITS.perProduct, company: perProduct, directory: perProduct },
    windowMs: WINDOW_MS,
    overall: { limit: overall, windowMs: WINDOW_MS },
  })
}

const signal = new AbortController().signal

describe('the client-side rate limiter', () => {
  it('lets a product send its limit at once, then waits a window after the first answer', async () => {
    const limits = limiter(3)
    const start = Date.now()
    const permits = await Promise.all([1, 2, 3].map(() => limits.acquire('company', signal)))
    for (const permit of permits) permit.release()
    const firstThree = Date.now() - start

    await limits.acquire('company', signal)

    expect(firstThree).toBeLessThan(WINDOW_MS / 2)
    expect(Date.now() - start).toBeGreaterThanOrEqual(WINDOW_MS)
  })

  it('counts requests still in flight, so a slow answer holds its slot', async () => {
    const limits = limiter(1)
    const permit = await limits.acquire('company', signal)
    let second = false
    const waiting = limits.acquire('company', signal).then(() => (second = true))

    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 2))
    const beforeRelease = second
    permit.release()
    await waiting

    expect(beforeRelease).toBe(false)
    expect(second).toBe(true)
  })

  it('keeps products apart but shares the overall limit', async () => {
    const limits = limiter(2, 3)
    await limits.acquire('company', signal)
    await limits.acquire('company', signal)
    const start = Date.now()

    const permit = await limits.acquire('directory', signal)
    permit.release()
    const other = Date.now() - start
    await limits.acquire('directory', signal)

    expect(other).toBeLessThan(WINDOW_MS / 2)
    expect(Date.now() - start).toBeGreaterThanOrEqual(WINDOW_MS)
  })

  it('holds a product back for the Retry-After Finch sent', async () => {
    const limits = limiter(10)
    limits.pause('company', 80)
    const start = Date.now()

    await limits.acquire('company', signal)

    expect(Date.now() - start).toBeGreaterThanOrEqual(75)
  })

  it('says how long a wait of a second or more will be before it starts, and not shorter ones', async () => {
    const slow = new RequestRateLimiter({
      perProduct: { ...FINCH_RATE_LIMITS.perProduct, company: 1 },
      windowMs: 1_200,
      overall: { limit: 1_000, windowMs: 1_200 },
    })
    const heard: number[] = []
    ;(await slow.acquire('company', signal, (ms) => heard.push(ms))).release()
    expect(heard).toEqual([])

    const start = Date.now()
    await slow.acquire('company', signal, (ms) => heard.push(ms))

    expect(heard).toHaveLength(1)
    expect(heard[0]).toBeGreaterThanOrEqual(1_000)
    expect(heard[0]).toBeLessThanOrEqual(1_300)
    expect(Date.now() - start).toBeGreaterThanOrEqual(heard[0]! - 20)

    const quick = limiter(1)
    ;(await quick.acquire('company', signal)).release()
    await quick.acquire('company', signal, (ms) => heard.push(ms))
    expect(heard).toHaveLength(1)
  })

  it('stops waiting when the sync is cancelled', async () => {
    const limits = limiter(1)
    await limits.acquire('company', signal)
    const controller = new AbortController()

    const waiting = limits.acquire('company', controller.signal)
    controller.abort(new Error('cancelled'))

    await expect(waiting).rejects.toThrow('cancelled')
  })
})
