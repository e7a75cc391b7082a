/**
 * Year-to-date and year-end figures summed from every pay statement line, the way the readers
 * worked before the sync stored per-payment, per-person figures. Tests and benchmarks hold the
 * stored-figure readers against these, to the cent.
 */
import type { CacheDatabase } from '../../src/main/cache/open-database'
import { sortablePersonName } from '../../src/shared/person-name'
import type { YtdLineTotal, YtdPeoplePage, YtdSummary } from '../../src/shared/ytd-review'

type SqlParams = Record<string, string | number>

const TAX_TYPES = ['federal', 'fica', 'state', 'local', 'other'] as const

function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

function yearStatementsSql(withPerson: boolean): string {
  return `WITH st AS MATERIALIZED (
    SELECT s.statement_row, s.individual_id, s.payment_id, s.gross_pay_cents, s.net_pay_cents
    FROM payment p JOIN pay_statement s
      ON s.connection_id = p.connection_id AND s.payment_id = p.payment_id
    WHERE p.connection_id = @connectionId AND p.pay_date BETWEEN @from AND @to
      ${withPerson ? 'AND s.individual_id = @individualId' : ''})`
}

const LINE_KIND_SQL = `CASE
    WHEN l.kind = 'tax' AND l.employer = 1 THEN 'employer_tax'
    WHEN l.kind = 'tax' THEN 'tax'
    WHEN l.pre_tax = 1 THEN 'pre_tax_deduction'
    ELSE 'post_tax_deduction' END`

const YTD_LINES = `l.is_null_entry = 0 AND l.kind IN ('tax', 'employee_deduction')`

const KIND_ORDER: YtdLineTotal['kind'][] = [
  'tax',
  'employer_tax',
  'pre_tax_deduction',
  'post_tax_deduction',
]

/** The year-to-date summary of a company or one person, from lines. */
export function ytdSummaryFromLines(
  db: CacheDatabase,
  query: { connectionId: string; year: number; individualId?: string },
): YtdSummary {
  const withPerson = query.individualId !== undefined
  const params: SqlParams = { connectionId: query.connectionId, ...yearRange(query.year) }
  if (query.individualId !== undefined) params.individualId = query.individualId
  const cte = yearStatementsSql(withPerson)
  const totals = db
    .prepare(
      `${cte} SELECT count(DISTINCT payment_id) AS payments, count(*) AS statements,
         coalesce(sum(gross_pay_cents), 0) AS gross, coalesce(sum(net_pay_cents), 0) AS net
       FROM st`,
    )
    .get(params) as { payments: number; statements: number; gross: number; net: number }
  const lines = db
    .prepare(
      `${cte} SELECT ${LINE_KIND_SQL} AS kind,
         coalesce(nullif(trim(l.name), ''), nullif(trim(l.type), ''), 'Unnamed') AS label,
         coalesce(sum(l.amount_cents), 0) AS totalCents
       FROM st JOIN pay_statement_line_version l ON l.statement_row = st.statement_row
       WHERE ${YTD_LINES}
       GROUP BY 1, 2`,
    )
    .all(params) as YtdLineTotal[]
  lines.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.label.localeCompare(b.label, 'en-US'),
  )
  const kindTotal = (kind: YtdLineTotal['kind']) =>
    lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.totalCents, 0)
  const employeeTaxesCents = kindTotal('tax')
  const preTaxDeductionsCents = kindTotal('pre_tax_deduction')
  const postTaxDeductionsCents = kindTotal('post_tax_deduction')
  return {
    year: query.year,
    ...(query.individualId !== undefined ? { individualId: query.individualId } : {}),
    paymentCount: totals.payments,
    statementCount: totals.statements,
    grossPayCents: totals.gross,
    employeeTaxesCents,
    employerTaxesCents: kindTotal('employer_tax'),
    preTaxDeductionsCents,
    postTaxDeductionsCents,
    netPayCents: totals.net,
    unexplainedCents:
      totals.gross -
      employeeTaxesCents -
      preTaxDeductionsCents -
      postTaxDeductionsCents -
      totals.net,
    lines,
  }
}

