/**
 * The people table's reads: windows of the filtered directory, the values its filters offer, and
 * the org chart one manager at a time. Every read is bounded by a limit, so no caller can pull a
 * whole 10,000-person directory in one answer.
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

/** More managers than this are left out of the filter; search still finds their reports. */
export const MAX_MANAGER_FACETS = 2_000

const MAX_SEARCH_WORDS = 8

/** The order the table, the org chart and the exports share: last name, first name, id. */
const PERSON_ORDER = 'd.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, d.individual_id'

const PERSON_COLUMNS = `d.individual_id, d.first_name, d.middle_name, d.last_name, d.department,
  d.manager_id, d.is_active, m.first_name AS manager_first, m.last_name AS manager_last`

const MANAGER_JOIN = `LEFT JOIN directory_entry m
  ON m.connection_id = d.connection_id AND m.individual_id = d.manager_id`

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
}

export interface DirectoryWindowQuery extends DirectoryFilters {
  connectionId: string
  offset: number
  limit: number
}

export class DirectoryQueries {
  constructor(private readonly db: CacheDatabase) {}

  page(query: DirectoryWindowQuery): DirectoryPage {
    const { where, params } = filterClause(query.connectionId, query)
    // The total rides along as a window count, so one pass over the directory answers both.
    const rows = this.db
      .prepare(
        `SELECT ${PERSON_COLUMNS}, count(*) OVER () AS total FROM directory_entry d ${MANAGER_JOIN}
         WHERE ${where} ORDER BY ${PERSON_ORDER} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as (PersonRecord & {
      total: number
    })[]
    const total =
      rows[0]?.total ??
      this.count(`SELECT count(*) AS n FROM directory_entry d WHERE ${where}`, params)
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
    const params = { connectionId }
    const total = this.count(
      'SELECT count(*) AS n FROM directory_entry WHERE connection_id = @connectionId',
      params,
    )

    const departments = this.db
      .prepare(
        `SELECT department AS value, department AS label, count(*) AS count FROM directory_entry
         WHERE connection_id = @connectionId AND department IS NOT NULL AND department <> ''
         GROUP BY department ORDER BY department COLLATE NOCASE`,
      )
      .all(params) as FacetValue[]

    const statusCounts = this.db
      .prepare(
        `SELECT is_active, count(*) AS count FROM directory_entry
         WHERE connection_id = @connectionId GROUP BY is_active`,
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
        `SELECT d.manager_id, m.first_name, m.middle_name, m.last_name, count(*) AS count
         FROM directory_entry d ${MANAGER_JOIN}
         WHERE d.connection_id = @connectionId AND d.manager_id IS NOT NULL
         GROUP BY d.manager_id
         ORDER BY m.individual_id IS NULL, m.last_name COLLATE NOCASE,
           m.first_name COLLATE NOCASE, d.manager_id
         LIMIT @limit`,
      )
      .all({ ...params, limit: MAX_MANAGER_FACETS + 1 }) as {
      manager_id: string
      first_name: string | null
      middle_name: string | null
      last_name: string | null
      count: number
    }[]
    const managers = managerRows.slice(0, MAX_MANAGER_FACETS).map((row) => ({
      value: row.manager_id,
      label: sortableName(row.first_name, row.middle_name, row.last_name) ?? 'Not in the directory',
      count: row.count,
    }))

    return {
      total,
      departments,
      statuses,
      managers,
      managersTruncated: managerRows.length > MAX_MANAGER_FACETS,
      locations: {
        values: this.companyLocations(connectionId),
        missing:
          'Where each person works comes with employment data, which this cache does not hold yet; the company’s locations are listed, but people cannot be filtered by them.',
      },
      employmentTypes: {
        values: [],
        missing:
          'Employment type (full-time, part-time, contractor) comes with employment data, which this cache does not hold yet.',
      },
    }
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
    const params: SqlParams = { connectionId: query.connectionId }
    let where = 'd.connection_id = @connectionId'
    if (query.managerId === null) {
      where += ` AND (d.manager_id IS NULL OR NOT EXISTS (SELECT 1 FROM directory_entry x
        WHERE x.connection_id = d.connection_id AND x.individual_id = d.manager_id))`
    } else {
      where += ' AND d.manager_id = @managerId'
      params.managerId = query.managerId
    }

    const total = this.count(`SELECT count(*) AS n FROM directory_entry d WHERE ${where}`, params)
    const rows = this.db
      .prepare(
        `SELECT ${PERSON_COLUMNS} FROM directory_entry d ${MANAGER_JOIN}
         WHERE ${where} ORDER BY ${PERSON_ORDER} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as PersonRecord[]

    const reportCounts = this.reportCounts(
      query.connectionId,
      rows.map((row) => row.individual_id),
    )
    const nodes: OrgNode[] = rows.map((row) => ({
      ...toDirectoryRow(row),
      reportCount: reportCounts.get(row.individual_id) ?? 0,
    }))
    return { managerId: query.managerId, total, offset: query.offset, nodes }
  }

  private reportCounts(connectionId: string, individualIds: string[]): Map<string, number> {
    if (individualIds.length === 0) return new Map()
    const rows = this.db
      .prepare(
        `SELECT manager_id, count(*) AS count FROM directory_entry
         WHERE connection_id = ? AND manager_id IN (SELECT value FROM json_each(?))
         GROUP BY manager_id`,
      )
      .all(connectionId, JSON.stringify(individualIds)) as { manager_id: string; count: number }[]
    return new Map(rows.map((row) => [row.manager_id, row.count]))
  }

  private companyLocations(connectionId: string): string[] {
    const row = this.db
      .prepare('SELECT locations_json FROM company WHERE connection_id = ?')
      .get(connectionId) as { locations_json: string } | undefined
    const locations = JSON.parse(row?.locations_json ?? '[]') as {
      city: string | null
      state: string | null
    }[]
    const labels = locations
      .map((location) => [location.city, location.state].filter(Boolean).join(', '))
      .filter((label) => label !== '')
    return [...new Set(labels)]
  }

  private count(sql: string, params: SqlParams): number {
    return (this.db.prepare(sql).get(params) as { n: number }).n
  }
}

/** The WHERE clause and its parameters for a connection's directory under the given filters. */
function filterClause(
  connectionId: string,
  filters: DirectoryFilters,
): { where: string; params: SqlParams } {
  const params: SqlParams = { connectionId }
  const conditions = ['d.connection_id = @connectionId']

  const search = nameSearchClause(filters.search ?? '', params)
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

  return { where: conditions.join(' AND '), params }
}

/**
 * Every word of the search must match the start of some part of the name. This is the one
 * place a people search is built: work emails live with individual data, which this cache does
 * not hold yet, so only directory names are searched. A full-text index over names and emails
 * replaces this clause (keeping its contract: words in, one condition on `d` out).
 */
function nameSearchClause(search: string, params: SqlParams): string | null {
  const words = search.trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS)
  if (words.length === 0) return null

  return words
    .map((word, index) => {
      const name = `word${index}`
      params[name] = `${escapeLike(word)}%`
      return `(coalesce(d.first_name, '') LIKE @${name} ESCAPE '\\'
        OR coalesce(d.middle_name, '') LIKE @${name} ESCAPE '\\'
        OR coalesce(d.last_name, '') LIKE @${name} ESCAPE '\\')`
    })
    .join(' AND ')
}

function toDirectoryRow(row: PersonRecord): DirectoryRow {
  const managerName = [row.manager_first, row.manager_last].filter(Boolean).join(' ')
  return {
    individualId: row.individual_id,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    department: row.department,
    managerId: row.manager_id,
    managerName: managerName || null,
    isActive: row.is_active === null ? null : row.is_active === 1,
  }
}

function sortableName(
  first: string | null,
  middle: string | null,
  last: string | null,
): string | null {
  const given = [first, middle].filter((part) => part && part.trim()).join(' ')
  const family = last && last.trim() ? last : ''
  if (family && given) return `${family}, ${given}`
  return family || given || null
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
