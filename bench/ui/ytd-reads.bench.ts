/**
 * How fast the company page's year-to-date panel and the year-end summary answer for a company
 * of 10,000 people paid 26 times (about 260,000 statements and 3.7 million lines): the company's
 * year-to-date summary, one person's, a window of the per-person list, and the year-end page,
 * each against the same read summed from every line (what the readers did before the sync
 * stored per-payment, per-person figures), measured in the same run and checked equal to the
 * cent.
 *
 * Run with `node --import tsx bench/ui/ytd-reads.bench.ts` under
 * `scripts/with-throwaway-keyring.sh`. It syncs the company once from the in-process sandbox into
 * a throwaway encrypted cache; set YTD_BENCH_CACHE to a folder to keep that cache (and its key)
 * between runs. Not part of `npm test`.
 */
import { mkdirSync } from 'node:fs'
import { readYearEndFor, readYearEndPage } from '../../src/main/checks/year-end-summary'
import { YtdQueries } from '../../src/main/review/ytd-queries'
import { makeTempDir } from '../../test/support/temp-dir'
import {
  yearEndFromLines,
  ytdPeopleFromLines,
  ytdSummaryFromLines,
} from '../../test/support/ytd-from-lines'
import { fastestOf, syncedCache } from '../sync/synced-cache'

const USERNAME = 'scale-10000-26'
const TARGET_MS = 100
const RUNS = 5
const PAGE_ROWS = 100

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

async function main(): Promise<void> {
  const keep = process.env.YTD_BENCH_CACHE
  const temp = keep ? null : makeTempDir('payroll-desk-ytd-bench-')
  const folder = keep ?? temp!.path
  mkdirSync(folder, { recursive: true })
  const { db, connectionId } = await syncedCache(folder, USERNAME)

  try {
    const busiest = db
      .prepare(
        `SELECT CAST(substr(p.pay_date, 1, 4) AS INTEGER) AS year, count(*) AS payments,
           sum(r.statement_count) AS statements
         FROM payment p LEFT JOIN payment_register r
           ON r.connection_id = p.connection_id AND r.payment_id = p.payment_id
         WHERE p.connection_id = ? GROUP BY 1 ORDER BY statements DESC LIMIT 1`,
      )
      .get(connectionId) as { year: number; payments: number; statements: number }
    const { year } = busiest
    console.log(`[bench] ${year}: ${busiest.payments} pay runs, ${busiest.statements} statements`)
    const queries = new YtdQueries(db)
    const person = db
      .prepare(
        `SELECT individual_id FROM pay_statement WHERE connection_id = ? ORDER BY statement_row
         LIMIT 1 OFFSET 5000`,
      )
      .get(connectionId) as { individual_id: string }
    const company = { connectionId, year }
    const onePerson = { ...company, individualId: person.individual_id }
    const firstPage = { ...company, offset: 0, limit: PAGE_ROWS }
    const middlePage = { ...company, offset: 5_000, limit: PAGE_ROWS }

    const reads: { name: string; stored: () => unknown; lines: () => unknown }[] = [
      {
        name: 'ytd.summary (company)',
        stored: () => queries.summary(company),
        lines: () => ytdSummaryFromLines(db, company),
      },
      {
        name: 'ytd.summary (one person)',
        stored: () => queries.summary(onePerson),
        lines: () => ytdSummaryFromLines(db, onePerson),
      },
      {
        name: `ytd.people (first ${PAGE_ROWS})`,
        stored: () => queries.people(firstPage),
        lines: () => ytdPeopleFromLines(db, firstPage),
      },
      {
        name: `ytd.people (rows 5,000 on)`,
        stored: () => queries.people(middlePage),
        lines: () => ytdPeopleFromLines(db, middlePage),
      },
    ]
    let failed = false
    for (const read of reads) {
      const baseline = fastestOf(1, read.lines)
      const stored = fastestOf(RUNS, read.stored)
      const equal = same(stored.result, baseline.result)
      const pass = stored.ms < TARGET_MS
      failed ||= !equal || !pass
      console.log(
        `[bench] ${read.name}: ${stored.ms.toFixed(1)} ms, from lines ${baseline.ms.toFixed(0)} ` +
          `ms, ratio ${(stored.ms / baseline.ms).toFixed(5)}, ${equal ? 'same' : 'DIFFERENT'} ` +
          `result, target < ${TARGET_MS} ms: ${pass ? 'PASS' : 'FAIL'}`,
      )
    }

    // The year-end page adds up the whole year once per cache version; time that first call.
    const yearEndBaseline = fastestOf(1, () => yearEndFromLines(db, company))
    const yearEnd = fastestOf(1, () => readYearEndPage(db, { ...firstPage }))
    const later = fastestOf(RUNS, () => readYearEndPage(db, { ...middlePage }))
    const ids = [...yearEndBaseline.result.keys()].slice(0, 50)
    const some = fastestOf(RUNS, () => readYearEndFor(db, { ...company, individualIds: ids }))
    const everyone = new Map<string, unknown>()
    for (const row of readYearEndPage(db, { ...company, offset: 0, limit: 20_000 }).rows) {
      everyone.set(row.individualId, row)
    }
    const yearEndEqual =
      everyone.size === yearEndBaseline.result.size &&
      [...yearEndBaseline.result].every(([id, figures]) => {
        const row = everyone.get(id) as Record<string, unknown> | undefined
        return (
          row !== undefined &&
          row.grossPayCents === figures.gross_pay_cents &&
          row.netPayCents === figures.net_pay_cents &&
          row.statementCount === figures.statement_count &&
          row.incompleteStatementCount === figures.incomplete_count &&
          row.preTaxDeductionsCents === figures.pre_tax_deductions_cents &&
          row.postTaxDeductionsCents === figures.post_tax_deductions_cents &&
          row.employerContributionsCents === figures.employer_contributions_cents &&
          ['federal', 'fica', 'state', 'local', 'other'].every(
            (type) =>
              (row.employeeTaxCents as Record<string, number>)[type] ===
                figures[`employee_${type}_tax_cents`] &&
              (row.employerTaxCents as Record<string, number>)[type] ===
                figures[`employer_${type}_tax_cents`],
          )
        )
      })
    failed ||= !yearEndEqual || yearEnd.ms >= TARGET_MS * 5
    console.log(
      `[bench] year-end page (whole year added up): ${yearEnd.ms.toFixed(1)} ms, from lines ` +
        `${yearEndBaseline.ms.toFixed(0)} ms, ratio ${(yearEnd.ms / yearEndBaseline.ms).toFixed(5)}, ` +
        `${yearEndEqual ? 'same' : 'DIFFERENT'} figures for ${everyone.size} people`,
    )
    console.log(
      `[bench] year-end: a later page ${later.ms.toFixed(2)} ms, 50 people's figures ` +
        `${some.ms.toFixed(1)} ms`,
    )
    if (failed) process.exitCode = 1
  } finally {
    db.close()
    temp?.remove()
  }
}

await main()
