/**
 * The dashboard's four charts, each built from numbers main already summed: pay per run,
 * headcount at each pay date, cost by department, and the latest run's split of gross pay.
 * Axis labels round for reading; the tables and summaries show exact cents.
 */
import { useMemo } from 'react'
import type {
  DepartmentCost,
  GrossSplit,
  HeadcountPoint,
  PayRunTotals,
} from '../../../shared/dashboard'
import { formatDate } from '../format/format-date'
import { formatCents } from '../format/format-money'
import type { ChartTheme } from './chart-theme'
import { DashboardChartPanel } from './dashboard-chart-panel'

const compactDollars = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
})

/** For axes and tooltips only: a display rounding, never a total. */
function shortMoney(cents: number): string {
  return compactDollars.format(cents / 100)
}

function sumOf<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0)
}

function baseOption(theme: ChartTheme) {
  return {
    animation: false,
    color: theme.series,
    textStyle: { color: theme.text },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis' as const },
    grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
  }
}

function categoryAxis(theme: ChartTheme, data: string[]) {
  return {
    type: 'category' as const,
    data,
    axisLabel: { color: theme.muted },
    axisLine: { lineStyle: { color: theme.grid } },
  }
}

/** A value axis's name written along it, beside its labels. */
function axisName(theme: ChartTheme, name: string, rotate: 90 | -90) {
  return {
    name,
    nameLocation: 'middle' as const,
    nameRotate: rotate,
    nameGap: 36,
    nameTextStyle: { color: theme.muted },
  }
}

function valueAxis(theme: ChartTheme, money: boolean) {
  return {
    type: 'value' as const,
    axisLabel: { color: theme.muted, ...(money ? { formatter: shortMoney } : {}) },
    splitLine: { lineStyle: { color: theme.grid } },
  }
}

export function PayRunsChart({
  runs,
  theme,
  company,
}: {
  runs: PayRunTotals[]
  theme: ChartTheme
  company: string
}) {
  const option = useMemo(
    () => ({
      ...baseOption(theme),
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => shortMoney(Number(v)) },
      xAxis: categoryAxis(
        theme,
        runs.map((run) => shownDate(run.payDate)),
      ),
      yAxis: valueAxis(theme, true),
      // Bars, not lines: runs of different pay groups alternate, and a line drawn between a
      // salaried run and a small hourly one would read as pay swinging up and down.
      series: [
        { name: 'Gross pay', type: 'bar', data: runs.map((run) => run.grossPayCents) },
        { name: 'Net pay', type: 'bar', data: runs.map((run) => run.netPayCents) },
        { name: 'Employer cost', type: 'bar', data: runs.map((run) => run.employerCostCents) },
      ],
    }),
    [runs, theme],
  )
  const gross = sumOf(runs, (run) => run.grossPayCents)
  const net = sumOf(runs, (run) => run.netPayCents)
  const employer = sumOf(runs, (run) => run.employerCostCents)

  return (
    <DashboardChartPanel
      title="Pay per run"
      testId="chart-pay-runs"
      imageName={`${company} pay per run`}
      summary={`${runs.length} pay runs: gross pay ${formatCents(gross)}, net pay ${formatCents(
        net,
      )}, employer taxes and contributions ${formatCents(employer)}.`}
      option={option}
      table={{
        columns: [
          { label: 'Pay date' },
          { label: 'Gross pay', money: true },
          { label: 'Net pay', money: true },
          { label: 'Employer taxes', money: true },
          { label: 'Employer contributions', money: true },
          { label: 'Employer cost', money: true },
        ],
        rows: runs.map((run) => [
          shownDate(run.payDate),
          run.grossPayCents,
          run.netPayCents,
          run.employerTaxesCents,
          run.employerContributionsCents,
          run.employerCostCents,
        ]),
        totals: [
          'Total',
          gross,
          net,
          sumOf(runs, (run) => run.employerTaxesCents),
          sumOf(runs, (run) => run.employerContributionsCents),
          employer,
        ],
      }}
    />
  )
}

