/**
 * Year-to-date totals for a company or one person, as Finch's guides advise: the year's
 * payments, chosen by pay date, and the statements that belong to them. Sums are SQL sums over
 * integer cents, so every total is exact.
 */
import type { YtdLineTotal, YtdPeoplePage, YtdSummary } from '../../shared/ytd-review'
import type { CacheDatabase } from '../cache/open-database'

type SqlParams = Record<string, string | number>

/** The year's statements, optionally one person's, as a CTE named `st`. */
function yearStatementsSql(withPerson: boolean): string {
  return `WITH st AS (
    SELECT s.statement_row, s.individual_id, s.payment_id, s.gross_pay_cents, s.net_pay_cents
    FROM payment p JOIN pay_statement s
      ON s.connection_id = p.connection_id AND s.payment_id = p.payment_id
    WHERE p.connection_id = @connectionId AND p.pay_date BETWEEN @from AND @to
      ${withPerson ? 'AND s.individual_id = @individualId' : ''})`
}

const LINE_KIND_SQL = `CASE
    WHEN l.kind = 'tax' AND l.employer = 1 THEN 'employer_tax'
    WHEN l.kind = 'tax' THEN 'tax'
    ELSE 'pre_tax_deduction' END`

const YTD_LINES = `l.is_null_entry = 0
  AND (l.kind = 'tax' OR (l.kind = 'employee_deduction' AND l.pre_tax = 1))`

const KIND_ORDER: YtdLineTotal['kind'][] = ['tax', 'employer_tax', 'pre_tax_deduction']

export class YtdQueries {
  constructor(private readonly db: CacheDatabase) {}

  summary(query: { connectionId: string; year: number; individualId?: string }): YtdSummary {
    const withPerson = query.individualId !== undefined
    const params: SqlParams = { connectionId: query.connectionId, ...yearRange(query.year) }
    if (query.individualId !== undefined) params.individualId = query.individualId
    const cte = yearStatementsSql(withPerson)

    const totals = this.db
      .prepare(
        `${cte} SELECT count(DISTINCT payment_id) AS payments, count(*) AS statements,
           coalesce(sum(gross_pay_cents), 0) AS gross, coalesce(sum(net_pay_cents), 0) AS net
         FROM st`,
      )
      .get(params) as { payments: number; statements: number; gross: number; net: number }
    const lines = this.db
      .prepare(
        `${cte} SELECT ${LINE_KIND_SQL} AS kind,
           coalesce(nullif(trim(l.name), ''), nullif(trim(l.type), ''), 'Unnamed') AS label,
           coalesce(sum(l.amount_cents), 0) AS totalCents
         FROM st JOIN pay_statement_line l ON l.statement_row = st.statement_row
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

    return {
      year: query.year,
      ...(query.individualId !== undefined ? { individualId: query.individualId } : {}),
      paymentCount: totals.payments,
      statementCount: totals.statements,
      grossPayCents: totals.gross,
      employeeTaxesCents: kindTotal('tax'),
      employerTaxesCents: kindTotal('employer_tax'),
      preTaxDeductionsCents: kindTotal('pre_tax_deduction'),
      netPayCents: totals.net,
      lines,
    }
  }

  /**
   * A window of per-person year-to-date totals, by name. Every window aggregates the whole year,
   * so a 10,000-person company pays that cost per page; a stored per-year rollup would not.
   */
  people(query: {
    connectionId: string
    year: number
    offset: number
    limit: number
  }): YtdPeoplePage {
    const params: SqlParams = { connectionId: query.connectionId, ...yearRange(query.year) }
    const cte = yearStatementsSql(false)
    const rows = this.db
      .prepare(
        `${cte},
         per_person AS (
           SELECT individual_id, count(*) AS statements, coalesce(sum(gross_pay_cents), 0) AS gross,
             coalesce(sum(net_pay_cents), 0) AS net
           FROM st GROUP BY individual_id),
         per_person_lines AS (
           SELECT st.individual_id,
             coalesce(sum(CASE WHEN l.kind = 'tax' AND coalesce(l.employer, 0) = 0
               THEN l.amount_cents END), 0) AS taxes,
             coalesce(sum(CASE WHEN l.kind = 'employee_deduction' THEN l.amount_cents END), 0)
               AS pre_tax
           FROM st JOIN pay_statement_line l ON l.statement_row = st.statement_row
           WHERE ${YTD_LINES}
           GROUP BY st.individual_id)
         SELECT pp.individual_id, pp.statements, pp.gross, pp.net,
           coalesce(pl.taxes, 0) AS taxes, coalesce(pl.pre_tax, 0) AS pre_tax,
           nullif(trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')), '')
             AS person_name,
           count(*) OVER () AS total
         FROM per_person pp
         LEFT JOIN per_person_lines pl ON pl.individual_id = pp.individual_id
         LEFT JOIN directory_entry d
           ON d.connection_id = @connectionId AND d.individual_id = pp.individual_id
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
      person_name: string | null
      total: number
    }[]

    return {
      total: rows[0]?.total ?? 0,
      offset: query.offset,
      rows: rows.map((row) => ({
        individualId: row.individual_id,
        personName: row.person_name,
        statementCount: row.statements,
        grossPayCents: row.gross,
        employeeTaxesCents: row.taxes,
        preTaxDeductionsCents: row.pre_tax,
        netPayCents: row.net,
      })),
    }
  }
}

function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}
