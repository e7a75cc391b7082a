/**
 * What each exportable table holds: its columns and where its rows come from. The rows are read
 * from the cache in batches, never handed over by the renderer, so an export is what the cache
 * says and not what a page happened to have loaded.
 */
import type { Company } from '@tryfinch/finch-api/resources/hris'
import { AppError } from '../../shared/app-error'
import type { CompanyProfile, DirectoryRow } from '../../shared/domain'
import { finchTermWords } from '../../shared/finch-terms'
import type { DirectoryFilters } from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'
import type { PayrollCache } from '../cache/payroll-cache'
import type { DirectoryQueries } from '../review/directory-queries'
import type { ExportColumn, ExportSheet } from './export-columns'

/** The accountant checks' tables live beside the checks they export. */
export { cashRequirementSheet, checksSheet } from '../checks/check-export-sheets'
export { auditTrailSheet } from '../checks/audit-trail-queries'
export { matchedPeopleSheet } from '../checks/matched-people-sheet'
/** The payroll review's tables: pay runs, a register, year to date and a person's pay history. */
export {
  payHistorySheet,
  payRunsSheet,
  registerSheet,
  ytdPeopleSheet,
  ytdSheet,
} from './payroll-export-sheets'
/** One pay statement in full, and the person page's income history and custom fields. */
export { payStatementSheet } from './pay-statement-export-sheet'
export { customFieldsSheet, incomeHistorySheet } from './person-export-sheets'

const STATUS_WORDS = { true: 'Active', false: 'Terminated' } as const

export const DIRECTORY_COLUMNS: ExportColumn<DirectoryRow>[] = [
  { header: 'Last name', kind: 'text', value: (row) => row.lastName, width: 22 },
  { header: 'First name', kind: 'text', value: (row) => row.firstName, width: 18 },
  { header: 'Middle name', kind: 'text', value: (row) => row.middleName, width: 14 },
  { header: 'Email', kind: 'text', value: (row) => row.email, width: 30 },
  { header: 'Department', kind: 'text', value: (row) => row.department, width: 24 },
  { header: 'Manager', kind: 'text', value: (row) => row.managerName, width: 24 },
  {
    header: 'Status',
    kind: 'text',
    value: (row) => (row.isActive === null ? 'Unknown' : STATUS_WORDS[`${row.isActive}`]),
    width: 12,
  },
  { header: 'Finch individual ID', kind: 'text', value: (row) => row.individualId, width: 38 },
]

/** The directory under the accountant's current search and filters. */
export function directorySheet(
  db: CacheDatabase,
  queries: DirectoryQueries,
  connectionId: string,
  filters: DirectoryFilters,
): ExportSheet<DirectoryRow> {
  return {
    name: 'Directory',
    columns: DIRECTORY_COLUMNS,
    batches: unchangedWhileRead(db, connectionId, queries.batches(connectionId, filters)),
  }
}

export interface CompanyFact {
  section: string
  field: string
  value: string | null
}

const COMPANY_COLUMNS: ExportColumn<CompanyFact>[] = [
  { header: 'Section', kind: 'text', value: (fact) => fact.section, width: 18 },
  { header: 'Field', kind: 'text', value: (fact) => fact.field, width: 22 },
  { header: 'Value', kind: 'text', value: (fact) => fact.value, width: 48 },
]

/**
 * The company's record as one table of facts, read through the same masking as the screen: the
 * EIN and bank accounts show only their last four digits. `unmasked` is the accountant's
 * explicit, confirmed choice, and only then are the full numbers read from Finch's record.
 */
export function companySheet(
  db: CacheDatabase,
  cache: PayrollCache,
  connectionId: string,
  unmasked: boolean,
): ExportSheet<CompanyFact> {
  const profile = cache.companyProfile(connectionId)
  if (!profile) {
    throw new AppError('not_found', 'There are no company details to export yet. Sync first.')
  }

  const facts = companyFacts(profile)
  if (unmasked) unmaskFacts(facts, db, connectionId)
  return { name: 'Company', columns: COMPANY_COLUMNS, batches: [facts] }
}

function companyFacts(profile: CompanyProfile): CompanyFact[] {
  const company = 'Company'
  const facts: CompanyFact[] = [
    { section: company, field: 'Legal name', value: profile.legalName },
    { section: company, field: 'EIN', value: profile.einMasked },
    { section: company, field: 'Entity type', value: words(profile.entityType) },
    { section: company, field: 'Entity subtype', value: words(profile.entitySubtype) },
    { section: company, field: 'Email', value: profile.primaryEmail },
    { section: company, field: 'Phone', value: profile.primaryPhone },
    { section: company, field: 'Read from Finch', value: profile.retrievedAt },
  ]

  for (const department of profile.departments) {
    facts.push({ section: 'Department', field: 'Name', value: department })
  }

  profile.locations.forEach((location, index) => {
    const section = `Location ${index + 1}`
    facts.push(
      { section, field: 'Line 1', value: location.line1 },
      { section, field: 'Line 2', value: location.line2 },
      { section, field: 'City', value: location.city },
      { section, field: 'State', value: location.state },
      { section, field: 'Postal code', value: location.postalCode },
      { section, field: 'Country', value: location.country },
    )
  })

  profile.accounts.forEach((account, index) => {
    const section = `Bank account ${index + 1}`
    facts.push(
      { section, field: 'Institution', value: account.institutionName },
      { section, field: 'Account name', value: account.accountName },
      { section, field: 'Account type', value: words(account.accountType) },
      { section, field: ACCOUNT_LAST_FOUR, value: account.last4 },
    )
  })
  return facts
}

const ACCOUNT_LAST_FOUR = 'Account number (last four)'

/** Finch's enum values in the words the company card shows (`s_corporation` → `S corporation`). */
function words(term: string | null): string | null {
  return term === null ? null : finchTermWords(term)
}

/** Replaces the masked EIN and account numbers with Finch's full values, in place. */
function unmaskFacts(facts: CompanyFact[], db: CacheDatabase, connectionId: string): void {
  const row = db
    .prepare('SELECT ein, raw_json FROM company WHERE connection_id = ?')
    .get(connectionId) as { ein: string | null; raw_json: string }
  const accounts = (JSON.parse(row.raw_json) as Company).accounts ?? []

  for (const fact of facts) {
    if (fact.section === 'Company' && fact.field === 'EIN') fact.value = row.ein
  }
  accounts.forEach((account, index) => {
    const section = `Bank account ${index + 1}`
    const at = facts.findIndex((f) => f.section === section && f.field === ACCOUNT_LAST_FOUR)
    if (at < 0) return
    facts.splice(
      at,
      1,
      { section, field: 'Account number', value: account.account_number ?? null },
      { section, field: 'Routing number', value: account.routing_number ?? null },
    )
  })
}

/**
 * Passes batches through while the connection's snapshot stays the one the export started on;
 * a sync that finishes midway would otherwise leave a file half old and half new.
 */
export function* unchangedWhileRead<T>(
  db: CacheDatabase,
  connectionId: string,
  batches: Iterable<T>,
): Generator<T> {
  const stamp = () =>
    (
      db
        .prepare('SELECT last_synced_at FROM connection WHERE connection_id = ?')
        .get(connectionId) as { last_synced_at: string | null } | undefined
    )?.last_synced_at ?? null
  const started = stamp()

  for (const batch of batches) {
    if (stamp() !== started) {
      throw new AppError(
        'storage_failed',
        'The company was synced while the export was being written. Export again.',
      )
    }
    yield batch
  }
}
