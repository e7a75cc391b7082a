/**
 * What an exported file is called, so that files saved side by side say what each holds: the
 * company, the person a one-person table is about, the table in words and what narrows it (a
 * year, a pay date and pay group), and the day it was read. Company, person and pay group names
 * come from the provider and may be hostile, so each part keeps only letters, digits, spaces and
 * a few marks, and no part can start with a dot.
 */
import type { ExportTable } from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'
import {
  UNNAMED_PAY_GROUP,
  countPayGroups,
  parsePayGroupIds,
  readPayGroupNames,
} from '../review/pay-group-names'
import { PayrollReviewQueries } from '../review/payroll-queries'
import { PersonQueries } from '../review/person-queries'

/** The parts of a file name after the company's. */
export interface ExportFileTitle {
  /** The person a one-person export is about, as the provider names them. */
  person?: string | null
  /** What the file holds, in words, then what narrows it: `register`, `2026-08-14`, `Hourly`. */
  subject: readonly string[]
}

/** Each table in the words a person would use for it; the table keys stay in the contract. */
export const EXPORT_TABLE_WORDS: Readonly<Record<ExportTable, string>> = {
  directory: 'directory',
  company: 'company',
  checks: 'checks',
  cash_requirement: 'cash requirement',
  audit_trail: 'audit trail',
  pay_runs: 'pay runs',
  register: 'register',
  ytd: 'year to date',
  ytd_people: 'year to date by person',
  pay_history: 'pay history',
  pay_statement: 'pay statement',
  income_history: 'income history',
  custom_fields: 'custom fields',
  matched_people: 'matched people',
}

/** What an export request names: the fields of `ExportRequest` that pick the rows. */
export interface ExportFileSubject {
  connectionId: string
  table: ExportTable
  paymentId?: string
  year?: number
  individualId?: string
  statementRow?: number
}

/**
 * `Harbor Line Logistics, Inc. - Ana Rivera pay history 2026-11-30.csv`. A name part cut to its
 * length or left empty by the sanitizing is dropped rather than guessed; the company falls back
 * to `Company`. A trailing dot (`Inc.`) stays, since another part always follows it.
 */
export function suggestedFileName(
  companyName: string,
  title: ExportFileTitle,
  extension: string,
): string {
  const company = safePart(companyName, 80) || 'Company'
  const person = title.person ? safePart(title.person, 60) : ''
  const parts = [
    person ? `${company} - ${person}` : company,
    ...title.subject.map((part) => safePart(part, 60)),
  ].filter((part) => part !== '')
  // A name may not end in a dot or space on Windows; the extension's dot follows directly.
  return `${parts.join(' ').replace(/[ .]+$/, '')}.${extension}`
}

/** What the file of an export request is called after the company, read from the cache. */
export function exportFileTitle(
  db: CacheDatabase,
  request: ExportFileSubject,
  today: Date,
): ExportFileTitle {
  const day = today.toISOString().slice(0, 10)
  const words = EXPORT_TABLE_WORDS[request.table]
  const { connectionId, individualId, year } = request

  switch (request.table) {
    case 'register':
      return { subject: [words, ...payRunParts(db, connectionId, request.paymentId)] }
    case 'pay_statement': {
      const statement =
        request.statementRow === undefined
          ? null
          : new PayrollReviewQueries(db).statement(connectionId, request.statementRow)
      return {
        person: statement ? (statement.personName ?? statement.individualId) : null,
        subject: [words, statement?.payDate ?? day],
      }
    }
    case 'ytd':
    case 'ytd_people':
    case 'matched_people':
      return {
        person: personName(db, connectionId, individualId),
        subject: [words, ...(year === undefined ? [] : [String(year), 'as of']), day],
      }
    case 'pay_history':
    case 'income_history':
    case 'custom_fields':
      return { person: personName(db, connectionId, individualId), subject: [words, day] }
    default:
      return { subject: [words, day] }
  }
}

/** A run by its pay date and, where the company pays several groups, its groups' names. */
function payRunParts(db: CacheDatabase, connectionId: string, paymentId?: string): string[] {
  const payment =
    paymentId === undefined
      ? undefined
      : (db
          .prepare(
            `SELECT pay_date, pay_group_ids_json FROM payment
             WHERE connection_id = ? AND payment_id = ?`,
          )
          .get(connectionId, paymentId) as
          { pay_date: string | null; pay_group_ids_json: string | null } | undefined)
  if (!payment) return []

  const date = payment.pay_date ?? 'no pay date'
  if (countPayGroups(db, connectionId) <= 1) return [date]
  const names = readPayGroupNames(db, connectionId)
  const groups = parsePayGroupIds(payment.pay_group_ids_json).map(
    (id) => names.get(id) ?? UNNAMED_PAY_GROUP,
  )
  return [date, ...groups]
}

/** `Ana Rivera`; the Finch id where the cache has no name, so two people's files still differ. */
function personName(
  db: CacheDatabase,
  connectionId: string,
  individualId: string | undefined,
): string | null {
  if (individualId === undefined) return null
  const profile = new PersonQueries(db).profile(connectionId, individualId)
  const name = [profile?.firstName, profile?.lastName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
  return name || individualId
}

/** Letters and digits of any script, spaces and `.,&()_-`; no leading dot or space. */
function safePart(text: string, maxLength: number): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} .,&()_-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+/, '')
    .slice(0, maxLength)
    .trimEnd()
}
