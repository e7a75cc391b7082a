/**
 * The person page's reads: one person's individual and employment records with their income
 * history and custom fields, their pay statements a page at a time (newest pay date first), and
 * the audited reveal of their full SSN. Every read is of one person through the live views; the
 * profile carries the SSN's last four digits only.
 */
import { AppError } from '../../shared/app-error'
import type {
  PayHistoryPage,
  PayHistoryRow,
  PersonAddress,
  PersonContact,
  PersonCustomField,
  PersonEmployment,
  PersonIncome,
  PersonProfile,
  RevealedSsn,
} from '../../shared/person-review'
import { directoryJoinSql } from '../cache/directory-join'
import { hasIndividualSsn, readIndividualSsn } from '../cache/individual-ssn'
import type { CacheDatabase } from '../cache/open-database'
import { recordAuditEvent } from './audit-trail'

export interface PayHistoryQuery {
  connectionId: string
  individualId: string
  offset: number
  limit: number
}

type Row = Record<string, string | number | null>

export class PersonQueries {
  constructor(private readonly db: CacheDatabase) {}

  /** The person's records, or null when neither the directory nor Finch's records name them. */
  profile(connectionId: string, individualId: string): PersonProfile | null {
    const params = { connection: connectionId, individual: individualId }
    const individual = this.db
      .prepare(
        `SELECT first_name, middle_name, last_name, preferred_name, dob, emails_json,
           phone_numbers_json, residence_json, ssn_last4
         FROM individual WHERE connection_id = @connection AND individual_id = @individual`,
      )
      .get(params) as Row | undefined
    const directory = this.db
      .prepare(
        `SELECT d.first_name, d.middle_name, d.last_name, d.department, d.manager_id, d.is_active
         FROM (SELECT @connection AS connection_id, @individual AS individual_id) p
           ${directoryJoinSql('d', 'p.connection_id', 'p.individual_id')}
         WHERE d.individual_id IS NOT NULL`,
      )
      .get(params) as Row | undefined
    const employment = this.employment(connectionId, individualId, directory)
    if (!individual && !directory && !employment) return null

    const names = individual ?? directory ?? {}
    return {
      individualId,
      firstName: text(names.first_name),
      middleName: text(names.middle_name),
      lastName: text(names.last_name),
      preferredName: text(individual?.preferred_name),
      dob: text(individual?.dob),
      emails: contacts(individual?.emails_json),
      phoneNumbers: contacts(individual?.phone_numbers_json),
      residence: address(parseJson(individual?.residence_json)),
      ssnLast4: text(individual?.ssn_last4),
      canRevealSsn: hasIndividualSsn(this.db, connectionId, individualId),
      employment,
    }
  }

  /** A window of the person's pay statements, newest pay date first. */
  payHistory(query: PayHistoryQuery): PayHistoryPage {
    const params = { connection: query.connectionId, individual: query.individualId }
    const total = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM pay_statement
           WHERE connection_id = @connection AND individual_id = @individual`,
        )
        .get(params) as { n: number }
    ).n
    const rows = this.db
      .prepare(
        `SELECT s.statement_row, s.payment_id, p.pay_date, s.type, s.total_hours,
           s.gross_pay_cents, s.net_pay_cents
         FROM pay_statement s
           LEFT JOIN payment p ON p.connection_id = s.connection_id AND p.payment_id = s.payment_id
         WHERE s.connection_id = @connection AND s.individual_id = @individual
         ORDER BY p.pay_date IS NULL, p.pay_date DESC, s.payment_id, s.statement_row
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as Row[]
    return { total, offset: query.offset, rows: rows.map(toPayHistoryRow) }
  }

