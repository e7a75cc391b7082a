/**
 * Records sensitive acts in the `audit_event` table: who revealed an SSN, exported a table or
 * ran a sync, and when. The actor is the operating-system account, since the app has no logins
 * of its own. Callers pass what was acted on, never the sensitive value itself.
 */
import { userInfo } from 'node:os'
import type { CacheDatabase } from '../cache/open-database'

export type AuditAction = 'reveal_ssn' | 'export' | 'sync' | (string & {})

export interface AuditEvent {
  action: AuditAction
  connectionId: string | null
  /** What was acted on, such as an individual id or a table name. */
  subject: string | null
  detail?: Record<string, unknown>
  /** Defaults to now; tests pass a fixed time. */
  occurredAt?: string
  /** Defaults to the operating-system user running the app. */
  actor?: string
}

/** Appends one event and returns its id. */
export function recordAuditEvent(db: CacheDatabase, event: AuditEvent): number {
  const result = db
    .prepare(
      `INSERT INTO audit_event (occurred_at, actor, action, connection_id, subject, detail_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.occurredAt ?? new Date().toISOString(),
      event.actor ?? currentActor(),
      event.action,
      event.connectionId,
      event.subject,
      JSON.stringify(event.detail ?? {}),
    )
  return Number(result.lastInsertRowid)
}

function currentActor(): string {
  try {
    return userInfo().username
  } catch {
    // Some containers run as a uid with no passwd entry.
    return `uid:${process.getuid?.() ?? 'unknown'}`
  }
}
