/**
 * The people table's reads: windows of the filtered directory, the values its filters offer, and
 * the org chart one manager at a time. Every read is bounded by a limit, so no caller can pull a
 * whole 10,000-person directory in one answer.
 *
 * Reads go to the versioned tables with the live snapshot id as a parameter rather than through
 * the live views, whose per-row snapshot lookup keeps SQLite from walking the directory in name
 * order: a window is then read straight off `directory_entry_version_in_order` and stops after
 * `limit` rows. Totals and filter values only change with the live snapshot, so each is counted
 * once per snapshot and filter set and kept.
 */
import type { DirectoryPage, DirectoryRow } from '../../shared/domain'
import type {
  DirectoryFacets,
  DirectoryFilters,
  FacetValue,
  OrgNode,
  OrgReportsPage,
} from '../../shared/review'
import type { CacheDatabase } from '../cache/open-database'
import { matchQuery } from '../cache/people-search'

/** More managers than this are left out of the filter; search still finds their reports. */
export const MAX_MANAGER_FACETS = 2_000

/** Counts and facets kept at most; each is a few bytes to a few kilobytes. */
const MEMO_LIMIT = 200

const MAX_SEARCH_WORDS = 8

/** The order the table, the org chart and the exports share: last name, first name, id. */
const PERSON_ORDER = 'd.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, d.individual_id'

/** True for a row (under `alias`) of the snapshot bound as `@live`. */
function live(alias: string): string {
  return `${alias}.added_snapshot <= @live
    AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > @live)`
}

/** A person as the table shows them, with their manager's name and one email. */
const PERSON_COLUMNS = `d.individual_id, d.first_name, d.middle_name, d.last_name, d.department,
  d.manager_id, d.is_active, m.first_name AS manager_first, m.last_name AS manager_last,
  (SELECT json_extract(x.value, '$.data')
     FROM individual_version i INDEXED BY individual_version_by_person, json_each(i.emails_json) x
     WHERE i.connection_id = d.connection_id AND i.individual_id = d.individual_id AND ${live('i')}
       AND json_type(x.value, '$.data') = 'text'
     ORDER BY json_extract(x.value, '$.type') IS 'work' DESC, x.key
     LIMIT 1) AS email`

// Lookups by person name their index: without statistics SQLite prefers the covering name-order
// index, which is a scan of the whole directory per lookup.
const MANAGER_JOIN = `LEFT JOIN directory_entry_version m
  INDEXED BY directory_entry_version_by_person ON m.connection_id = d.connection_id AND m.individual_id = d.manager_id AND ${live('m')}`

/**
 * Where a person works, as the filter shows and matches it: "City, ST", or whichever half Finch
 * gave. Providers rarely name their locations, so the city and state are what tell them apart.
 */
const LOCATION_SQL = `nullif(trim(coalesce(e.location_city, '') ||
  CASE WHEN coalesce(e.location_city, '') <> '' AND coalesce(e.location_state, '') <> ''
    THEN ', ' ELSE '' END || coalesce(e.location_state, '')), '')`

/** Finch's employment type and subtype as one filter value, `employee/full_time`. */
const EMPLOYMENT_TYPE_SQL = `coalesce(e.employment_type, '') || '/' ||
  coalesce(e.employment_subtype, '')`

const EMPLOYMENT_TYPE_LABELS: Record<string, string> = {
  'employee/full_time': 'Full-time employee',
  'employee/part_time': 'Part-time employee',
  'employee/intern': 'Intern',
  'employee/temp': 'Temporary employee',
  'employee/seasonal': 'Seasonal employee',
  'employee/': 'Employee',
  'contractor/individual_contractor': 'Individual contractor',
  'contractor/': 'Contractor',
}

type SqlParams = Record<string, string | number>

interface PersonRecord {
  individual_id: string
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  department: string | null
  manager_id: string | null
  is_active: number | null
  manager_first: string | null
  manager_last: string | null
  email: string | null
}

export interface DirectoryWindowQuery extends DirectoryFilters {
  connectionId: string
  offset: number
  limit: number
}

/** The live snapshot a read answers from; `key` also tells apart an id reused after a purge. */
interface LiveSnapshot {
  id: number
  key: string
}

export class DirectoryQueries {
  private readonly memo = new Map<string, unknown>()

  constructor(private readonly db: CacheDatabase) {}

