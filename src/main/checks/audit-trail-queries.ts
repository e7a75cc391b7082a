/**
 * Reads the audit trail of one connection, newest first, a window at a time, for the checks page
 * and its export. The detail is flattened to `key: value` words; it never holds a revealed value.
 */
import type { AuditEntry, AuditPage } from '../../shared/checks'
import type { CacheDatabase } from '../cache/open-database'
import type { ExportColumn, ExportSheet } from '../export/export-columns'

interface AuditRecord {
  id: number
  occurred_at: string
  actor: string
  action: string
  subject: string | null
  detail_json: string
}

export function readAuditPage(
  db: CacheDatabase,
  query: { connectionId: string; offset: number; limit: number },
): AuditPage {
  const { total } = db
    .prepare('SELECT count(*) AS total FROM audit_event WHERE connection_id = ?')
    .get(query.connectionId) as { total: number }
  const records = db
    .prepare(
      `SELECT id, occurred_at, actor, action, subject, detail_json FROM audit_event
       WHERE connection_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(query.connectionId, query.limit, query.offset) as AuditRecord[]
  return { total, offset: query.offset, rows: records.map(toEntry) }
}

function toEntry(record: AuditRecord): AuditEntry {
  return {
    id: record.id,
    occurredAt: record.occurred_at,
    actor: record.actor,
    action: record.action,
    subject: record.subject,
    detail: describeDetail(record.detail_json),
  }
}

/** `format: csv, rowCount: 12`; nested values are shown as JSON. */
export function describeDetail(detailJson: string): string {
  let detail: unknown
  try {
    detail = JSON.parse(detailJson)
  } catch {
    return ''
  }
  if (detail === null || typeof detail !== 'object') return ''
  return Object.entries(detail)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(', ')
}

const AUDIT_COLUMNS: ExportColumn<AuditEntry>[] = [
  { header: 'When (UTC)', kind: 'text', value: (row) => row.occurredAt, width: 26 },
  { header: 'Who', kind: 'text', value: (row) => row.actor, width: 18 },
  { header: 'Action', kind: 'text', value: (row) => row.action, width: 14 },
  { header: 'Subject', kind: 'text', value: (row) => row.subject, width: 22 },
  { header: 'Detail', kind: 'text', value: (row) => row.detail, width: 60 },
]

export function auditTrailSheet(db: CacheDatabase, connectionId: string): ExportSheet<AuditEntry> {
  return { name: 'Audit trail', columns: AUDIT_COLUMNS, batches: auditBatches(db, connectionId) }
}

function* auditBatches(db: CacheDatabase, connectionId: string, batchSize = 1_000) {
  for (let offset = 0; ; offset += batchSize) {
    const { rows } = readAuditPage(db, { connectionId, offset, limit: batchSize })
    if (rows.length > 0) yield rows
    if (rows.length < batchSize) return
  }
}
