/**
 * Finds the people a client has under more than one record, across the client's connections (an
 * employer that moved providers, legal entities with shared staff). Following Finch's guides,
 * two records are one person when first name, last name and date of birth agree; where either
 * record lacks a date of birth, the same name and an email address in common will do. Names and
 * emails are compared without regard to letter case or spacing.
 */
import type {
  MatchedConnection,
  MatchedPeoplePage,
  MatchedPerson,
  PersonMatchBasis,
} from '../../shared/checks'
import { AppError } from '../../shared/app-error'
import type { CacheDatabase } from '../cache/open-database'
import {
  addFigures,
  defaultYear,
  emptyFigures,
  readPaymentYears,
  readYearEndFor,
} from './year-end-summary'

/** One person's record at one connection, as the matching reads it. */
export interface PersonRecord {
  connectionId: string
  individualId: string
  firstName: string | null
  lastName: string | null
  dob: string | null
  emails: readonly string[]
}

export interface PersonGroup {
  basis: PersonMatchBasis
  records: PersonRecord[]
}

/** `  Mary   ANN ` and `mary ann` compare equal; compatibility forms fold too. */
export function normalizeName(value: string | null): string {
  return (value ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

function normalizeDob(value: string | null): string | null {
  const day = (value ?? '').trim().slice(0, 10)
  return day === '' ? null : day
}

function normalizeEmails(emails: readonly string[]): Set<string> {
  return new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== ''))
}

/**
 * Groups records that are one person; only groups of two records or more are returned, in the
 * order of their first record. A record without a first or last name matches nothing.
 *
 * Email links only join records where a date of birth is missing, and never join two groups
 * whose dates of birth differ, so a record without one cannot chain two different people.
 */
export function matchPeople(records: readonly PersonRecord[]): PersonGroup[] {
  const byName = new Map<string, number[]>()
  records.forEach((record, index) => {
    const first = normalizeName(record.firstName)
    const last = normalizeName(record.lastName)
    if (first === '' || last === '') return
    const key = `${first}\u0000${last}`
    byName.set(key, [...(byName.get(key) ?? []), index])
  })

  const parent = records.map((_, index) => index)
  const dobOf = records.map((record) => normalizeDob(record.dob))
  const emailLinked = records.map(() => false)
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!
      index = parent[index]!
    }
    return index
  }
  const join = (a: number, b: number, byEmail: boolean): void => {
    const ra = root(a)
    const rb = root(b)
    if (ra === rb) return
    const dobA = dobOf[ra]
    const dobB = dobOf[rb]
    if (dobA !== null && dobB !== null && dobA !== dobB) return
    parent[rb] = ra
    dobOf[ra] = dobA ?? dobB ?? null
    emailLinked[ra] = emailLinked[ra]! || emailLinked[rb]! || byEmail
  }

  for (const members of byName.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!
        const b = members[j]!
        const dobA = normalizeDob(records[a]!.dob)
        const dobB = normalizeDob(records[b]!.dob)
        if (dobA !== null && dobB !== null) {
          if (dobA === dobB) join(a, b, false)
        } else if (sharesEmail(records[a]!, records[b]!)) {
          join(a, b, true)
        }
      }
    }
  }

  const groups = new Map<number, number[]>()
  records.forEach((_, index) => {
    const top = root(index)
    groups.set(top, [...(groups.get(top) ?? []), index])
  })
  return [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([top, members]) => ({
      basis: emailLinked[top] ? 'name_and_email' : 'name_and_dob',
      records: members.map((index) => records[index]!),
    }))
}

function sharesEmail(a: PersonRecord, b: PersonRecord): boolean {
  const emails = normalizeEmails(a.emails)
  return [...normalizeEmails(b.emails)].some((email) => emails.has(email))
}

interface IndividualRow {
  connection_id: string
  individual_id: string
  first_name: string | null
  last_name: string | null
  dob: string | null
  emails_json: string | null
}

/** Emails as Finch sends them, `[{ data, type }]`; anything else in the column is ignored. */
function readEmails(emailsJson: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(emailsJson ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((entry: unknown) =>
      entry !== null &&
      typeof entry === 'object' &&
      typeof (entry as { data?: unknown }).data === 'string'
        ? [(entry as { data: string }).data]
        : [],
    )
  } catch {
    return []
  }
}

/**
 * The client's connections, the connection's own first. Connections that were disconnected with
 * their data kept still count: their people were paid that year all the same.
 */