  page(query: DirectoryWindowQuery): DirectoryPage {
    const snapshot = this.liveSnapshot(query.connectionId)
    if (!snapshot) return { total: 0, offset: query.offset, rows: [] }
    const { where, params } = filterClause(query.connectionId, snapshot.id, query)

    // The window's row ids come off the name-order index alone; only they are then looked up.
    const rows = this.db
      .prepare(
        `WITH win AS (
           SELECT d.row_id FROM directory_entry_version d INDEXED BY directory_entry_version_in_order
           WHERE ${where} ORDER BY ${PERSON_ORDER} LIMIT @limit OFFSET @offset)
         SELECT ${PERSON_COLUMNS}
         FROM win JOIN directory_entry_version d ON d.row_id = win.row_id ${MANAGER_JOIN}
         ORDER BY ${PERSON_ORDER}`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as PersonRecord[]

    const total = this.remember(`total ${snapshot.key} ${filterKey(query)}`, () =>
      this.count(`SELECT count(*) AS n FROM directory_entry_version d WHERE ${where}`, params),
    )
    return { total, offset: query.offset, rows: rows.map(toDirectoryRow) }
  }

  /**
   * Every row the filters match, a batch at a time, for exports. Each batch is a separate short
   * read, so a long export never holds the connection busy between batches.
   */
  *batches(connectionId: string, filters: DirectoryFilters, batchSize = 1_000) {
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = this.page({ ...filters, connectionId, offset, limit: batchSize })
      if (rows.length > 0) yield rows
      if (rows.length < batchSize) return
    }
  }

  facets(connectionId: string): DirectoryFacets {
    const snapshot = this.liveSnapshot(connectionId)
    if (!snapshot) return emptyFacets()
    return this.remember(`facets ${snapshot.key}`, () => this.readFacets(connectionId, snapshot))
  }

