import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DashboardQueries } from '../../../../src/main/dashboard/dashboard-queries'
import type { ClientDashboard } from '../../../../src/shared/dashboard'
import type { CompanyDataset } from '../../../../src/sandbox/data'
import { createScenario } from '../../../../src/sandbox/data'
import type { SyncHarness } from '../../../integration/sync/sync-harness'
import { startSyncHarness } from '../../../integration/sync/sync-harness'

function sum(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0)
}

/** The register's employer cost of one run, summed from the sandbox's own statements. */
function employerCostCents(dataset: CompanyDataset, paymentId: string): number {
  const statements = dataset.payStatements(paymentId) ?? []
  return sum(
    statements.flatMap((statement) => [
      ...(statement.taxes ?? []).filter((tax) => tax?.employer).map((tax) => tax?.amount),
      ...(statement.employer_contributions ?? []).map((line) => line?.amount),
    ]),
  )
}

describe('DashboardQueries', () => {
  let harness: SyncHarness
  let dashboard: ClientDashboard
  const largeco = createScenario('largeco')

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'largeco' })
    await harness.sync.sync(harness.connectionId)

    dashboard = new DashboardQueries(harness.cache.database).read(harness.connectionId, 'all')
  }, 120_000)

  afterAll(() => harness?.close())

  it('totals gross, net and employer cost per pay run exactly as the register does', () => {
    const expected = largeco.payments.map((payment) => ({
      paymentId: payment.id,
      grossPayCents: payment.gross_pay?.amount ?? 0,
      netPayCents: payment.net_pay?.amount ?? 0,
      employerCostCents: employerCostCents(largeco, payment.id),
    }))

    expect(
      dashboard.runs.map(({ paymentId, grossPayCents, netPayCents, employerCostCents }) => ({
        paymentId,
        grossPayCents,
        netPayCents,
        employerCostCents,
      })),
    ).toEqual(expected)
  })

  it('splits costs by department so that they add up to the runs’ totals', () => {
    const departmentGross = sum(dashboard.departments.map((d) => d.grossPayCents))
    const departmentEmployer = sum(dashboard.departments.map((d) => d.employerCostCents))

    expect(dashboard.departments.length).toBeGreaterThan(1)
    expect(departmentGross).toBe(sum(dashboard.runs.map((run) => run.grossPayCents)))
    expect(departmentEmployer).toBe(sum(dashboard.runs.map((run) => run.employerCostCents)))
  })

  it('counts the people employed at every pay date', () => {
    const payDates = [...new Set(largeco.payments.map((payment) => payment.pay_date))]
    const spans = largeco.directory.map((person) => {
      const record = largeco.employment(person.id) as
        { start_date?: string | null; end_date?: string | null } | undefined
      return {
        started: record?.start_date?.slice(0, 10) ?? null,
        ended: record?.end_date?.slice(0, 10) ?? null,
      }
    })
    const employedOn = (day: string) =>
      spans.filter((s) => s.started !== null && s.started <= day && (!s.ended || s.ended >= day))
        .length

    expect(dashboard.headcount.map((point) => point.payDate)).toEqual(payDates)
    expect(dashboard.headcount.map((point) => point.active)).toEqual(
      payDates.map((day) => employedOn(day ?? '')),
    )
    expect(dashboard.headcount.some((point) => point.active > 0)).toBe(true)
  })

  it('reads the same totals once they are summed ahead, and keeps only the live snapshot’s', async () => {
    const queries = new DashboardQueries(harness.cache.database)
    const storedSnapshots = () =>
      harness.cache.database
        .prepare('SELECT DISTINCT snapshot_id FROM dashboard_department_total')
        .pluck()
        .all()
    const liveSnapshot = () =>
      harness.cache.database
        .prepare('SELECT live_snapshot_id FROM connection WHERE connection_id = ?')
        .pluck()
        .get(harness.connectionId)

    await queries.prepare(harness.connectionId)
    const prepared = queries.read(harness.connectionId, 'all')
    await harness.sync.sync(harness.connectionId, { mode: 'full' })
    const afterSync = queries.read(harness.connectionId, 'all')

    expect(prepared).toEqual(dashboard)
    expect(afterSync).toEqual(dashboard)
    expect(storedSnapshots()).toEqual([liveSnapshot()])
  }, 120_000)

  it('splits the latest run’s gross into employee taxes, deductions and net', () => {
    const latest = largeco.payments.at(-1)
    const statements = largeco.payStatements(latest?.id ?? '') ?? []
    const taxes = sum(
      statements.flatMap((s) => (s.taxes ?? []).filter((t) => !t?.employer).map((t) => t?.amount)),
    )

    expect(dashboard.latestSplit).toMatchObject({
      paymentId: latest?.id,
      grossPayCents: latest?.gross_pay?.amount,
      netPayCents: latest?.net_pay?.amount,
      employeeTaxesCents: taxes,
    })
  })

  it('reads a shorter period as the runs of its last months only', () => {
    const queries = new DashboardQueries(harness.cache.database)

    const recent = queries.read(harness.connectionId, '3m')

    expect(recent.runs.length).toBeLessThan(dashboard.runs.length)
    expect(recent.runs.at(-1)).toEqual(dashboard.runs.at(-1))
    expect(recent.from! > dashboard.from!).toBe(true)
  })

  it('asks for nothing on a fresh, consistent company, and flags the cache once it is old', () => {
    const queries = new DashboardQueries(harness.cache.database)
    const later = new DashboardQueries(harness.cache.database, {
      now: () => new Date(Date.now() + 8 * 86_400_000),
    })

    const kinds = queries.attention(harness.connectionId).map((item) => item.kind)
    const laterKinds = later.attention(harness.connectionId).map((item) => item.kind)

    expect(kinds).not.toContain('stale')
    expect(kinds).not.toContain('tie_out')
    expect(laterKinds).toContain('stale')
  })
})

describe('DashboardQueries on a company with planted discrepancies', () => {
  let harness: SyncHarness

  beforeAll(async () => {
    harness = await startSyncHarness({ username: 'discrepancies' })
    await harness.sync.sync(harness.connectionId)
  }, 120_000)

  afterAll(() => harness?.close())

  it('lists each pay run that fails a tie-out check, naming the run', () => {
    const attention = new DashboardQueries(harness.cache.database).attention(harness.connectionId)

    const tieOuts = attention.filter((item) => item.kind === 'tie_out')

    expect(tieOuts.length).toBeGreaterThan(0)
    for (const item of tieOuts) {
      expect(item.paymentId).toBeTruthy()
      expect(item.payDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(item.message).toMatch(/^[A-Z].* does not (tie out|come down to its net pay)/)
      expect(item.message).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    }
  })
})