export function HeadcountChart({
  points,
  theme,
  company,
}: {
  points: HeadcountPoint[]
  theme: ChartTheme
  company: string
}) {
  const option = useMemo(
    () => ({
      ...baseOption(theme),
      // Room on both sides for the axis names, which the grid's label fitting leaves out.
      grid: { ...baseOption(theme).grid, left: 36, right: 36 },
      xAxis: categoryAxis(
        theme,
        points.map((point) => shownDate(point.payDate)),
      ),
      // Hires and terminations are a few people against a headcount of hundreds: own axis, named
      // and drawn in the bars' colour so a bar of 4 is not read against the headcount's scale.
      yAxis: [
        { ...valueAxis(theme, false), ...axisName(theme, 'Active people', 90) },
        {
          ...valueAxis(theme, false),
          ...axisName(theme, 'Hires and terminations', -90),
          minInterval: 1,
          splitLine: { show: false },
        },
      ],
      series: [
        { name: 'Active people', type: 'line', data: points.map((point) => point.active) },
        {
          name: 'Hires',
          type: 'bar',
          yAxisIndex: 1,
          data: points.map((point) => point.hires),
        },
        {
          name: 'Terminations',
          type: 'bar',
          yAxisIndex: 1,
          data: points.map((point) => point.terminations),
        },
      ],
    }),
    [points, theme],
  )
  const first = points[0]
  const last = points.at(-1)
  const hires = sumOf(points, (point) => point.hires)
  const ends = sumOf(points, (point) => point.terminations)

  return (
    <DashboardChartPanel
      title="Headcount"
      testId="chart-headcount"
      imageName={`${company} headcount`}
      summary={
        first && last
          ? `${first.active} people on ${shownDate(first.payDate)}, ${last.active} on ${shownDate(last.payDate)}; ${hires} hires and ${ends} terminations between.`
          : 'No pay dates in this period.'
      }
      option={option}
      table={{
        columns: [
          { label: 'Pay date' },
          { label: 'Active people' },
          { label: 'Hires' },
          { label: 'Terminations' },
        ],
        rows: points.map((point) => [
          shownDate(point.payDate),
          point.active,
          point.hires,
          point.terminations,
        ]),
      }}
    />
  )
}

export function DepartmentCostChart({
  departments,
  theme,
  company,
}: {
  departments: DepartmentCost[]
  theme: ChartTheme
  company: string
}) {
  const option = useMemo(() => {
    // Largest at the top: a horizontal bar chart draws its first category at the bottom.
    const shown = [...departments].reverse()
    return {
      ...baseOption(theme),
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => shortMoney(Number(v)) },
      xAxis: valueAxis(theme, true),
      yAxis: categoryAxis(
        theme,
        shown.map((row) => row.department),
      ),
      series: [
        {
          name: 'Gross pay',
          type: 'bar',
          stack: 'cost',
          data: shown.map((row) => row.grossPayCents),
        },
        {
          name: 'Employer cost',
          type: 'bar',
          stack: 'cost',
          data: shown.map((row) => row.employerCostCents),
        },
      ],
    }
  }, [departments, theme])
  const top = departments[0]
  const gross = sumOf(departments, (row) => row.grossPayCents)
  const employer = sumOf(departments, (row) => row.employerCostCents)

  return (
    <DashboardChartPanel
      title="Cost by department"
      testId="chart-departments"
      imageName={`${company} cost by department`}
      summary={
        top
          ? `${departments.length} departments; ${top.department} costs most, ${formatCents(
              top.grossPayCents + top.employerCostCents,
            )}.`
          : 'No pay statements in this period.'
      }
      option={option}
      table={{
        columns: [
          { label: 'Department' },
          { label: 'Gross pay', money: true },
          { label: 'Employer cost', money: true },
          { label: 'Total cost', money: true },
        ],
        rows: departments.map((row) => [
          row.department,
          row.grossPayCents,
          row.employerCostCents,
          row.grossPayCents + row.employerCostCents,
        ]),
        totals: ['Total', gross, employer, gross + employer],
      }}
    />
  )
}

export function GrossSplitChart({
  split,
  theme,
  company,
}: {
  split: GrossSplit
  theme: ChartTheme
  company: string
}) {
  const parts = useMemo(() => grossParts(split), [split])
  const option = useMemo(
    () => ({
      ...baseOption(theme),
      tooltip: { trigger: 'item' as const, valueFormatter: (v: unknown) => shortMoney(Number(v)) },
      series: [
        {
          name: 'Gross pay',
          type: 'pie',
          radius: ['45%', '72%'],
          top: 32,
          label: { color: theme.text },
          itemStyle: { borderColor: theme.surface, borderWidth: 2 },
          data: parts,
        },
      ],
    }),
    [parts, theme],
  )

  return (
    <DashboardChartPanel
      title={`Where gross pay went on ${shownDate(split.payDate)}`}
      testId="chart-gross-split"
      imageName={`${company} gross split ${split.payDate}`}
      summary={`Gross pay ${formatCents(split.grossPayCents)}: ${parts
        .map((part) => `${part.name.toLowerCase()} ${formatCents(part.value)}`)
        .join(', ')}.`}
      option={option}
      table={{
        columns: [{ label: 'Part' }, { label: 'Amount', money: true }],
        rows: parts.map((part) => [part.name, part.value]),
        totals: ['Gross pay', split.grossPayCents],
      }}
    />
  )
}

/** Gross pay's parts; a remainder shows only when the statements do not add up, so it is seen. */
function grossParts(split: GrossSplit): { name: string; value: number }[] {
  const other =
    split.grossPayCents -
    split.employeeTaxesCents -
    split.employeeDeductionsCents -
    split.netPayCents
  return [
    { name: 'Employee taxes', value: split.employeeTaxesCents },
    { name: 'Employee deductions', value: split.employeeDeductionsCents },
    { name: 'Net pay', value: split.netPayCents },
    ...(other !== 0 ? [{ name: 'Not explained by statements', value: other }] : []),
  ]
}

/** A pay date in the user's locale. */
function shownDate(payDate: string | null): string {
  return formatDate(payDate) ?? 'Unknown date'
}
