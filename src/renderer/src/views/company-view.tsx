/**
 * One client company's review workspace: its name, a way to sync it again, a banner when the
 * cache may be out of date, what Finch knows about the company, and its people. Everything here
 * reads the local cache, so it works the same with no network.
 */
import { useCallback, useRef, useState } from 'react'
import { useApi } from '../api/api-context'
import { CompanyCard } from '../components/company-card'
import { CompanyFreshness } from '../components/company-freshness'
import { ErrorAlert } from '../components/error-alert'
import { PayrollPanel } from '../components/payroll-panel'
import { PeoplePanel } from '../components/people-panel'
import { YtdPanel } from '../components/ytd-panel'
import { SyncControl } from '../components/sync-control'
import { ViewHeading } from '../components/view-heading'
import { useApiEvent } from '../hooks/use-api-event'
import { useArrivalFocus } from '../hooks/use-arrival-focus'
import { useAsyncValue } from '../hooks/use-async-value'
import { useSyncRun } from '../hooks/use-sync-run'

export function CompanyView({
  connectionId,
  focus,
  onBack,
  onOpenDashboard,
  onOpenChecks,
  onOpenPerson,
}: {
  connectionId: string
  /** `freshness`: open on how current the data is (the banner, or else Sync now). */
  focus?: 'freshness'
  onBack: () => void
  /** Opens this company's dashboard of charts and checks. */
  onOpenDashboard?: () => void
  /** Opens this company's reconciliation and variance checks. */
  onOpenChecks?: () => void
  /** Opens one person's page: records, pay history and year to date. */
  onOpenPerson?: (individualId: string) => void
}) {
  const api = useApi()
  const company = useAsyncValue(() => api.company.get({ connectionId }), [api, connectionId])
  // There is no single-connection channel; the list is short and also names unsynced companies.
  const connections = useAsyncValue(() => api.connections.list(), [api])
  const freshness = useAsyncValue(() => api.review.freshness({ connectionId }), [api, connectionId])
  const [peopleRefresh, setPeopleRefresh] = useState(0)

  const reloadCompany = company.reload
  const reloadConnections = connections.reload
  const reloadFreshness = freshness.reload
  const refreshAll = useCallback(() => {
    reloadCompany()
    reloadConnections()
    reloadFreshness()
    setPeopleRefresh((count) => count + 1)
  }, [reloadCompany, reloadConnections, reloadFreshness])

  const sync = useSyncRun(connectionId, refreshAll)
  useApiEvent('connections.changed', () => {
    reloadConnections()
    reloadFreshness()
  })

  const page = useRef<HTMLElement>(null)
  useArrivalFocus(
    focus === 'freshness' && freshness.value !== undefined && connections.value !== undefined,
    () =>
      page.current?.querySelector<HTMLElement>('[data-testid="freshness-banner"]') ??
      page.current?.querySelector<HTMLElement>('.sync-control button'),
  )

  const connection = connections.value?.find((entry) => entry.connectionId === connectionId)
  const title =
    company.value?.legalName ??
    connection?.companyName ??
    connection?.customerName ??
    (company.status === 'loading' ? 'Loading company…' : 'Company')

  return (
    <section className="view" ref={page}>
      <button type="button" className="link-button back-link" onClick={onBack}>
        <span aria-hidden="true">← </span>All clients
      </button>

      <div className="view-header">
        <ViewHeading testId="company-name">{title}</ViewHeading>
        {onOpenDashboard && (
          <button type="button" className="button" onClick={onOpenDashboard}>
            Dashboard
          </button>
        )}
        {onOpenChecks && (
          <button type="button" className="button" onClick={onOpenChecks}>
            Checks
          </button>
        )}
        <SyncControl
          sync={sync}
          lastSyncedAt={connection?.lastSyncedAt}
          disconnected={connection?.status === 'disconnected'}
        />
      </div>

      <CompanyFreshness freshness={freshness.value} />

      {company.status === 'failed' && (
        <ErrorAlert onRetry={company.reload}>{company.message}</ErrorAlert>
      )}

      {company.value ? (
        <CompanyCard company={company.value} />
      ) : (
        company.status === 'ready' && (
          <p className="panel empty-state">
            No company details yet. Sync now to read them from Finch, or check that the connection
            was granted the Company product.
          </p>
        )
      )}

      <PeoplePanel
        connectionId={connectionId}
        refreshKey={peopleRefresh}
        {...(onOpenPerson ? { onOpenPerson } : {})}
      />
      <PayrollPanel connectionId={connectionId} refreshKey={peopleRefresh} />
      <YtdPanel
        connectionId={connectionId}
        refreshKey={peopleRefresh}
        {...(onOpenPerson ? { onOpenPerson } : {})}
      />
    </section>
  )
}