function readClientConnections(
  db: CacheDatabase,
  connectionId: string,
): { customerName: string; connections: MatchedConnection[] } {
  const own = db
    .prepare('SELECT customer_id, customer_name FROM connection WHERE connection_id = ?')
    .get(connectionId) as { customer_id: string; customer_name: string } | undefined
  if (!own) throw new AppError('not_found', 'That connection is not in the cache.')
  const rows = db
    .prepare(
      `SELECT c.connection_id, c.provider_id,
         coalesce(nullif(trim(co.legal_name), ''), c.customer_name) AS company_name
       FROM connection c LEFT JOIN company co ON co.connection_id = c.connection_id
       WHERE c.customer_id = ?
       ORDER BY c.connection_id = ? DESC, c.connected_at, c.connection_id`,
    )
    .all(own.customer_id, connectionId) as {
    connection_id: string
    provider_id: string
    company_name: string
  }[]
  return {
    customerName: own.customer_name,
    connections: rows.map((row) => ({
      connectionId: row.connection_id,
      companyName: row.company_name,
      providerId: row.provider_id,
    })),
  }
}

/** Every personal-details record of the given connections. */
export function readPersonRecords(
  db: CacheDatabase,
  connectionIds: readonly string[],
): PersonRecord[] {
  const rows = db
    .prepare(
      `SELECT connection_id, individual_id, first_name, last_name, dob, emails_json
       FROM individual WHERE connection_id IN (SELECT value FROM json_each(?))
       ORDER BY connection_id, individual_id`,
    )
    .all(JSON.stringify(connectionIds)) as IndividualRow[]
  return rows.map((row) => ({
    connectionId: row.connection_id,
    individualId: row.individual_id,
    firstName: row.first_name,
    lastName: row.last_name,
    dob: row.dob,
    emails: readEmails(row.emails_json),
  }))
}

function displayName(record: PersonRecord): string {
  return [record.firstName, record.lastName]
    .map((part) => (part ?? '').trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '')
    .join(' ')
}

/**
 * The name a matched person goes by on screen: the first spelling in mixed case, since a name
 * kept all in capitals or all in small letters is how one provider stores it, not how it reads.
 */
function headingName(names: readonly string[]): string {
  return (
    names.find((name) => name !== name.toUpperCase() && name !== name.toLowerCase()) ?? names[0]!
  )
}

/**
 * A window of the people the connection's client has under two records or more, by name, each
 * with every record's pay in the year and the records added together. The matching reads every
 * record of the client's connections on each call, which is a few milliseconds for thousands.
 */
export function readMatchedPeople(
  db: CacheDatabase,
  request: { connectionId: string; year?: number; offset: number; limit: number },
): MatchedPeoplePage {
  const { customerName, connections } = readClientConnections(db, request.connectionId)
  const connectionIds = connections.map((connection) => connection.connectionId)
  const years = readPaymentYears(db, connectionIds)
  const query = { ...request, year: request.year ?? defaultYear(years) }
  const records = readPersonRecords(db, connectionIds)
  const order = new Map(connectionIds.map((id, index) => [id, index]))
  const groups = matchPeople(records)
    .map((group) => ({
      ...group,
      records: [...group.records].sort(
        (a, b) =>
          order.get(a.connectionId)! - order.get(b.connectionId)! ||
          a.individualId.localeCompare(b.individualId),
      ),
    }))
    .sort(
      (a, b) =>
        normalizeName(a.records[0]!.lastName).localeCompare(
          normalizeName(b.records[0]!.lastName),
        ) ||
        normalizeName(a.records[0]!.firstName).localeCompare(
          normalizeName(b.records[0]!.firstName),
        ) ||
        a.records[0]!.individualId.localeCompare(b.records[0]!.individualId),
    )
  const window = groups.slice(query.offset, query.offset + query.limit)

  const figures = new Map<string, ReturnType<typeof emptyFigures>>()
  for (const connectionId of connectionIds) {
    const ids = window.flatMap((group) =>
      group.records
        .filter((record) => record.connectionId === connectionId)
        .map((record) => record.individualId),
    )
    for (const [id, value] of readYearEndFor(db, {
      connectionId,
      year: query.year,
      individualIds: ids,
    })) {
      figures.set(`${connectionId}/${id}`, value)
    }
  }

  const people = window.map<MatchedPerson>((group) => {
    const parts = group.records.map((record) => ({
      connectionId: record.connectionId,
      individualId: record.individualId,
      personName: displayName(record),
      figures: figures.get(`${record.connectionId}/${record.individualId}`) ?? emptyFigures(),
    }))
    return {
      personName: headingName(parts.map((part) => part.personName)),
      basis: group.basis,
      records: parts,
      combined: addFigures(parts.map((part) => part.figures)),
    }
  })

  return {
    customerName,
    year: query.year,
    years,
    connections,
    recordCount: records.length,
    total: groups.length,
    offset: query.offset,
    people,
  }
}
