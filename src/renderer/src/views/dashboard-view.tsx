/**
 * A client company's dashboard: pay per run, headcount, cost by department and the latest run's
 * split of gross pay for a chosen period, and a list of what needs attention. Every number is
 * summed in main from the local cache, so the page works the same with no network.
 */
import { useState } from 'react'
import type { AttentionItem, DashboardPeriod } from '../../../shared/dashboard'
import { useApi } from '../api/api-context'
import { useChartTheme } from '../components/chart-theme'
import { DashboardAttention } from '../components/dashboard-attention'
import {
  DepartmentCostChart,
  GrossSplitChart,
  HeadcountChart,
  PayRunsChart,
} from '../components/dashboard-charts'
import { ErrorAlert } from '../components/error-alert'
import { ViewHeading } from '../components/view-heading'
import { useAsyncValue } from '../hooks/use-async-value'
import { formatDate } from '../format/format-date'
import '../styles/dashboard.css'

const PERIOD_LABELS: Record<DashboardPeriod, string> = {
  '3m': 'Last 3 months',
  '12m': 'Last 12 months',
  all: 'Everything cached',
}

export function DashboardView({
  connectionId,
  onBack,
  onOpenAttention,
}: {
  connectionId: string
  onBack: () => void
  onOpenAttention: (item: AttentionItem) => void
}) {
  const api = useApi()
  const theme = useChartTheme()
  const [period, setPeriod] = useState<DashboardPeriod>('12m')
  const dashboard = useAsyncValue(
    () => api.dashboard.get({ connectionId, period }),
    [api, connectionId, period],
  )
  const attention = useAsyncValue(
    () => api.dashboard.attention({ connectionId }),
    [api, connectionId],
  )
  const profile = useAsyncValue(() => api.company.get({ connectionId }), [api, connectionId])
  const company = profile.value?.legalName ?? 'Company'
  const data = dashboard.value

  return (
    <section className="view dashboard-view" data-testid="dashboard">
      <button type="button" className="link-button back-link" onClick={onBack}>
        <span aria-hidden="true">← </span>Company page
      </button>

      <div className="view-header">
        <ViewHeading testId="dashboard-title">{`${company}: dashboard`}</ViewHeading>
        <label className="dashboard-period">
          Period{' '}
          <select
            value={period}
            onChange={(event) => setPeriod(event.target.value as DashboardPeriod)}
          >
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {dashboard.status === 'failed' && (
        <ErrorAlert onRetry={dashboard.reload}>{dashboard.message}</ErrorAlert>
      )}

      <DashboardAttention
        items={attention.value}
        loading={attention.status === 'loading'}
        onOpen={onOpenAttention}
      />

      {data && data.runs.length === 0 && (
        <p className="panel empty-state">
          No payments are cached for this company. Sync it with the Payments and Pay statements
          products to see its payroll here.
        </p>
      )}

      {data && data.runs.length > 0 && (
        <div className="dashboard-grid" data-testid="dashboard-charts">
          <p className="dashboard-range">
            Pay runs from <DateText value={data.from} /> to <DateText value={data.to} />
          </p>
          <PayRunsChart runs={data.runs} theme={theme} company={company} />
          <HeadcountChart points={data.headcount} theme={theme} company={company} />
          <DepartmentCostChart departments={data.departments} theme={theme} company={company} />
          {data.latestSplit && (
            <GrossSplitChart split={data.latestSplit} theme={theme} company={company} />
          )}
        </div>
      )}
    </section>
  )
}

/** A date in the user's locale, keeping the ISO date it shows in `dateTime`. */
function DateText({ value }: { value: string | null }) {
  if (value === null) return <>an unknown date</>
  return <time dateTime={value}>{formatDate(value) ?? value}</time>
}
