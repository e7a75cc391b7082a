/**
 * The sandbox's record of every request it answered, for tests that assert how the app behaved
 * (how often it retried, whether it respected a limit). It holds paths only: query strings and
 * bodies may carry session ids, codes or tokens.
 */
import type { RequestLogEntry, RequestSummary } from '../sandbox-options'

export class RequestLog {
  private readonly entries: RequestLogEntry[] = []

  add(entry: RequestLogEntry): void {
    this.entries.push(entry)
  }

  all(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }))
  }

  summary(): RequestSummary {
    const summary: RequestSummary = {}
    for (const entry of this.entries) {
      const byStatus = (summary[entry.endpoint] ??= {})
      const status = String(entry.status)
      byStatus[status] = (byStatus[status] ?? 0) + 1
    }
    return summary
  }
}
