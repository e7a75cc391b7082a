/**
 * Decides, request by request, which injected failure (if any) the sandbox answers with. Every
 * request draws the same count of random numbers whatever the outcome, so a seed replays the
 * same failures in the same places as long as the requests arrive in the same order.
 */
import type { FaultKind, FaultOptions } from '../sandbox-options'
import { seededRandom } from './seeded-random'

export interface FaultDecision {
  fault: FaultKind | null
  latencyMs: number
}

const DEFAULT_PATHS = ['/employer/']
const DEFAULT_BURST_LENGTH = 3

export class FaultPlan {
  private readonly random: () => number
  private burstLeft = 0

  constructor(private readonly options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1)
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1
  }

  decide(path: string): FaultDecision {
    const paths = this.options.paths ?? DEFAULT_PATHS
    if (!paths.some((prefix) => path.startsWith(prefix))) return { fault: null, latencyMs: 0 }

    const [latencyDraw, dropDraw, truncateDraw, serverDraw, gatewayDraw, burstDraw] = Array.from(
      { length: 6 },
      () => this.random(),
    ) as [number, number, number, number, number, number]

    return {
      fault: this.pickFault(dropDraw, truncateDraw, serverDraw, gatewayDraw, burstDraw),
      latencyMs: this.latency(latencyDraw),
    }
  }

  private pickFault(
    dropDraw: number,
    truncateDraw: number,
    serverDraw: number,
    gatewayDraw: number,
    burstDraw: number,
  ): FaultKind | null {
    if (this.burstLeft > 0) {
      this.burstLeft -= 1
      return 'rate_limit_burst'
    }
    if (burstDraw < (this.options.rateLimitBurstRate ?? 0)) {
      this.burstLeft = (this.options.rateLimitBurstLength ?? DEFAULT_BURST_LENGTH) - 1
      return 'rate_limit_burst'
    }
    if (dropDraw < (this.options.dropRate ?? 0)) return 'dropped'
    if (serverDraw < (this.options.serverErrorRate ?? 0)) return 'server_error'
    if (gatewayDraw < (this.options.badGatewayRate ?? 0)) return 'bad_gateway'
    if (truncateDraw < (this.options.truncateRate ?? 0)) return 'truncated'
    return null
  }

  private latency(draw: number): number {
    const latency = this.options.latencyMs ?? 0
    if (typeof latency === 'number') return Math.max(0, latency)
    const [min, max] = latency
    return Math.max(0, Math.round(min + draw * (max - min)))
  }
}
