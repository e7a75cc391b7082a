/**
 * Pay run variance: what changed between two runs of a connection, by default its latest run
 * and the one before in the same pay group. People who joined, left or went missing, pay that
 * moved more than a chosen share, earning or deduction types the company never paid before,
 * and overtime far above a person's earlier most.
 *
 * It reads the two runs' statements by payment id; what earlier runs contribute (their types,
 * each person's overtime) comes from the rows a sync stores per payment, and from the lines only
 * for a payment without them.
 */
import type { PayRunSummary, VarianceFinding, VarianceReport } from '../../shared/checks'
import {
  DEFAULT_CHANGE_PERCENT,
  DEFAULT_OVERTIME_FACTOR,
  MAX_RUN_CHOICES,
} from '../../shared/checks'
import { directoryJoinSql } from '../cache/directory-join'
import type { CacheDatabase } from '../cache/open-database'
import { OVERTIME_EARNING_TYPE } from '../cache/statement-checks'
import { readPayGroupNames } from '../review/pay-group-names'

export interface VarianceQuery {
  connectionId: string
  /** The run under review; the latest when absent. */
  currentPaymentId?: string
  /** The run to compare with; the one before the current in its pay group when absent. */
  previousPaymentId?: string
  changePercent?: number
  overtimeFactor?: number
}

interface RunRecord {
  payment_id: string
  pay_date: string | null
  pay_group_ids_json: string | null
}

interface PersonPay {
  individual_id: string
  first_name: string | null
  last_name: string | null
  gross_pay_cents: number | null
  net_pay_cents: number | null
  overtime_hours: number | null
  overtime_cents: number | null
}

interface Overtime {
  hours: number | null
  cents: number | null
}

/** A run's stored checks: its register row, when its statements were checked at sync time. */
type StoredRuns = ReadonlyMap<string, { registerRow: number; statementCount: number }>

const LIVE_SQL =
  '(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = @connectionId)'

/**
 * The live statements (as `alias`) of the payments `paymentsSql` lists, read through the
 * by-payment index, named outright: grouped by person, SQLite otherwise prefers the by-person
 * index and reads every statement of the connection.
 */
function runStatementsSql(alias: string, paymentsSql: string): { from: string; where: string } {
  return {
    from: `pay_statement_version ${alias} INDEXED BY pay_statement_version_by_payment`,
    where: `${alias}.connection_id = @connectionId AND ${alias}.payment_id IN (${paymentsSql})
      AND ${alias}.added_snapshot <= ${LIVE_SQL}
      AND (${alias}.removed_snapshot IS NULL OR ${alias}.removed_snapshot > ${LIVE_SQL})`,
  }
}

export function readRunVariance(db: CacheDatabase, query: VarianceQuery): VarianceReport {
  const changePercent = query.changePercent ?? DEFAULT_CHANGE_PERCENT
  const overtimeFactor = query.overtimeFactor ?? DEFAULT_OVERTIME_FACTOR
  const runs = readRuns(db, query.connectionId)
  const stored = readStoredRuns(db, query.connectionId)
  const current = query.currentPaymentId
    ? runs.find((run) => run.payment_id === query.currentPaymentId)
    : runs[runs.length - 1]
  const previous = query.previousPaymentId
    ? runs.find((run) => run.payment_id === query.previousPaymentId)
    : current && previousInGroup(runs, current)
  const groupNames = readPayGroupNames(db, query.connectionId)
  const empty = {
    connectionId: query.connectionId,
    changePercent,
    overtimeFactor,
    runs: runChoices(db, query.connectionId, runs, stored, groupNames),
  }
  if (!current) return { ...empty, current: null, previous: null, findings: [] }
  // A pay group's first run has nothing to differ from: everyone in it would read as new.
  if (!previous) {
    const count = readPersonPay(db, query.connectionId, current.payment_id, stored).length
    return {
      ...empty,
      current: summarise(current, count, groupNames),
      previous: null,
      findings: [],
    }
  }

  const currentPay = readPersonPay(db, query.connectionId, current.payment_id, stored)
  const previousPay = readPersonPay(db, query.connectionId, previous.payment_id, stored)
  const earlierRuns = runs.filter(
    (run) => run !== current && isBefore(run, current) && samePayGroup(run, current),
  )
  const findings = [
    ...peopleChanges(db, query.connectionId, current, currentPay, previousPay, earlierRuns),
    ...payChanges(currentPay, previousPay, changePercent),
    ...newLineTypes(db, query.connectionId, current, stored),
    ...overtimeSpikes(db, query.connectionId, currentPay, earlierRuns, stored, overtimeFactor),
  ]

  return {
    ...empty,
    current: summarise(current, currentPay.length, groupNames),
    previous: summarise(previous, previousPay.length, groupNames),
    findings: withNames(db, query.connectionId, findings),
  }
}