/** A window of per-person year-to-date totals by name, from lines. */
export function ytdPeopleFromLines(
  db: CacheDatabase,
  query: { connectionId: string; year: number; offset: number; limit: number },
): YtdPeoplePage {
  const params: SqlParams = { connectionId: query.connectionId, ...yearRange(query.year) }
  const rows = db
    .prepare(
      `${yearStatementsSql(false)},
       per_person AS (
         SELECT individual_id, count(*) AS statements, coalesce(sum(gross_pay_cents), 0) AS gross,
           coalesce(sum(net_pay_cents), 0) AS net
         FROM st GROUP BY individual_id),
       per_person_lines AS (
         SELECT st.individual_id,
           coalesce(sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0
             THEN l.amount_cents END), 0) AS taxes,
           coalesce(sum(CASE WHEN l.kind = 'employee_deduction' AND l.pre_tax = 1
             THEN l.amount_cents END), 0) AS pre_tax,
           coalesce(sum(CASE WHEN l.kind = 'employee_deduction' AND coalesce(l.pre_tax, 0) = 0
             THEN l.amount_cents END), 0) AS post_tax
         FROM st JOIN pay_statement_line_version l ON l.statement_row = st.statement_row
         WHERE ${YTD_LINES}
         GROUP BY st.individual_id)
       SELECT pp.individual_id, pp.statements, pp.gross, pp.net,
         coalesce(pl.taxes, 0) AS taxes, coalesce(pl.pre_tax, 0) AS pre_tax,
         coalesce(pl.post_tax, 0) AS post_tax,
         d.first_name, d.middle_name, d.last_name,
         count(*) OVER () AS total
       FROM per_person pp
       LEFT JOIN per_person_lines pl ON pl.individual_id = pp.individual_id
       LEFT JOIN directory_entry_version d INDEXED BY directory_entry_version_by_person
         ON d.connection_id = @connectionId AND d.individual_id = pp.individual_id
           AND d.added_snapshot <= (SELECT live_snapshot_id FROM connection
             WHERE connection_id = @connectionId)
           AND (d.removed_snapshot IS NULL OR d.removed_snapshot > (SELECT live_snapshot_id
             FROM connection WHERE connection_id = @connectionId))
       ORDER BY d.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, pp.individual_id
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as {
    individual_id: string
    statements: number
    gross: number
    net: number
    taxes: number
    pre_tax: number
    post_tax: number
    first_name: string | null
    middle_name: string | null
    last_name: string | null
    total: number
  }[]
  return {
    total: rows[0]?.total ?? 0,
    offset: query.offset,
    rows: rows.map((row) => ({
      individualId: row.individual_id,
      personName: sortablePersonName({
        firstName: row.first_name,
        middleName: row.middle_name,
        lastName: row.last_name,
      }),
      statementCount: row.statements,
      grossPayCents: row.gross,
      employeeTaxesCents: row.taxes,
      preTaxDeductionsCents: row.pre_tax,
      postTaxDeductionsCents: row.post_tax,
      netPayCents: row.net,
    })),
  }
}

function taxCondition(employer: boolean, type: (typeof TAX_TYPES)[number]): string {
  const side = employer ? 'l.employer = 1' : 'coalesce(l.employer, 0) = 0'
  const known = TAX_TYPES.filter((name) => name !== 'other')
    .map((name) => `'${name}'`)
    .join(', ')
  const which = type === 'other' ? `coalesce(l.type, '') NOT IN (${known})` : `l.type = '${type}'`
  return `l.kind = 'tax' AND ${side} AND ${which}`
}

/**
 * Every person's year-end figures of the year from lines, keyed by individual id, named as the
 * stored figures' columns.
 */
export function yearEndFromLines(
  db: CacheDatabase,
  query: { connectionId: string; year: number },
): Map<string, Record<string, number>> {
  const sums: [string, string][] = [
    ...TAX_TYPES.map(
      (t) => [`employee_${t}_tax_cents`, taxCondition(false, t)] as [string, string],
    ),
    ...TAX_TYPES.map((t) => [`employer_${t}_tax_cents`, taxCondition(true, t)] as [string, string]),
    ['pre_tax_deductions_cents', `l.kind = 'employee_deduction' AND l.pre_tax = 1`],
    ['post_tax_deductions_cents', `l.kind = 'employee_deduction' AND coalesce(l.pre_tax, 0) = 0`],
    ['employer_contributions_cents', `l.kind = 'employer_contribution'`],
  ]
  const records = db
    .prepare(
      `${yearStatementsSql(false)},
       statement_sums AS (
         SELECT individual_id, count(*) AS statement_count,
           count(CASE WHEN gross_pay_cents IS NULL OR net_pay_cents IS NULL THEN 1 END)
             AS incomplete_count,
           coalesce(sum(gross_pay_cents), 0) AS gross_pay_cents,
           coalesce(sum(net_pay_cents), 0) AS net_pay_cents
         FROM st GROUP BY individual_id),
       line_sums AS (
         SELECT st.individual_id,
           ${sums.map(([name, c]) => `coalesce(sum(CASE WHEN ${c} THEN l.amount_cents END), 0) AS ${name}`).join(',\n')}
         FROM st JOIN pay_statement_line_version l ON l.statement_row = st.statement_row
         GROUP BY st.individual_id)
       SELECT ss.*, ${sums.map(([name]) => `coalesce(ls.${name}, 0) AS ${name}`).join(', ')}
       FROM statement_sums ss LEFT JOIN line_sums ls ON ls.individual_id = ss.individual_id`,
    )
    .all({ connectionId: query.connectionId, ...yearRange(query.year) }) as (Record<
    string,
    number
  > & { individual_id: string })[]
  return new Map(records.map(({ individual_id: id, ...figures }) => [String(id), figures]))
}
