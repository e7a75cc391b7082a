import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personYearsStored } from '../../../src/main/cache/person-years'
import { readYearEndPage } from '../../../src/main/checks/year-end-summary'
import { YtdQueries } from '../../../src/main/review/ytd-queries'
import type { YearEndPerson } from '../../../src/shared/checks'
import {
  yearEndFromLines,
  ytdPeopleFromLines,
  ytdSummaryFromLines,
} from '../../support/ytd-from-lines'
import type { SyncHarness } from './sync-harness'
import { startSyncHarness } from './sync-harness'

/** A year-end row as the stored figures' column names, to set beside the line-summed record. */
function asColumns(row: YearEndPerson): Record<string, number> {
  const columns: Record<string, number> = {
    statement_count: row.statementCount,
    incomplete_count: row.incompleteStatementCount,
    gross_pay_cents: row.grossPayCents,
    net_pay_cents: row.netPayCents,
    pre_tax_deductions_cents: row.preTaxDeductionsCents,
    post_tax_deductions_cents: row.postTaxDeductionsCents,
    employer_contributions_cents: row.employerContributionsCents,
  }
  for (const [type, cents] of Object.entries(row.employeeTaxCents)) {
    columns[`employee_${type}_tax_cents`] = cents
  }
  for (const [type, cents] of Object.entries(row.employerTaxCents)) {
    columns[`employer_${type}_tax_cents`] = cents
  }
  return columns
}

describe.each(['smallco', 'largeco', 'hostile'])(
  'the year-to-date figures a sync stores for %s',
  (username) => {
    let harness: SyncHarness
    let years: number[]

    beforeAll(async () => {
      harness = await startSyncHarness({ username })
      await harness.sync.sync(harness.connectionId)
      years = (
        harness.cache.database
          .prepare(
            `SELECT DISTINCT CAST(substr(pay_date, 1, 4) AS INTEGER) AS year FROM payment
             WHERE connection_id = ? AND pay_date IS NOT NULL ORDER BY year`,
          )
          .all(harness.connectionId) as { year: number }[]
      ).map((row) => row.year)
    }, 120_000)

    afterAll(() => harness.close())

    /** Every read the panel and the year-end summary make, for every year with payments. */
    function readEverything() {
      const db = harness.cache.database
      const queries = new YtdQueries(db)
      const connectionId = harness.connectionId
      return years.map((year) => {
        const people = queries.people({ connectionId, year, offset: 0, limit: 100_000 })
        return {
          company: queries.summary({ connectionId, year }),
          people,
          persons: people.rows.map((row) =>
            queries.summary({ connectionId, year, individualId: row.individualId }),
          ),
          yearEnd: readYearEndPage(db, { connectionId, year, offset: 0, limit: 100_000 }),
        }
      })
    }

    it('are written for every payment whose statements arrived', () => {
      const db = harness.cache.database

      const unsummed = db
        .prepare(
          `SELECT count(*) AS n FROM payment_register r
           WHERE r.connection_id = ? AND r.statement_count > 0 AND NOT EXISTS (
             SELECT 1 FROM payment_person_total_version t WHERE t.register_row = r.register_row)`,
        )
        .get(harness.connectionId) as { n: number }
      const stored = db
        .prepare(
          `SELECT coalesce(sum(t.statement_count), 0) AS statements
           FROM payment_register r JOIN payment_person_total_version t
             ON t.register_row = r.register_row
           WHERE r.connection_id = ?`,
        )
        .get(harness.connectionId) as { statements: number }
      const statements = db
        .prepare('SELECT count(*) AS n FROM pay_statement WHERE connection_id = ?')
        .get(harness.connectionId) as { n: number }

      expect(personYearsStored(db, harness.connectionId)).not.toBeNull()
      expect(unsummed.n).toBe(0)
      expect(stored.statements).toBe(statements.n)
      expect(statements.n).toBeGreaterThan(0)
    })

    it('give every year the same figures, to the cent, as summing every line', () => {
      const db = harness.cache.database
      const connectionId = harness.connectionId

      const read = readEverything()

      expect(years.length).toBeGreaterThan(0)
      read.forEach((stored, index) => {
        const year = years[index]!
        expect(stored.company).toEqual(ytdSummaryFromLines(db, { connectionId, year }))
        expect(stored.people).toEqual(
          ytdPeopleFromLines(db, { connectionId, year, offset: 0, limit: 100_000 }),
        )
        for (const person of stored.persons) {
          expect(person).toEqual(
            ytdSummaryFromLines(db, { connectionId, year, individualId: person.individualId! }),
          )
        }
        const fromLines = yearEndFromLines(db, { connectionId, year })
        expect(stored.yearEnd.rows).toHaveLength(fromLines.size)
        for (const row of stored.yearEnd.rows) {
          expect(asColumns(row)).toEqual(fromLines.get(row.individualId))
        }
      })
    })

    it('give the same answers from the per-payment figures when no year is stored', () => {
      const stored = readEverything()

      harness.cache.database
        .prepare('DELETE FROM person_year_summed WHERE connection_id = ?')
        .run(harness.connectionId)
      harness.reopen()
      const summed = readEverything()

      expect(personYearsStored(harness.cache.database, harness.connectionId)).toBeNull()
      expect(summed).toEqual(stored)
    })

    it('give the same answers when no payment has stored figures and lines are summed', () => {
      const db = harness.cache.database
      const stored = readEverything()

      db.prepare('DELETE FROM payment_register_version WHERE connection_id = ?').run(
        harness.connectionId,
      )
      // Reopened, so the year-end summary does not answer from the year it kept in memory.
      harness.reopen()
      const summed = readEverything()

      expect(summed).toEqual(stored)
    })
  },
)