/** The findings with each person's name from the live directory, where it has one. */
function withNames(
  db: CacheDatabase,
  connectionId: string,
  findings: VarianceFinding[],
): VarianceFinding[] {
  if (findings.length === 0) return findings
  const ids = [...new Set(findings.map((item) => item.individualId))]
  const rows = db
    .prepare(
      `SELECT j.value AS individual_id, d.first_name, d.last_name FROM json_each(@ids) j
       ${directoryJoinSql('d', '@connectionId', 'j.value')}`,
    )
    .all({ connectionId, ids: JSON.stringify(ids) }) as Pick<
    PersonPay,
    'individual_id' | 'first_name' | 'last_name'
  >[]
  const names = new Map(
    rows.map((row) => [row.individual_id, personName(row.first_name, row.last_name)]),
  )
  return findings.map((item) => ({ ...item, personName: names.get(item.individualId) ?? null }))
}

function personName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter(Boolean).join(' ')
  return name === '' ? null : name
}

/** Every run of the connection, oldest first; runs without a pay date sort first. */
export function readRuns(db: CacheDatabase, connectionId: string): RunRecord[] {
  return db
    .prepare(
      `SELECT payment_id, pay_date, pay_group_ids_json FROM payment
       WHERE connection_id = ? ORDER BY pay_date, payment_id`,
    )
    .all(connectionId) as RunRecord[]
}

function runChoices(
  db: CacheDatabase,
  connectionId: string,
  runs: readonly RunRecord[],
  stored: StoredRuns,
  groupNames: ReadonlyMap<string, string>,
): PayRunSummary[] {
  const newest = runs.slice(-MAX_RUN_CHOICES).reverse()
  const unstored = newest.filter((run) => !stored.has(run.payment_id))
  const statements = runStatementsSql('s', 'SELECT value FROM json_each(@unstored)')
  const counts = db
    .prepare(
      `SELECT s.payment_id, count(*) AS n FROM ${statements.from}
       WHERE ${statements.where} GROUP BY s.payment_id`,
    )
    .all({ connectionId, unstored: idsJson(unstored) }) as { payment_id: string; n: number }[]
  const countOf = new Map(counts.map((row) => [row.payment_id, row.n]))
  for (const [paymentId, run] of stored) countOf.set(paymentId, run.statementCount)
  return newest.map((run) => summarise(run, countOf.get(run.payment_id) ?? 0, groupNames))
}

function previousInGroup(runs: readonly RunRecord[], current: RunRecord): RunRecord | undefined {
  const index = runs.indexOf(current)
  return runs
    .slice(0, index)
    .reverse()
    .find((run) => samePayGroup(run, current))
}

function samePayGroup(a: RunRecord, b: RunRecord): boolean {
  return (a.pay_group_ids_json ?? '[]') === (b.pay_group_ids_json ?? '[]')
}

function isBefore(a: RunRecord, b: RunRecord): boolean {
  return (
    (a.pay_date ?? '') < (b.pay_date ?? '') ||
    ((a.pay_date ?? '') === (b.pay_date ?? '') && a.payment_id < b.payment_id)
  )
}

