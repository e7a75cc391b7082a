/**
 * One client company's page: its name, a way to sync it again, what Finch knows about the
 * company, and its directory.
 */
import { useCallback, useState } from 'react'
import { useApi } from '../api/api-context'
import { CompanyCard } from '../components/company-card'
import { DirectoryPanel } from '../components/directory-panel'
import { ErrorAlert } from '../components/error-alert'
import { SyncControl } from '../components/sync-control'
import { ViewHeading } from '../components/view-heading'
import { useApiEvent } from '../hooks/use-api-event'
import { useAsyncValue } from '../hooks/use-async-value'
import { useSyncRun } from '../hooks/use-sync-run'

export function CompanyView({
  connectionId,
  onBack,
}: {
  connectionId: string
  onBack: () => void
}) {
  const api = useApi()
  const company = useAsyncValue(() => api.company.get({ connectionId }), [api, connectionId])
  // There is no single-connection channel; the list is short and also names unsynced companies.
  const connections = useAsyncValue(() => api.connections.list(), [api])
  const [directoryRefresh, setDirectoryRefresh] = useState(0)

  const reloadCompany = company.reload
  const reloadConnections = connections.reload
  const refreshAll = useCallback(() => {
    reloadCompany()
    reloadConnections()
    setDirectoryRefresh((count) => count + 1)
  }, [reloadCompany, reloadConnections])

  const sync = useSyncRun(connectionId, refreshAll)
  useApiEvent('connections.changed', reloadConnections)

  const connection = connections.value?.find((entry) => entry.connectionId === connectionId)
  const title =
    company.value?.legalName ??
    connection?.companyName ??
    connection?.customerName ??
    (company.status === 'loading' ? 'Loading company…' : 'Company')

  return (
    <section className="view">
      <button type="button" className="link-button back-link" onClick={onBack}>
        <span aria-hidden="true">← </span>All clients
      </button>

      <div className="view-header">
        <ViewHeading testId="company-name">{title}</ViewHeading>
        <SyncControl sync={sync} lastSyncedAt={connection?.lastSyncedAt} />
      </div>

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

      <DirectoryPanel connectionId={connectionId} refreshKey={directoryRefresh} />
    </section>
  )
}
