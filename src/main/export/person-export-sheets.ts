/**
 * The person page's employment tables as exports: the income history and the custom fields,
 * read from the same profile as the page. Neither table holds the SSN or any other masked number.
 */
import { AppError } from '../../shared/app-error'
import { finchTermWords } from '../../shared/finch-terms'
import type { PersonCustomField, PersonEmployment, PersonIncome } from '../../shared/person-review'
import type { CacheDatabase } from '../cache/open-database'
import { PersonQueries } from '../review/person-queries'
import type { ExportColumn, ExportSheet } from './export-columns'

const INCOME_COLUMNS: ExportColumn<PersonIncome>[] = [
  { header: 'Effective', kind: 'date', value: (row) => row.effectiveDate, width: 12 },
  { header: 'Amount', kind: 'cents', value: (row) => row.amountCents, width: 16 },
  {
    header: 'Currency',
    kind: 'text',
    value: (row) => row.currency?.toUpperCase() ?? null,
    width: 10,
  },
  {
    header: 'Paid',
    kind: 'text',
    value: (row) => (row.unit === null ? null : finchTermWords(row.unit)),
    width: 16,
  },
]

const CUSTOM_FIELD_COLUMNS: ExportColumn<PersonCustomField>[] = [
  { header: 'Field', kind: 'text', value: (row) => row.name, width: 28 },
  { header: 'Value', kind: 'text', value: (row) => row.value, width: 48 },
]

/**
 * The person's employment record, or null when employment was not synced for them; `not_found`
 * when the person is not in the connection's cache at all.
 */
function employmentOf(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): PersonEmployment | null {
  const profile = new PersonQueries(db).profile(connectionId, individualId)
  if (!profile) throw new AppError('not_found', 'That person is not in the cache. Sync again.')
  return profile.employment
}

/** Finch's income history of one person, newest effective date first, as the page lists it. */
export function incomeHistorySheet(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): ExportSheet<PersonIncome> {
  const employment = employmentOf(db, connectionId, individualId)
  return {
    name: 'Income history',
    columns: INCOME_COLUMNS,
    batches: [employment?.incomeHistory ?? []],
  }
}

/** The custom fields the provider keeps on one person's employment record. */
export function customFieldsSheet(
  db: CacheDatabase,
  connectionId: string,
  individualId: string,
): ExportSheet<PersonCustomField> {
  const employment = employmentOf(db, connectionId, individualId)
  return {
    name: 'Custom fields',
    columns: CUSTOM_FIELD_COLUMNS,
    batches: [employment?.customFields ?? []],
  }
}