function summarise(
  run: RunRecord,
  statementCount: number,
  groupNames: ReadonlyMap<string, string>,
): PayRunSummary {
  const payGroupIds = JSON.parse(run.pay_group_ids_json ?? '[]') as string[]
  return {
    paymentId: run.payment_id,
    payDate: run.pay_date,
    payGroupIds,
    payGroupNames: payGroupIds.map((id) => groupNames.get(id) ?? null),
    statementCount,
  }
}

/** Live register rows whose statements' checks were stored, by payment id. */
function readStoredRuns(db: CacheDatabase, connectionId: string): StoredRuns {
  const rows = db
    .prepare(
      `SELECT r.payment_id, r.register_row, r.statement_count
       FROM payment_register r JOIN payment_register_check k USING (register_row)
       WHERE r.connection_id = ?`,
    )
    .all(connectionId) as { payment_id: string; register_row: number; statement_count: number }[]
  return new Map(
    rows.map((row) => [
      row.payment_id,
      { registerRow: row.register_row, statementCount: row.statement_count },
    ]),
  )
}

function idsJson(runs: readonly RunRecord[]): string {
  return JSON.stringify(runs.map((run) => run.payment_id))
}

/**
 * Each person's pay in one run, by individual id, without names: only the few people a finding
 * names are looked up (`withNames`). Overtime is the sum of the person's overtime
 * lines in the run (null without any), stored at sync time or summed from the run's lines.
 */
function readPersonPay(
  db: CacheDatabase,
  connectionId: string,
  paymentId: string,
  stored: StoredRuns,
): PersonPay[] {
  const registerRow = stored.get(paymentId)?.registerRow
  const statements = runStatementsSql('s', '@paymentId')
  const runLines = runStatementsSql('s2', '@paymentId')
  const overtime =
    registerRow === undefined
      ? `SELECT s2.individual_id, sum(l.hours) AS hours, sum(l.amount_cents) AS cents
         FROM ${runLines.from}
           CROSS JOIN pay_statement_line_version l ON l.statement_row = s2.statement_row
         WHERE ${runLines.where}
           AND l.kind = 'earning' AND l.type = '${OVERTIME_EARNING_TYPE}'
         GROUP BY s2.individual_id`
      : `SELECT individual_id, hours, cents FROM payment_register_overtime
         WHERE register_row = @registerRow`
  return db
    .prepare(
      `WITH overtime AS (${overtime})
       SELECT s.individual_id, NULL AS first_name, NULL AS last_name,
         sum(s.gross_pay_cents) AS gross_pay_cents, sum(s.net_pay_cents) AS net_pay_cents,
         o.hours AS overtime_hours, o.cents AS overtime_cents
       FROM ${statements.from}
       LEFT JOIN overtime o ON o.individual_id = s.individual_id
       WHERE ${statements.where}
       GROUP BY s.individual_id
       ORDER BY s.individual_id`,
    )
    .all({ connectionId, paymentId, registerRow: registerRow ?? null }) as PersonPay[]
}

function finding(
  person: PersonPay,
  kind: VarianceFinding['kind'],
  values: { previous: number | null; current: number | null; lineType?: string },
  description: string,
): VarianceFinding {
  return {
    kind,
    individualId: person.individual_id,
    personName: personName(person.first_name, person.last_name),
    previousValue: values.previous,
    currentValue: values.current,
    lineType: values.lineType ?? null,
    description,
  }
}

/**
 * Someone new to the run is a new hire only if the pay group never paid them before; someone
 * gone from it is a termination when employment says they ended by the pay date, and otherwise
 * missing, which is the case an accountant must chase.
 */