  /**
   * One page of a manager's direct reports, or of the people at the top of the chart: those
   * with no manager, or whose manager is not in the directory (a provider can name someone
   * outside it), so nobody falls out of the tree.
   */
  reports(query: {
    connectionId: string
    managerId: string | null
    offset: number
    limit: number
  }): OrgReportsPage {
    const snapshot = this.liveSnapshot(query.connectionId)
    if (!snapshot) return { managerId: query.managerId, total: 0, offset: query.offset, nodes: [] }
    const params: SqlParams = { connectionId: query.connectionId, live: snapshot.id }
    let where = `d.connection_id = @connectionId AND ${live('d')}`
    if (query.managerId === null) {
      where += ` AND (d.manager_id IS NULL OR NOT EXISTS (SELECT 1
        FROM directory_entry_version x INDEXED BY directory_entry_version_by_person
        WHERE x.connection_id = d.connection_id AND x.individual_id = d.manager_id
          AND ${live('x')}))`
    } else {
      where += ' AND d.manager_id = @managerId'
      params.managerId = query.managerId
    }

    const total = this.remember(`reports ${snapshot.key} ${query.managerId ?? ''}`, () =>
      this.count(`SELECT count(*) AS n FROM directory_entry_version d WHERE ${where}`, params),
    )
    const rows = this.db
      .prepare(
        `WITH win AS (
           SELECT d.row_id FROM directory_entry_version d INDEXED BY directory_entry_version_in_order
           WHERE ${where} ORDER BY ${PERSON_ORDER} LIMIT @limit OFFSET @offset)
         SELECT ${PERSON_COLUMNS}
         FROM win JOIN directory_entry_version d ON d.row_id = win.row_id ${MANAGER_JOIN}
         ORDER BY ${PERSON_ORDER}`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as PersonRecord[]

    const reportCounts = this.reportCounts(
      query.connectionId,
      snapshot.id,
      rows.map((row) => row.individual_id),
    )
    const nodes: OrgNode[] = rows.map((row) => ({
      ...toDirectoryRow(row),
      reportCount: reportCounts.get(row.individual_id) ?? 0,
    }))
    return { managerId: query.managerId, total, offset: query.offset, nodes }
  }

  private readFacets(connectionId: string, snapshot: LiveSnapshot): DirectoryFacets {
    const params = { connectionId, live: snapshot.id }
    const inDirectory = `d.connection_id = @connectionId AND ${live('d')}`
    const total = this.count(
      `SELECT count(*) AS n FROM directory_entry_version d WHERE ${inDirectory}`,
      params,
    )

    const departments = this.db
      .prepare(
        `SELECT d.department AS value, d.department AS label, count(*) AS count
         FROM directory_entry_version d
         WHERE ${inDirectory} AND d.department IS NOT NULL AND d.department <> ''
         GROUP BY d.department ORDER BY d.department COLLATE NOCASE`,
      )
      .all(params) as FacetValue[]

    const statusCounts = this.db
      .prepare(
        `SELECT d.is_active, count(*) AS count FROM directory_entry_version d
         WHERE ${inDirectory} GROUP BY d.is_active`,
      )
      .all(params) as { is_active: number | null; count: number }[]
    const statusCount = (flag: number | null) =>
      statusCounts.find((entry) => entry.is_active === flag)?.count ?? 0
    const statuses: FacetValue[] = [
      { value: 'active', label: 'Active', count: statusCount(1) },
      { value: 'terminated', label: 'Terminated', count: statusCount(0) },
      { value: 'unknown', label: 'Unknown', count: statusCount(null) },
    ].filter((status) => status.count > 0)

    const managerRows = this.db
      .prepare(
        `SELECT d.manager_id, m.first_name, m.last_name, count(*) AS count
         FROM directory_entry_version d ${MANAGER_JOIN}
         WHERE ${inDirectory} AND d.manager_id IS NOT NULL
         GROUP BY d.manager_id
         ORDER BY m.individual_id IS NULL, m.last_name COLLATE NOCASE,
           m.first_name COLLATE NOCASE, d.manager_id
         LIMIT @limit`,
      )
      .all({ ...params, limit: MAX_MANAGER_FACETS + 1 }) as {
      manager_id: string
      first_name: string | null
      last_name: string | null
      count: number
    }[]
    const managers = managerRows.slice(0, MAX_MANAGER_FACETS).map((row) => ({
      value: row.manager_id,
      label: managerName(row.first_name, row.last_name) ?? 'Not in the directory',
      count: row.count,
    }))

    // Location and employment type come with each person's employment record.
    const employment = this.db
      .prepare(
        `SELECT ${LOCATION_SQL} AS location, ${EMPLOYMENT_TYPE_SQL} AS type, count(*) AS count
         FROM directory_entry_version d
         JOIN employment_version e INDEXED BY employment_version_filters
           ON e.connection_id = d.connection_id
           AND e.individual_id = d.individual_id AND ${live('e')}
         WHERE ${inDirectory}
         GROUP BY location, type`,
      )
      .all(params) as { location: string | null; type: string; count: number }[]

    return {
      total,
      departments,
      statuses,
      managers,
      managersTruncated: managerRows.length > MAX_MANAGER_FACETS,
      locations: tally(
        employment,
        (row) => row.location,
        (value) => value,
      ),
      employmentTypes: tally(
        employment,
        (row) => (row.type === '/' ? null : row.type),
        employmentTypeLabel,
      ),
      hasEmployment: employment.length > 0,
    }
  }

  private reportCounts(
    connectionId: string,
    liveId: number,
    individualIds: string[],
  ): Map<string, number> {
    if (individualIds.length === 0) return new Map()
    const rows = this.db
      .prepare(
        `SELECT d.manager_id, count(*) AS count FROM directory_entry_version d
         WHERE d.connection_id = @connectionId AND ${live('d')}
           AND d.manager_id IN (SELECT value FROM json_each(@ids))
         GROUP BY d.manager_id`,
      )
      .all({ connectionId, live: liveId, ids: JSON.stringify(individualIds) }) as {
      manager_id: string
      count: number
    }[]
    return new Map(rows.map((row) => [row.manager_id, row.count]))
  }

  private liveSnapshot(connectionId: string): LiveSnapshot | null {
    const row = this.db
      .prepare(
        `SELECT c.live_snapshot_id AS id, s.swapped_at AS swappedAt
         FROM connection c LEFT JOIN sync_snapshot s ON s.snapshot_id = c.live_snapshot_id
         WHERE c.connection_id = ?`,
      )
      .get(connectionId) as { id: number | null; swappedAt: string | null } | undefined
    if (!row || row.id === null) return null
    return { id: row.id, key: `${connectionId} ${row.id} ${row.swappedAt ?? ''}` }
  }

  private remember<T>(key: string, read: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T
    const value = read()
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value as string)
    this.memo.set(key, value)
    return value
  }

