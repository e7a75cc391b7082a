/**
 * Reads the audit trail of one connection, newest first, a window at a time, for the checks page
 * and its export, every kind of event in words. The detail never holds a revealed value.
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
  /** The directory's name for the subject, when the subject is a person of the connection. */
  person_name: string | null
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
      `SELECT e.id, e.occurred_at, e.actor, e.action, e.subject, e.detail_json,
         nullif(trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')), '')
           AS person_name
       FROM audit_event e
       LEFT JOIN directory_entry d
         ON d.connection_id = e.connection_id AND d.individual_id = e.subject
       WHERE e.connection_id = ? ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    )
    .all(query.connectionId, query.limit, query.offset) as AuditRecord[]
  return { total, offset: query.offset, rows: records.map(toEntry) }
}

function toEntry(record: AuditRecord): AuditEntry {
  const detail = parseDetail(record.detail_json)
  return {
    id: record.id,
    occurredAt: record.occurred_at,
    actor: record.actor,
    action: record.action,
    actionLabel: ACTION_LABELS[record.action] ?? sentenceCase(record.action),
    subject: describeSubject(record),
    detail: describeDetail(record.action, detail),
  }
}

const ACTION_LABELS: Record<string, string> = {
  sync: 'Synced',
  export: 'Exported',
  reveal_ssn: 'Revealed an SSN',
}

/** The tables an export names, as their pages title them. */
const TABLE_TITLES: Record<string, string> = {
  directory: 'People',
  company: 'Company details',
  checks: 'Accountant checks',
  cash_requirement: 'Cash requirement',
  audit_trail: 'Audit trail',
  year_end: 'Year-end summary',
  pay_runs: 'Pay runs',
  register: 'Payroll register',
  ytd: 'Year to date',
  ytd_people: 'Year to date per person',
  pay_history: 'Pay history',
  pay_statement: 'Pay statement',
  income_history: 'Income history',
  custom_fields: 'Custom fields',
  matched_people: 'People across connections',
}

const SYNC_MODES: Record<string, string> = {
  full: 'All data',
  incremental: 'Recent changes',
}

/**
 * Words for the keys syncs and exports record, one for a count of one and one for any other
 * count; a key not listed is turned into words from its name. Syncs count the cached tables
 * (`benefit`, `pay_group`); the product names (`benefits`, `pay_groups`) read the same.
 */
const DETAIL_WORDS: Record<string, readonly [one: string, other: string]> = {
  rowCount: ['row', 'rows'],
  pay_statement: ['pay statement', 'pay statements'],
  payment: ['payment', 'payments'],
  directory: ['person in the directory', 'people in the directory'],
  individual: ['personal record', 'personal records'],
  employment: ['employment record', 'employment records'],
  company: ['company record', 'company records'],
  benefit: ['benefit', 'benefits'],
  benefits: ['benefit', 'benefits'],
  benefit_enrollment: ['benefit enrollment', 'benefit enrollments'],
  pay_group: ['pay group', 'pay groups'],
  pay_groups: ['pay group', 'pay groups'],
}

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' }

function parseDetail(detailJson: string): Record<string, unknown> {
  try {
    const detail: unknown = JSON.parse(detailJson)
    return detail !== null && typeof detail === 'object' && !Array.isArray(detail)
      ? (detail as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/**
 * A revealed number's subject is the person's id, shown as their name; a person no longer in
 * the directory is said to be so rather than shown by id.
 */
function describeSubject(record: AuditRecord): string | null {
  const subject = record.subject
  if (subject === null || subject === '') return null
  if (record.action === 'export') return TABLE_TITLES[subject] ?? sentenceCase(subject)
  if (record.action === 'sync') return SYNC_MODES[subject] ?? sentenceCase(subject)
  if (record.action.startsWith('reveal')) {
    return record.person_name ?? 'A person no longer in the directory'
  }
  return record.person_name ?? sentenceCase(subject)
}

/**
 * The detail in words, such as `CSV, 12 rows` or `Succeeded: 120 people in the directory, 48
 * payments`. Nothing is shown as JSON; a nested value is spelled out the same way.
 */
export function describeDetail(action: string, detail: Record<string, unknown>): string {
  if (action === 'export') {
    const parts = [FORMAT_NAMES[String(detail.format)] ?? describeValue(detail.format)]
    if (typeof detail.rowCount === 'number') {
      parts.push(`${count(detail.rowCount)} ${countedWords('rowCount', detail.rowCount)}`)
    }
    if (typeof detail.year === 'number') parts.push(`year ${detail.year}`)
    if (detail.unmasked === true) parts.push('unmasked at the accountant’s request')
    return parts.filter((part) => part !== '').join(', ')
  }
  if (action === 'sync') {
    const status = typeof detail.status === 'string' ? sentenceCase(detail.status) : ''
    const counts = describeValue(detail.counts)
    return counts === '' ? status : `${status}: ${counts}`
  }
  return describeValue(detail)
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return count(value)
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(describeValue).filter(Boolean).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => {
        const said = describeValue(inner)
        return typeof inner === 'number'
          ? `${said} ${countedWords(key, inner)}`
          : `${DETAIL_WORDS[key]?.[1] ?? keyWords(key)}: ${said}`
      })
      .join(', ')
  }
  return ''
}

function countedWords(key: string, value: number): string {
  const words = DETAIL_WORDS[key]
  if (words === undefined) return keyWords(key)
  return value === 1 ? words[0] : words[1]
}

function count(value: number): string {
  return new Intl.NumberFormat('en-US').format(value)
}

/** `rowCount` and `row_count` read `row count`. */
function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase()
    .trim()
}

function sentenceCase(value: string): string {
  const words = keyWords(value)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const AUDIT_COLUMNS: ExportColumn<AuditEntry>[] = [
  { header: 'When (UTC)', kind: 'text', value: (row) => row.occurredAt, width: 26 },
  { header: 'Who', kind: 'text', value: (row) => row.actor, width: 18 },
  { header: 'Action', kind: 'text', value: (row) => row.actionLabel, width: 18 },
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
