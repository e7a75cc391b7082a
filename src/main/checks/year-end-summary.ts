/**
 * Year-end summaries: per person and for the whole company, the year's gross pay, each type of
 * tax, deductions before and after tax, employer contributions and net pay. As Finch's guides
 * advise, a year is the payments whose pay date falls in it and the statements that belong to
 * them. Every figure is an SQL sum over integer cents, read from the figures the sync stored per
 * person and year or per payment and person (see `person-totals.ts`), and the company's totals are
 * summed from the same per-person rows a page shows, so they equal the sum of those rows exactly.
 */
import type { TaxCents, YearEndFigures, YearEndPage, YearEndPerson } from '../../shared/checks'
import { TAX_TYPES } from '../../shared/checks'
import { sortablePersonName } from '../../shared/person-name'
import { directoryJoinSql } from '../cache/directory-join'
import type { CacheDatabase } from '../cache/open-database'
import type { FigureTaxType } from '../cache/person-totals'
import { personYearSql } from '../cache/person-totals'
import { personYearsStored } from '../cache/person-years'

/** Fails to compile if this summary shows a tax type the stored figures do not keep apart. */
const SHOWN_TAX_TYPES: readonly FigureTaxType[] = TAX_TYPES

type FigureRecord = Record<string, number>

function taxes(record: FigureRecord, side: 'employee' | 'employer'): TaxCents {
  return Object.fromEntries(
    SHOWN_TAX_TYPES.map((type) => [type, record[`${side}_${type}_tax_cents`] ?? 0]),
  ) as TaxCents
}

function sumTaxes(cents: TaxCents): number {
  return TAX_TYPES.reduce((sum, type) => sum + cents[type], 0)
}

function toFigures(record: FigureRecord): YearEndFigures {
  const employeeTaxCents = taxes(record, 'employee')
  const employerTaxCents = taxes(record, 'employer')
  return {
    statementCount: record.statement_count ?? 0,
    incompleteStatementCount: record.incomplete_count ?? 0,
    grossPayCents: record.gross_pay_cents ?? 0,
    employeeTaxCents,
    employeeTaxesCents: sumTaxes(employeeTaxCents),
    preTaxDeductionsCents: record.pre_tax_deductions_cents ?? 0,
    postTaxDeductionsCents: record.post_tax_deductions_cents ?? 0,
    employerContributionsCents: record.employer_contributions_cents ?? 0,
    employerTaxCents,
    employerTaxesCents: sumTaxes(employerTaxCents),
    netPayCents: record.net_pay_cents ?? 0,
  }
}

export function emptyFigures(): YearEndFigures {
  return toFigures({})
}

/** Adds figures together, as a matched person's records or a page's rows. */
export function addFigures(parts: readonly YearEndFigures[]): YearEndFigures {
  const sum = emptyFigures()
  for (const part of parts) {
    sum.statementCount += part.statementCount
    sum.incompleteStatementCount += part.incompleteStatementCount
    sum.grossPayCents += part.grossPayCents
    sum.preTaxDeductionsCents += part.preTaxDeductionsCents
    sum.postTaxDeductionsCents += part.postTaxDeductionsCents
    sum.employerContributionsCents += part.employerContributionsCents
    sum.netPayCents += part.netPayCents
    for (const type of TAX_TYPES) {
      sum.employeeTaxCents[type] += part.employeeTaxCents[type]
      sum.employerTaxCents[type] += part.employerTaxCents[type]
    }
  }
  sum.employeeTaxesCents = sumTaxes(sum.employeeTaxCents)
  sum.employerTaxesCents = sumTaxes(sum.employerTaxCents)
  return sum
}

function yearRange(year: number): { from: string; to: string } {
  const padded = String(year).padStart(4, '0')
  return { from: `${padded}-01-01`, to: `${padded}-12-31` }
}

/** The newest year with payments, or this calendar year when there are none. */
export function defaultYear(years: readonly number[]): number {
  return years[0] ?? new Date().getUTCFullYear()
}