  /** Every pay statement of the person, a batch at a time, for exports. */
  *payHistoryBatches(connectionId: string, individualId: string, batchSize = 1_000) {
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = this.payHistory({ connectionId, individualId, offset, limit: batchSize })
      if (rows.length > 0) yield rows
      if (rows.length < batchSize) return
    }
  }

  private employment(
    connectionId: string,
    individualId: string,
    directory: Row | undefined,
  ): PersonEmployment | null {
    const row = this.db
      .prepare(
        `SELECT e.*, nullif(trim(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '')),
             '') AS manager_name
         FROM employment e ${directoryJoinSql('m', 'e.connection_id', 'e.manager_id')}
         WHERE e.connection_id = ? AND e.individual_id = ?`,
      )
      .get(connectionId, individualId) as Row | undefined
    if (!row) {
      if (!directory) return null
      return directoryEmployment(this.db, connectionId, directory)
    }

    const history = this.db
      .prepare(
        `SELECT amount_cents, currency, unit, effective_date FROM employment_income
         WHERE employment_row = ? ORDER BY effective_date IS NULL, effective_date DESC, position`,
      )
      .all(row.row_id) as Row[]
    const fields = this.db
      .prepare(
        `SELECT name, value_json FROM employment_custom_field WHERE employment_row = ?
         ORDER BY position`,
      )
      .all(row.row_id) as Row[]
    const income: PersonIncome = {
      amountCents: integer(row.income_amount_cents),
      currency: text(row.income_currency),
      unit: text(row.income_unit),
      effectiveDate: text(row.income_effective_date),
    }
    const location = {
      line1: text(row.location_line1),
      line2: text(row.location_line2),
      city: text(row.location_city),
      state: text(row.location_state),
      postalCode: text(row.location_postal_code),
      country: text(row.location_country),
      name: text(row.location_name),
    }

    return {
      title: text(row.title),
      department: text(row.department) ?? text(directory?.department),
      managerId: text(row.manager_id),
      managerName: text(row.manager_name),
      employmentType: text(row.employment_type),
      employmentSubtype: text(row.employment_subtype),
      employmentStatus: text(row.employment_status),
      flsaStatus: text(row.flsa_status),
      classCode: text(row.class_code),
      isActive: flag(row.is_active),
      startDate: text(row.start_date),
      endDate: text(row.end_date),
      latestRehireDate: text(row.latest_rehire_date),
      location: Object.values(location).some((value) => value !== null) ? location : null,
      income: Object.values(income).some((value) => value !== null) ? income : null,
      incomeHistory: history.map((entry) => ({
        amountCents: integer(entry.amount_cents),
        currency: text(entry.currency),
        unit: text(entry.unit),
        effectiveDate: text(entry.effective_date),
      })),
      customFields: fields.map(customField),
    }
  }
}

/**
 * Reads one person's full SSN for the accountant who confirmed they want to see it, and writes
 * the act to the audit trail (who, whose, when) in the same transaction. The number itself is
 * never logged, stored elsewhere or put in the audit row. Throws `not_found` when the cache holds
 * no full SSN for the person.
 */
export function revealSsn(
  db: CacheDatabase,
  request: { connectionId: string; individualId: string; actor?: string; now?: Date },
): RevealedSsn {
  const revealedAt = (request.now ?? new Date()).toISOString()
  return db.transaction(() => {
    const ssn = readIndividualSsn(db, request.connectionId, request.individualId)
    if (ssn === null) {
      throw new AppError('not_found', 'Finch sent no full SSN for this person.')
    }
    recordAuditEvent(db, {
      action: 'reveal_ssn',
      connectionId: request.connectionId,
      subject: request.individualId,
      occurredAt: revealedAt,
      ...(request.actor !== undefined ? { actor: request.actor } : {}),
    })
    return { individualId: request.individualId, ssn, revealedAt }
  })()
}

/** Without an employment record, what the directory knows about the job. */
function directoryEmployment(
  db: CacheDatabase,
  connectionId: string,
  directory: Row,
): PersonEmployment {
  const managerId = text(directory.manager_id)
  const manager =
    managerId === null
      ? undefined
      : (db
          .prepare(
            `SELECT nullif(trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')), '')
               AS name
             FROM (SELECT ? AS connection_id, ? AS individual_id) p
               ${directoryJoinSql('d', 'p.connection_id', 'p.individual_id')}
             WHERE d.individual_id IS NOT NULL`,
          )
          .get(connectionId, managerId) as { name: string | null } | undefined)
  return {
    title: null,
    department: text(directory.department),
    managerId,
    managerName: manager?.name ?? null,
    employmentType: null,
    employmentSubtype: null,
    employmentStatus: null,
    flsaStatus: null,
    classCode: null,
    isActive: flag(directory.is_active),
    startDate: null,
    endDate: null,
    latestRehireDate: null,
    location: null,
    income: null,
    incomeHistory: [],
    customFields: [],
  }
}

function toPayHistoryRow(row: Row): PayHistoryRow {
  return {
    statementRow: row.statement_row as number,
    paymentId: row.payment_id as string,
    payDate: text(row.pay_date),
    type: text(row.type),
    totalHours: typeof row.total_hours === 'number' ? row.total_hours : null,
    grossPayCents: integer(row.gross_pay_cents),
    netPayCents: integer(row.net_pay_cents),
  }
}

function customField(row: Row): PersonCustomField {
  const value = parseJson(row.value_json)
  return {
    name: text(row.name),
    value:
      value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
  }
}

/** Finch's emails or phone numbers: a list of `{ data, type }`, any entry possibly malformed. */
function contacts(json: string | number | null | undefined): PersonContact[] {
  const list = parseJson(json)
  if (!Array.isArray(list)) return []
  return list
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && !!entry)
    .map((entry) => ({ data: text(entry.data), type: text(entry.type) }))
    .filter((entry) => entry.data !== null)
}

function address(value: unknown): PersonAddress | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const result = {
    line1: text(record.line1),
    line2: text(record.line2),
    city: text(record.city),
    state: text(record.state),
    postalCode: text(record.postal_code),
    country: text(record.country),
  }
  return Object.values(result).some((part) => part !== null) ? result : null
}

function parseJson(json: string | number | null | undefined): unknown {
  if (typeof json !== 'string') return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return null
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
}

function flag(value: unknown): boolean | null {
  return value === null || value === undefined ? null : value === 1
}