function peopleChanges(
  db: CacheDatabase,
  connectionId: string,
  current: RunRecord,
  currentPay: readonly PersonPay[],
  previousPay: readonly PersonPay[],
  earlierRuns: readonly RunRecord[],
): VarianceFinding[] {
  const inCurrent = new Set(currentPay.map((person) => person.individual_id))
  const inPrevious = new Set(previousPay.map((person) => person.individual_id))
  const joined = currentPay.filter((person) => !inPrevious.has(person.individual_id))
  const left = previousPay.filter((person) => !inCurrent.has(person.individual_id))
  const everPaid = paidIn(db, connectionId, earlierRuns, idsOf(joined))
  const ended = endedBy(db, connectionId, current.pay_date, idsOf(left))

  const hires = joined
    .filter((person) => !everPaid.has(person.individual_id))
    .map((person) =>
      finding(
        person,
        'new_hire',
        { previous: null, current: person.gross_pay_cents },
        'First pay in this pay group.',
      ),
    )
  const gone = left.map((person) =>
    ended.has(person.individual_id)
      ? finding(
          person,
          'termination',
          { previous: person.gross_pay_cents, current: null },
          'Employment ended; not paid in this run.',
        )
      : finding(
          person,
          'missing_from_run',
          { previous: person.gross_pay_cents, current: null },
          'Paid in the previous run but missing from this one.',
        ),
  )
  return [...hires, ...gone]
}

function idsOf(people: readonly PersonPay[]): string[] {
  return people.map((person) => person.individual_id)
}

/**
 * Which of `individualIds` any of `runs` paid. Read person by person through the by-person
 * index: the runs hold every statement of the pay group, the people are the few new ones.
 */
function paidIn(
  db: CacheDatabase,
  connectionId: string,
  runs: readonly RunRecord[],
  individualIds: readonly string[],
): Set<string> {
  if (runs.length === 0 || individualIds.length === 0) return new Set()
  const live = '(SELECT c.live_snapshot_id FROM connection c WHERE c.connection_id = @connectionId)'
  const rows = db
    .prepare(
      `SELECT DISTINCT s.individual_id
       FROM json_each(@people) j
         JOIN pay_statement_version s INDEXED BY pay_statement_version_by_individual
           ON s.connection_id = @connectionId AND s.individual_id = j.value
       WHERE s.payment_id IN (SELECT value FROM json_each(@runs))
         AND s.added_snapshot <= ${live}
         AND (s.removed_snapshot IS NULL OR s.removed_snapshot > ${live})`,
    )
    .all({ connectionId, people: JSON.stringify(individualIds), runs: idsJson(runs) }) as {
    individual_id: string
  }[]
  return new Set(rows.map((row) => row.individual_id))
}

/** Which of `individualIds` employment says had ended by `payDate`. */
function endedBy(
  db: CacheDatabase,
  connectionId: string,
  payDate: string | null,
  individualIds: readonly string[],
): Set<string> {
  if (individualIds.length === 0) return new Set()
  const rows = db
    .prepare(
      `SELECT individual_id FROM employment WHERE connection_id = ?
         AND individual_id IN (SELECT value FROM json_each(?))
         AND (is_active = 0 OR (end_date IS NOT NULL AND end_date <= coalesce(?, end_date)))`,
    )
    .all(connectionId, JSON.stringify(individualIds), payDate) as { individual_id: string }[]
  return new Set(rows.map((row) => row.individual_id))
}

/** A gross change is reported alone; net is reported only when it moved and gross did not. */
function payChanges(
  currentPay: readonly PersonPay[],
  previousPay: readonly PersonPay[],
  changePercent: number,
): VarianceFinding[] {
  const before = new Map(previousPay.map((person) => [person.individual_id, person]))
  return currentPay.flatMap((person) => {
    const earlier = before.get(person.individual_id)
    if (!earlier) return []
    const gross = [earlier.gross_pay_cents, person.gross_pay_cents] as const
    const net = [earlier.net_pay_cents, person.net_pay_cents] as const
    if (movedBeyond(gross[0], gross[1], changePercent)) {
      return [
        finding(
          person,
          'gross_change',
          { previous: gross[0], current: gross[1] },
          `Gross pay moved ${describeChange(gross[0]!, gross[1]!)}.`,
        ),
      ]
    }
    if (movedBeyond(net[0], net[1], changePercent)) {
      return [
        finding(
          person,
          'net_change',
          { previous: net[0], current: net[1] },
          `Net pay moved ${describeChange(net[0]!, net[1]!)}.`,
        ),
      ]
    }
    return []
  })
}

