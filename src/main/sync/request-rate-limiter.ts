/**
 * The client side of Finch's rate limits: a rolling window per product and one over everything
 * (Finch's per-IP limit), shared by every sync of the app because Finch counts per application.
 * A request holds a slot from the moment it is sent until one window after its answer arrived:
 * Finch counts it when it arrives, which is no later than the answer, so the client never
 * believes a slot is free before Finch does. A 429's `Retry-After` pauses the product.
 */
import type { LimitBucket, RateLimitSettings } from './sync-settings'

interface Window {
  limit: number
  windowMs: number
  /** When each counted request completed; Infinity while it is in flight. */
  slots: number[]
  pausedUntil: number
}

export interface RatePermit {
  /** Starts the slot's window at the answer's arrival (or failure). */
  release(): void
}

/** A margin for clocks that disagree a little with Finch's. */
const MARGIN_SHARE = 0.01

/** Waits shorter than this are not worth telling the accountant about. */
export const REPORTED_WAIT_MS = 1_000

export class RequestRateLimiter {
  private readonly windows = new Map<string, Window>()
  private readonly waiters = new Set<() => void>()

  constructor(
    private readonly settings: RateLimitSettings | null,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Waits until both the product's window and the overall window have room, then takes both.
   * `onWait` hears of each wait of `REPORTED_WAIT_MS` or longer before it starts.
   */
  async acquire(
    bucket: LimitBucket,
    signal: AbortSignal,
    onWait?: (waitMs: number) => void,
  ): Promise<RatePermit> {
    if (!this.settings) {
      await this.waitOutPause(bucket, signal, onWait)
      return { release: () => undefined }
    }
    const windows = [this.window(bucket), this.window('*')]
    for (;;) {
      signal.throwIfAborted()
      const now = this.clock()
      const waits = windows.map((window) => this.waitFor(window, now))
      if (waits.every((wait) => wait === 0)) break
      const known = waits.filter((wait): wait is number => wait !== null)
      const wait = known.length > 0 ? Math.max(...known) : null
      if (wait !== null && wait >= REPORTED_WAIT_MS) onWait?.(wait)
      await this.sleep(wait, signal)
    }

    for (const window of windows) window.slots.push(Infinity)
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        const at = this.clock()
        for (const window of windows) {
          const index = window.slots.indexOf(Infinity)
          if (index >= 0) window.slots[index] = at
        }
        this.wakeAll()
      },
    }
  }

  /** Finch said 429: no request for this product goes out before `retryAfterMs` has passed. */
  pause(bucket: LimitBucket, retryAfterMs: number): void {
    const window = this.window(bucket)
    window.pausedUntil = Math.max(window.pausedUntil, this.clock() + retryAfterMs)
  }

  /** 0 when a slot is free now, the ms until one frees up, or null when only a release helps. */
  private waitFor(window: Window, now: number): number | null {
    if (now < window.pausedUntil) return window.pausedUntil - now
    const span = window.windowMs * (1 + MARGIN_SHARE)
    window.slots = window.slots.filter((completedAt) => completedAt + span > now)
    if (window.slots.length < window.limit) return 0
    const oldest = Math.min(...window.slots)
    return Number.isFinite(oldest) ? Math.max(1, Math.ceil(oldest + span - now)) : null
  }

  private async waitOutPause(
    bucket: LimitBucket,
    signal: AbortSignal,
    onWait?: (waitMs: number) => void,
  ): Promise<void> {
    const window = this.windows.get(bucket)
    while (window && this.clock() < window.pausedUntil) {
      const wait = window.pausedUntil - this.clock()
      if (wait >= REPORTED_WAIT_MS) onWait?.(wait)
      await this.sleep(wait, signal)
    }
  }

  private window(key: LimitBucket | '*'): Window {
    let window = this.windows.get(key)
    if (!window) {
      const settings = this.settings
      window = {
        limit: !settings
          ? Infinity
          : key === '*'
            ? settings.overall.limit
            : settings.perProduct[key],
        windowMs: !settings ? 0 : key === '*' ? settings.overall.windowMs : settings.windowMs,
        slots: [],
        pausedUntil: 0,
      }
      this.windows.set(key, window)
    }
    return window
  }

  /** Sleeps `ms` (or until some request completes when null), waking early on a release. */
  private sleep(ms: number | null, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason)
        return
      }
      const done = () => {
        if (timer) clearTimeout(timer)
        this.waiters.delete(wake)
        signal.removeEventListener('abort', abort)
      }
      const wake = () => {
        done()
        resolve()
      }
      const abort = () => {
        done()
        reject(signal.reason)
      }
      const timer = ms === null ? null : setTimeout(wake, ms)
      this.waiters.add(wake)
      signal.addEventListener('abort', abort, { once: true })
    })
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake()
  }
}