/** Years with at least one payment, newest first. */
export function readPaymentYears(db: CacheDatabase, connectionIds: readonly string[]): number[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT CAST(substr(pay_date, 1, 4) AS INTEGER) AS year FROM payment
       WHERE connection_id IN (SELECT value FROM json_each(?)) AND pay_date GLOB '[0-9][0-9][0-9][0-9]-*'
       ORDER BY year DESC`,
    )
    .all(JSON.stringify(connectionIds)) as { year: number }[]
  return rows.map((row) => row.year)
}

/**
 * A window of people paid in the year, by last then first name, with the company's totals. The
 * year's rows are read once per cache version and kept for the pages after it: one row per
 * person when the sync stored the year, otherwise summed from the per-payment figures.
 */
export function readYearEndPage(
  db: CacheDatabase,
  request: { connectionId: string; year?: number; offset: number; limit: number },
): YearEndPage {
  const years = readPaymentYears(db, [request.connectionId])
  const year = request.year ?? defaultYear(years)
  const { rows, totals } = readPeopleYear(db, request.connectionId, year)
  return {
    connectionId: request.connectionId,
    year,
    years,
    total: rows.length,
    offset: request.offset,
    rows: rows.slice(request.offset, request.offset + request.limit),
    totals,
  }
}

interface PeopleYear {
  key: string
  /** Everyone paid in the year, by last then first name. */
  rows: YearEndPerson[]
  /** The sum of `rows`, so the company's totals are exactly what the rows add up to. */
  totals: YearEndFigures
}

/** The years most recently added up, per open cache. */
const recentYears = new WeakMap<CacheDatabase, PeopleYear[]>()
const KEPT_YEARS = 2

function readPeopleYear(db: CacheDatabase, connectionId: string, year: number): PeopleYear {
  const key = `${connectionId}/${year}/${cacheVersion(db, connectionId)}`
  const kept = recentYears.get(db) ?? []
  const found = kept.find((entry) => entry.key === key)
  if (found) return found

  const snapshot = personYearsStored(db, connectionId)
  const records = (
    snapshot === null
      ? db.prepare(
          `${personYearSql('all')}
           SELECT py.*, d.first_name, d.middle_name, d.last_name
           FROM person_year py
           ${directoryJoinSql('d', '@connectionId', 'py.individual_id')}
           ORDER BY d.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, py.individual_id`,
        )
      : // The stored years keep first and last name for their order; the middle name is read
        // from the live directory, the snapshot the years were summed from.
        db.prepare(
          `SELECT py.*, d.middle_name
           FROM person_year_total py
           ${directoryJoinSql('d', '@connectionId', 'py.individual_id')}
           WHERE py.connection_id = @connectionId AND py.snapshot_id = @snapshot
             AND py.year = @year
           ORDER BY py.last_name COLLATE NOCASE, py.first_name COLLATE NOCASE, py.individual_id`,
        )
  ).all(
    snapshot === null ? { connectionId, ...yearRange(year) } : { connectionId, snapshot, year },
  ) as (FigureRecord & {
    individual_id: string
    first_name: string | null
    middle_name: string | null
    last_name: string | null
  })[]
  const rows = records.map<YearEndPerson>((record) => ({
    individualId: record.individual_id,
    personName: sortablePersonName({
      firstName: record.first_name,
      middleName: record.middle_name,
      lastName: record.last_name,
    }),
    ...toFigures(record),
  }))
  const made = { key, rows, totals: addFigures(rows) }
  recentYears.set(db, [made, ...kept].slice(0, KEPT_YEARS))
  return made
}

/**
 * What changes whenever the connection's payroll does: a sync swaps in a new live snapshot (whose
 * stored years never change), and a purge or a hand-made test fixture changes the number of
 * statement rows. Counting those costs a 10,000-person company a fifth of a second, so a
 * snapshot with stored years is known by its id alone.
 */
function cacheVersion(db: CacheDatabase, connectionId: string): string {
  const stored = personYearsStored(db, connectionId)
  if (stored !== null) return `stored/${stored}`
  const row = db
    .prepare(
      `SELECT c.live_snapshot_id AS live,
         (SELECT count(*) FROM pay_statement_version v WHERE v.connection_id = c.connection_id)
           AS statements
       FROM connection c WHERE c.connection_id = ?`,
    )
    .get(connectionId) as { live: number | null; statements: number } | undefined
  return row ? `${row.live}/${row.statements}` : 'none'
}

/** The year's figures of some people of one connection; people not paid that year are absent. */
export function readYearEndFor(
  db: CacheDatabase,
  query: { connectionId: string; year: number; individualIds: readonly string[] },
): Map<string, YearEndFigures> {
  if (query.individualIds.length === 0) return new Map()
  const individualIds = JSON.stringify(query.individualIds)
  const snapshot = personYearsStored(db, query.connectionId)
  const records = (
    snapshot === null
      ? db
          .prepare(`${personYearSql('some')} SELECT * FROM person_year`)
          .all({ connectionId: query.connectionId, ...yearRange(query.year), individualIds })
      : db
          .prepare(
            `SELECT * FROM person_year_total
             WHERE connection_id = @connectionId AND snapshot_id = @snapshot AND year = @year
               AND individual_id IN (SELECT value FROM json_each(@individualIds))`,
          )
          .all({ connectionId: query.connectionId, snapshot, year: query.year, individualIds })
  ) as (FigureRecord & { individual_id: string })[]
  return new Map(records.map((record) => [record.individual_id, toFigures(record)]))
}

/** Every person's row of the year, a batch at a time, for exports. */
export function* yearEndBatches(
  db: CacheDatabase,
  connectionId: string,
  year: number,
  batchSize = 1_000,
): Generator<YearEndPerson[]> {
  const { rows } = readPeopleYear(db, connectionId, year)
  for (let offset = 0; offset < rows.length; offset += batchSize) {
    yield rows.slice(offset, offset + batchSize)
  }
}
