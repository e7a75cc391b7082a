/**
 * Pay run variance: what changed between two runs of a connection, by default its latest run
 * and the one before in the same pay group. People who joined, left or went missing, pay that
 * moved more than a chosen share, earning or deduction types the company never paid before,
 * and overtime far above a person's earlier most.
 */
import type { PayRunSummary, VarianceFinding, VarianceReport } from '../../shared/checks'
import {
  DEFAULT_CHANGE_PERCENT,
  DEFAULT_OVERTIME_FACTOR,
  MAX_RUN_CHOICES,
} from '../../shared/checks'
import type { CacheDatabase } from '../cache/open-database'

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

/** Finch's earning type for overtime; providers that map it send exactly this. */
const OVERTIME_TYPE = 'overtime'

const PERSON_PAY_SQL = `
  SELECT s.individual_id, d.first_name, d.last_name,
    sum(s.gross_pay_cents) AS gross_pay_cents, sum(s.net_pay_cents) AS net_pay_cents,
    (SELECT sum(l.hours) FROM pay_statement s2
       JOIN pay_statement_line l ON l.statement_row = s2.statement_row
       WHERE s2.connection_id = s.connection_id AND s2.payment_id = s.payment_id
         AND s2.individual_id = s.individual_id
         AND l.kind = 'earning' AND l.type = '${OVERTIME_TYPE}') AS overtime_hours,
    (SELECT sum(l.amount_cents) FROM pay_statement s2
       JOIN pay_statement_line l ON l.statement_row = s2.statement_row
       WHERE s2.connection_id = s.connection_id AND s2.payment_id = s.payment_id
         AND s2.individual_id = s.individual_id
         AND l.kind = 'earning' AND l.type = '${OVERTIME_TYPE}') AS overtime_cents
  FROM pay_statement s
  LEFT JOIN directory_entry d
    ON d.connection_id = s.connection_id AND d.individual_id = s.individual_id
  WHERE s.connection_id = @connectionId AND s.payment_id = @paymentId
  GROUP BY s.individual_id`