/** Compares in whole cents: |current − previous| × 100 > percent × |previous|. */
export function movedBeyond(
  previousCents: number | null,
  currentCents: number | null,
  percent: number,
): boolean {
  if (previousCents === null || currentCents === null) return false
  if (previousCents === 0) return currentCents !== 0
  return Math.abs(currentCents - previousCents) * 100 > percent * Math.abs(previousCents)
}

function describeChange(previousCents: number, currentCents: number): string {
  if (previousCents === 0) return 'from nothing'
  const percent = ((currentCents - previousCents) / Math.abs(previousCents)) * 100
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`
}

interface LineTypeRecord {
  kind: 'earning' | 'employee_deduction'
  type: string
  individual_id: string
  first_name: string | null
  last_name: string | null
}

/** Types are new when no earlier payment of the whole connection carried them. */
function newLineTypes(
  db: CacheDatabase,
  connectionId: string,
  current: RunRecord,
  stored: StoredRuns,
): VarianceFinding[] {
  const params = { connectionId, paymentId: current.payment_id, payDate: current.pay_date ?? '' }
  const earlier = db
    .prepare(
      `SELECT payment_id FROM payment
       WHERE connection_id = @connectionId AND payment_id <> @paymentId
         AND (pay_date < @payDate OR (pay_date = @payDate AND payment_id < @paymentId))`,
    )
    .all(params) as { payment_id: string }[]
  const seen = new Set(
    readLineTypes(
      db,
      connectionId,
      earlier.map((run) => run.payment_id),
      stored,
    ),
  )
  const newTypes = readLineTypes(db, connectionId, [current.payment_id], stored).filter(
    (type) => !seen.has(type),
  )
  if (newTypes.length === 0) return []

  const statements = runStatementsSql('s', '@paymentId')
  const records = db
    .prepare(
      `SELECT l.kind, l.type, s.individual_id, d.first_name, d.last_name
       FROM ${statements.from}
       CROSS JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
       ${directoryJoinSql('d', '@connectionId', 's.individual_id')}
       WHERE ${statements.where}
         AND l.kind IN ('earning', 'employee_deduction') AND l.type IS NOT NULL
         AND json_array(l.kind, l.type) IN (SELECT value FROM json_each(@newTypes))
       GROUP BY l.kind, l.type, s.individual_id
       ORDER BY l.kind, l.type, d.last_name, d.first_name, s.individual_id`,
    )
    .all({ ...params, newTypes: `[${newTypes.join(',')}]` }) as LineTypeRecord[]

  return records.map((record) =>
    finding(
      {
        ...record,
        gross_pay_cents: null,
        net_pay_cents: null,
        overtime_hours: null,
        overtime_cents: null,
      },
      record.kind === 'earning' ? 'new_earning_type' : 'new_deduction_type',
      { previous: null, current: null, lineType: record.type },
      `A ${record.type} ${record.kind === 'earning' ? 'earning' : 'deduction'} no earlier payment had.`,
    ),
  )
}

/**
 * Half a working day: the least overtime a spike is measured against, so a person who worked
 * half an hour last month and two hours now is not called out for a fourfold jump.
 */
export const OVERTIME_BASELINE_FLOOR_HOURS = 4

/**
 * A spike is overtime hours more than `factor` times the person's most in any earlier run of
 * the pay group, or the floor when that is less. Where the provider reports no overtime hours,
 * the amount in cents is compared with the person's earlier most, with no floor.
 */
function overtimeSpikes(
  db: CacheDatabase,
  connectionId: string,
  currentPay: readonly PersonPay[],
  earlierRuns: readonly RunRecord[],
  stored: StoredRuns,
  factor: number,
): VarianceFinding[] {
  const earlierMost = readEarlierOvertime(db, connectionId, earlierRuns, stored)
  return currentPay.flatMap((person) => {
    const most = earlierMost.get(person.individual_id) ?? { hours: null, cents: null }
    const byHours = person.overtime_hours !== null
    const before = byHours ? (most.hours ?? 0) : (most.cents ?? 0)
    const now = byHours ? person.overtime_hours! : (person.overtime_cents ?? 0)
    const baseline = byHours ? Math.max(before, OVERTIME_BASELINE_FLOOR_HOURS) : before
    if (baseline <= 0 || now <= baseline * factor) return []
    const unit = byHours ? 'hours' : 'cents'
    return [
      finding(
        person,
        'overtime_spike',
        { previous: before, current: now },
        `${now} ${unit} of overtime, where earlier runs had at most ${before}.`,
      ),
    ]
  })
}

/**
 * The earning and deduction types the payments' lines carry, each as the JSON `[kind, type]`:
 * stored at sync time, or read from the lines of a payment without stored checks.
 */
function readLineTypes(
  db: CacheDatabase,
  connectionId: string,
  paymentIds: readonly string[],
  stored: StoredRuns,
): string[] {
  const registerRows = paymentIds.flatMap((id) => stored.get(id)?.registerRow ?? [])
  const unstored = paymentIds.filter((id) => !stored.has(id))
  const statements = runStatementsSql('s', 'SELECT value FROM json_each(@unstored)')
  const rows = db
    .prepare(
      `SELECT json_array(kind, type) AS type FROM payment_register_line_type
       WHERE register_row IN (SELECT value FROM json_each(@registerRows))
       UNION
       SELECT json_array(l.kind, l.type) FROM ${statements.from}
         CROSS JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
       WHERE ${statements.where}
         AND l.kind IN ('earning', 'employee_deduction') AND l.type IS NOT NULL`,
    )
    .all({
      connectionId,
      registerRows: JSON.stringify(registerRows),
      unstored: JSON.stringify(unstored),
    }) as { type: string }[]
  return rows.map((row) => row.type)
}

/** Each person's most overtime hours and cents in any of `runs` (each maxed on its own). */
function readEarlierOvertime(
  db: CacheDatabase,
  connectionId: string,
  runs: readonly RunRecord[],
  stored: StoredRuns,
): Map<string, Overtime> {
  if (runs.length === 0) return new Map()
  const registerRows = runs.flatMap((run) => stored.get(run.payment_id)?.registerRow ?? [])
  const unstored = runs.filter((run) => !stored.has(run.payment_id))
  const statements = runStatementsSql('s', 'SELECT value FROM json_each(@unstored)')
  const rows = db
    .prepare(
      `SELECT individual_id, max(hours) AS hours, max(cents) AS cents FROM (
         SELECT individual_id, hours, cents FROM payment_register_overtime
         WHERE register_row IN (SELECT value FROM json_each(@registerRows))
         UNION ALL
         SELECT s.individual_id, sum(l.hours) AS hours, sum(l.amount_cents) AS cents
         FROM ${statements.from}
         CROSS JOIN pay_statement_line_version l ON l.statement_row = s.statement_row
         WHERE ${statements.where}
           AND l.kind = 'earning' AND l.type = '${OVERTIME_EARNING_TYPE}'
         GROUP BY s.individual_id, s.payment_id)
       GROUP BY individual_id`,
    )
    .all({
      connectionId,
      registerRows: JSON.stringify(registerRows),
      unstored: idsJson(unstored),
    }) as {
    individual_id: string
    hours: number | null
    cents: number | null
  }[]
  return new Map(rows.map((row) => [row.individual_id, { hours: row.hours, cents: row.cents }]))
}
