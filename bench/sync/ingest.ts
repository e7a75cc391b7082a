/**
 * Ingest speed: the sync's write path (checking each statement, mapping it to rows, writing
 * through a staging snapshot one transaction per piece of body, `bodyBytesPerWrite`) against a
 * bare prepared INSERT loop in one transaction that writes the very same rows, already mapped,
 * into the same tables of a cache opened with the same encryption settings. Rows are statements
 * plus lines.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { SqlValue } from '../../src/main/cache/finch-rows'
import { forEachLineRow, statementRow } from '../../src/main/cache/finch-rows'
import type { CacheDatabase } from '../../src/main/cache/open-database'
import { openDatabase } from '../../src/main/cache/open-database'
import { PayrollCache } from '../../src/main/cache/payroll-cache'
import { checkStatement } from '../../src/main/sync/finch-checks'
import { DEFAULT_SYNC_SETTINGS } from '../../src/main/sync/sync-settings'
import type { CompanyDataset } from '../../src/sandbox/data'

export interface Rate {
  /** Rows (statements + lines) per second of wall-clock time. */
  wall: number
  /** Rows per second of this process's CPU time, which other processes' load does not skew. */
  cpu: number
}

export interface IngestResult {
  statements: number
  lines: number
  /** Statements per transaction on the write path: what one piece of body holds. */
  statementsPerTransaction: number
  /** Medians over the rounds. */
  bareInsert: Rate
  writePath: Rate
  /** The write path without the checks, to show what they cost. */
  writesOnly: Rate
  /** Median of the write path / bare ratios of rounds measured back to back. */
  ratio: Rate
  rounds: number
}

interface Page {
  paymentId: string
  statements: PayStatement[]
}

interface Timing {
  wallSeconds: number
  cpuSeconds: number
}

const CONNECTION = 'ingest-bench'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Rounds alternate the two paths (ABBA order, so neither always goes first); each round's ratio
 * compares runs made seconds apart, and the median ratio shrugs off a busy moment of the machine.
 */
export function measureIngest(
  dataset: CompanyDataset,
  paymentCount: number,
  directory: string,
  rounds = 8,
): IngestResult {
  // Fresh objects, as JSON.parse hands them to the sync.
  const pages: Page[] = dataset.payments.slice(0, paymentCount).map((payment) => ({
    paymentId: payment.id,
    statements: JSON.parse(JSON.stringify(dataset.payStatements(payment.id) ?? [])),
  }))
  const statements = pages.reduce((sum, page) => sum + page.statements.length, 0)
  let lines = 0
  for (const page of pages) for (const s of page.statements) forEachLineRow(s, () => (lines += 1))
  const rows = statements + lines
  const bodyBytes = pages.reduce((sum, page) => sum + JSON.stringify(page.statements).length, 0)
  const { bodyBytesPerWrite, statementsPerWrite } = DEFAULT_SYNC_SETTINGS
  const perTransaction = Math.min(
    statementsPerWrite,
    Math.max(1, Math.round(bodyBytesPerWrite / (bodyBytes / statements))),
  )

  const rate = (timing: Timing): Rate => ({
    wall: rows / timing.wallSeconds,
    cpu: rows / timing.cpuSeconds,
  })
  const bare: Rate[] = []
  const path: Rate[] = []
  const only: Rate[] = []
  for (let round = 0; round < rounds; round++) {
    const measurePath = () =>
      path.push(rate(writePathTiming(pages, directory, perTransaction, true)))
    const measureBare = () => bare.push(rate(bareInsertTiming(pages, directory)))
    if (round % 2 === 0) {
      measureBare()
      measurePath()
    } else {
      measurePath()
      measureBare()
    }
    if (round % 4 === 0) only.push(rate(writePathTiming(pages, directory, perTransaction, false)))
  }
  const medianRate = (rates: Rate[]): Rate => ({
    wall: median(rates.map((r) => r.wall)),
    cpu: median(rates.map((r) => r.cpu)),
  })
  return {
    statements,
    lines,
    statementsPerTransaction: perTransaction,
    bareInsert: medianRate(bare),
    writePath: medianRate(path),
    writesOnly: medianRate(only),
    ratio: {
      wall: median(path.map((r, i) => r.wall / bare[i]!.wall)),
      cpu: median(path.map((r, i) => r.cpu / bare[i]!.cpu)),
    },
    rounds,
  }
}

function timed(work: () => void): Timing {
  const cpu = process.cpuUsage()
  const started = performance.now()
  work()
  const used = process.cpuUsage(cpu)
  return {
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  }
}

function freshCache(directory: string): { db: CacheDatabase; remove(): void } {
  const path = join(directory, `ingest-${randomBytes(4).toString('hex')}.db`)
  const db = openDatabase({ path, keyHex: randomBytes(32).toString('hex') })
  db.prepare(
    `INSERT INTO connection (connection_id, environment, company_id, customer_id, customer_name,
       provider_id, connection_type, products_json, status, connected_at)
     VALUES (?, 'finch', 'c', 'c', 'Bench', 'p', 'provider', '[]', 'connected', 'now')`,
  ).run(CONNECTION)
  return {
    db,
    remove: () => {
      db.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    },
  }
}

function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/** The baseline: rows mapped beforehand, then one transaction of prepared INSERTs. */
function bareInsertTiming(pages: Page[], directory: string): Timing {
  const mapped = pages.flatMap((page) =>
    page.statements.map((statement, position) => {
      const lineRows: SqlValue[][] = []
      forEachLineRow(statement, (line) => lineRows.push(line))
      return { paymentId: page.paymentId, row: statementRow(statement, position), lineRows }
    }),
  )
  const cache = freshCache(directory)
  const insertStatement = cache.db.prepare(
    `INSERT INTO pay_statement_version (connection_id, added_snapshot, payment_id, individual_id,
       position, type, payment_method, total_hours, gross_pay_cents, gross_pay_currency,
       net_pay_cents, net_pay_currency, raw_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertLine = cache.db.prepare(
    `INSERT INTO pay_statement_line_version (statement_row, kind, position, name, type,
       amount_cents, currency, hours, pre_tax, employer, attributes_json, extra_json,
       is_null_entry)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  collectGarbage()

  const timing = timed(() =>
    cache.db.transaction(() => {
      for (const { paymentId, row, lineRows } of mapped) {
        const id = insertStatement.run(CONNECTION, 1, paymentId, row).lastInsertRowid
        for (const line of lineRows) insertLine.run(id, line)
      }
    })(),
  )

  cache.remove()
  return timing
}

/** The sync's own path, from parsed answers to rows in a staging snapshot. */
function writePathTiming(
  pages: Page[],
  directory: string,
  perTransaction: number,
  withChecks: boolean,
): Timing {
  const cache = freshCache(directory)
  const payroll = new PayrollCache(cache.db)
  const staging = payroll.snapshots.begin(CONNECTION, {
    mode: 'full',
    paymentsFrom: null,
    paymentsTo: null,
    fullSyncAt: null,
    now: new Date().toISOString(),
  })
  collectGarbage()

  const timing = timed(() => {
    for (const page of pages) {
      const checked = withChecks
        ? page.statements.map((statement, index) => checkStatement(statement, `s[${index}]`))
        : page.statements
      for (let start = 0; start < checked.length; start += perTransaction) {
        staging.writeStatementPages([
          {
            paymentId: page.paymentId,
            firstPosition: start,
            statements: checked.slice(start, start + perTransaction),
          },
        ])
      }
    }
  })

  // The file goes away whole; rolling the snapshot back first would only cost time.
  cache.remove()
  return timing
}