export function readRunVariance(db: CacheDatabase, query: VarianceQuery): VarianceReport {
  const changePercent = query.changePercent ?? DEFAULT_CHANGE_PERCENT
  const overtimeFactor = query.overtimeFactor ?? DEFAULT_OVERTIME_FACTOR
  const runs = readRuns(db, query.connectionId)
  const current = query.currentPaymentId
    ? runs.find((run) => run.payment_id === query.currentPaymentId)
    : runs[runs.length - 1]
  const previous = query.previousPaymentId
    ? runs.find((run) => run.payment_id === query.previousPaymentId)
    : current && previousInGroup(runs, current)
  const empty = {
    connectionId: query.connectionId,
    changePercent,
    overtimeFactor,
    runs: runChoices(db, query.connectionId, runs),
  }
  if (!current) return { ...empty, current: null, previous: null, findings: [] }
  // A pay group's first run has nothing to differ from: everyone in it would read as new.
  if (!previous) {
    const count = readPersonPay(db, query.connectionId, current.payment_id).length
    return { ...empty, current: summarise(current, count), previous: null, findings: [] }
  }

  const currentPay = readPersonPay(db, query.connectionId, current.payment_id)
  const previousPay = readPersonPay(db, query.connectionId, previous.payment_id)
  const earlierRuns = runs.filter(
    (run) => run !== current && isBefore(run, current) && samePayGroup(run, current),
  )
  const findings = [
    ...peopleChanges(db, query.connectionId, current, currentPay, previousPay, earlierRuns),
    ...payChanges(currentPay, previousPay, changePercent),
    ...newLineTypes(db, query.connectionId, current),
    ...overtimeSpikes(db, query.connectionId, currentPay, earlierRuns, overtimeFactor),
  ]

  return {
    ...empty,
    current: summarise(current, currentPay.length),
    previous: summarise(previous, previousPay.length),
    findings,
  }
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
): PayRunSummary[] {
  const newest = runs.slice(-MAX_RUN_CHOICES).reverse()
  const counts = db
    .prepare(
      `SELECT payment_id, count(*) AS n FROM pay_statement WHERE connection_id = ?
       GROUP BY payment_id`,
    )
    .all(connectionId) as { payment_id: string; n: number }[]
  const countOf = new Map(counts.map((row) => [row.payment_id, row.n]))
  return newest.map((run) => summarise(run, countOf.get(run.payment_id) ?? 0))
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

function summarise(run: RunRecord, statementCount: number): PayRunSummary {
  return {
    paymentId: run.payment_id,
    payDate: run.pay_date,
    payGroupIds: JSON.parse(run.pay_group_ids_json ?? '[]') as string[],
    statementCount,
  }
}

function readPersonPay(db: CacheDatabase, connectionId: string, paymentId: string): PersonPay[] {
  return db.prepare(PERSON_PAY_SQL).all({ connectionId, paymentId }) as PersonPay[]
}

function finding(
  person: PersonPay,
  kind: VarianceFinding['kind'],
  values: { previous: number | null; current: number | null; lineType?: string },
  description: string,
): VarianceFinding {
  const name = [person.first_name, person.last_name].filter(Boolean).join(' ')
  return {
    kind,
    individualId: person.individual_id,
    personName: name === '' ? null : name,
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
  const everPaid = paidIn(db, connectionId, earlierRuns)
  const ended = endedBy(db, connectionId, current.pay_date)

  const hires = currentPay
    .filter((person) => !inPrevious.has(person.individual_id))
    .filter((person) => !everPaid.has(person.individual_id))
    .map((person) =>
      finding(
        person,
        'new_hire',
        { previous: null, current: person.gross_pay_cents },
        'First pay in this pay group.',
      ),
    )
  const gone = previousPay
    .filter((person) => !inCurrent.has(person.individual_id))
    .map((person) =>
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

function paidIn(db: CacheDatabase, connectionId: string, runs: readonly RunRecord[]): Set<string> {
  if (runs.length === 0) return new Set()
  const rows = db
    .prepare(
      `SELECT DISTINCT individual_id FROM pay_statement
       WHERE connection_id = ? AND payment_id IN (SELECT value FROM json_each(?))`,
    )
    .all(connectionId, JSON.stringify(runs.map((run) => run.payment_id))) as {
    individual_id: string
  }[]
  return new Set(rows.map((row) => row.individual_id))
}

function endedBy(db: CacheDatabase, connectionId: string, payDate: string | null): Set<string> {
  const rows = db
    .prepare(
      `SELECT individual_id FROM employment WHERE connection_id = ?
         AND (is_active = 0 OR (end_date IS NOT NULL AND end_date <= coalesce(?, end_date)))`,
    )
    .all(connectionId, payDate) as { individual_id: string }[]
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
): VarianceFinding[] {
  const records = db
    .prepare(
      `SELECT l.kind, l.type, s.individual_id, d.first_name, d.last_name
       FROM pay_statement s
       JOIN pay_statement_line l ON l.statement_row = s.statement_row
       LEFT JOIN directory_entry d
         ON d.connection_id = s.connection_id AND d.individual_id = s.individual_id
       WHERE s.connection_id = @connectionId AND s.payment_id = @paymentId
         AND l.kind IN ('earning', 'employee_deduction') AND l.type IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM payment p
           JOIN pay_statement s2 ON s2.connection_id = p.connection_id
             AND s2.payment_id = p.payment_id
           JOIN pay_statement_line l2 ON l2.statement_row = s2.statement_row
           WHERE p.connection_id = @connectionId AND p.payment_id <> @paymentId
             AND (p.pay_date < @payDate OR (p.pay_date = @payDate AND p.payment_id < @paymentId))
             AND l2.kind = l.kind AND l2.type = l.type)
       GROUP BY l.kind, l.type, s.individual_id
       ORDER BY l.kind, l.type, d.last_name, d.first_name, s.individual_id`,
    )
    .all({
      connectionId,
      paymentId: current.payment_id,
      payDate: current.pay_date ?? '',
    }) as LineTypeRecord[]

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
  factor: number,
): VarianceFinding[] {
  const earlierMost = readEarlierOvertime(db, connectionId, earlierRuns)
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

function readEarlierOvertime(
  db: CacheDatabase,
  connectionId: string,
  runs: readonly RunRecord[],
): Map<string, Overtime> {
  if (runs.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT individual_id, max(hours) AS hours, max(cents) AS cents FROM (
         SELECT s.individual_id, s.payment_id, sum(l.hours) AS hours, sum(l.amount_cents) AS cents
         FROM pay_statement s
         JOIN pay_statement_line l ON l.statement_row = s.statement_row
         WHERE s.connection_id = ? AND s.payment_id IN (SELECT value FROM json_each(?))
           AND l.kind = 'earning' AND l.type = '${OVERTIME_TYPE}'
         GROUP BY s.individual_id, s.payment_id)
       GROUP BY individual_id`,
    )
    .all(connectionId, JSON.stringify(runs.map((run) => run.payment_id))) as {
    individual_id: string
    hours: number | null
    cents: number | null
  }[]
  return new Map(rows.map((row) => [row.individual_id, { hours: row.hours, cents: row.cents }]))
}