  private count(sql: string, params: SqlParams): number {
    return (this.db.prepare(sql).get(params) as { n: number }).n
  }
}

/** The WHERE clause (on `d`) and its parameters for a connection's directory under the filters. */
function filterClause(
  connectionId: string,
  liveId: number,
  filters: DirectoryFilters,
): { where: string; params: SqlParams } {
  const params: SqlParams = { connectionId, live: liveId }
  const conditions = ['d.connection_id = @connectionId', live('d')]

  const search = searchClause(filters.search ?? '', params)
  if (search) conditions.push(search)
  if (filters.department !== undefined) {
    conditions.push('d.department = @department')
    params.department = filters.department
  }
  if (filters.managerId !== undefined) {
    conditions.push('d.manager_id = @managerId')
    params.managerId = filters.managerId
  }
  if (filters.status === 'active') conditions.push('d.is_active = 1')
  if (filters.status === 'terminated') conditions.push('d.is_active = 0')
  if (filters.status === 'unknown') conditions.push('d.is_active IS NULL')
  if (filters.location !== undefined) {
    conditions.push(employmentClause(`${LOCATION_SQL} = @location`))
    params.location = filters.location
  }
  if (filters.employmentType !== undefined) {
    conditions.push(employmentClause(`${EMPLOYMENT_TYPE_SQL} = @employmentType`))
    params.employmentType = filters.employmentType
  }

  return { where: conditions.join(' AND '), params }
}

function employmentClause(condition: string): string {
  return `EXISTS (SELECT 1 FROM employment_version e INDEXED BY employment_version_filters
    WHERE e.connection_id = d.connection_id AND e.individual_id = d.individual_id
      AND ${live('e')} AND ${condition})`
}

/**
 * Every word of the search must start a word of the person's names, preferred name, work or
 * personal emails, title or department, through the people search index the sync builds. Text
 * with no searchable word in it matches nobody rather than everybody.
 */
function searchClause(search: string, params: SqlParams): string | null {
  if (search.trim() === '') return null
  const match = matchQuery(search.split(/\s+/).slice(0, MAX_SEARCH_WORDS).join(' '))
  if (!match) return '0'

  params.match = match
  return `d.individual_id IN (SELECT s.individual_id
    FROM person_search_index f JOIN person_search_version s ON s.doc_row = f.rowid
    WHERE person_search_index MATCH @match AND s.connection_id = @connectionId AND ${live('s')})`
}

/** The filters as part of a memo key, in a fixed order. */
function filterKey(filters: DirectoryFilters): string {
  return JSON.stringify([
    filters.search?.trim() ?? '',
    filters.department ?? null,
    filters.managerId ?? null,
    filters.status ?? null,
    filters.location ?? null,
    filters.employmentType ?? null,
  ])
}

/** Folds the employment groups into one facet, largest first, then by label. */
function tally<Row extends { count: number }>(
  rows: Row[],
  valueOf: (row: Row) => string | null,
  labelOf: (value: string) => string,
): FacetValue[] {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const value = valueOf(row)
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + row.count)
  }
  return [...counts]
    .map(([value, count]) => ({ value, label: labelOf(value), count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-US'))
}

/** Human words for Finch's type and subtype; an unlisted pair reads as its own words. */
function employmentTypeLabel(value: string): string {
  const known = EMPLOYMENT_TYPE_LABELS[value]
  if (known) return known
  const words = value.split('/').filter(Boolean).reverse().join(' ').replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function emptyFacets(): DirectoryFacets {
  return {
    total: 0,
    departments: [],
    statuses: [],
    managers: [],
    managersTruncated: false,
    locations: [],
    employmentTypes: [],
    hasEmployment: false,
  }
}

/**
 * A manager as the people table's column and the manager filter both name them, first then last
 * name; the filter still sorts managers by last name.
 */
function managerName(firstName: string | null, lastName: string | null): string | null {
  return [firstName, lastName].filter(Boolean).join(' ') || null
}

function toDirectoryRow(row: PersonRecord): DirectoryRow {
  return {
    individualId: row.individual_id,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    email: row.email,
    department: row.department,
    managerId: row.manager_id,
    managerName: managerName(row.manager_first, row.manager_last),
    isActive: row.is_active === null ? null : row.is_active === 1,
  }
}
