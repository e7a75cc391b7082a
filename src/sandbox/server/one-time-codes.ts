/**
 * Short-lived, single-use random codes that stand for a value held on the server: Connect's
 * authorization codes and the tickets an OAuth pop-up hands back to its opener.
 */
import { randomBytes } from 'node:crypto'

interface Entry<T> {
  value: T
  expiresAt: number
  used: boolean
}

export type Redemption<T> =
  { ok: true; value: T } | { ok: false; reason: 'unknown' | 'used' | 'expired' }

export class OneTimeCodes<T> {
  private readonly entries = new Map<string, Entry<T>>()

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number,
  ) {}

  issue(value: T): string {
    this.prune()
    const code = randomBytes(24).toString('base64url')
    this.entries.set(code, { value, expiresAt: this.now() + this.lifetimeMs, used: false })
    return code
  }

  /** Looks a code up without using it, so a caller can check what it is bound to first. */
  peek(code: string): Redemption<T> {
    const entry = this.entries.get(code)
    if (!entry) return { ok: false, reason: 'unknown' }
    if (entry.used) return { ok: false, reason: 'used' }
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'expired' }
    return { ok: true, value: entry.value }
  }

  redeem(code: string): Redemption<T> {
    const redemption = this.peek(code)
    if (redemption.ok) this.entries.get(code)!.used = true
    return redemption
  }

  /** Used codes are kept until they expire, so a replay is told "used" rather than "unknown". */
  private prune(): void {
    const now = this.now()
    for (const [code, entry] of this.entries) {
      if (now >= entry.expiresAt) this.entries.delete(code)
    }
  }
}
