/**
 * A client company's accountant checks: reconciliation of every statement and payment, cash
 * needs per pay run, and the variance between two runs. Every figure is computed in main from
 * the local cache, so the checks work the same with no network.
 */
import { useState } from 'react'
import { DEFAULT_CHANGE_PERCENT, DEFAULT_OVERTIME_FACTOR } from '../../../shared/checks'
import { useApi } from '../api/api-context'
import { CheckAuditTrail } from '../components/check-audit-trail'
import { CheckPdfButton } from '../components/check-pdf-button'
import { CheckReconciliation } from '../components/check-reconciliation'
import type { VarianceChoice } from '../components/check-variance'
import { CheckVariance } from '../components/check-variance'
import { ErrorAlert } from '../components/error-alert'
import { ExportActions } from '../export/export-actions'
import { ViewHeading } from '../components/view-heading'
import { useAsyncValue } from '../hooks/use-async-value'
import '../styles/checks.css'

export function ChecksView({ connectionId, onBack }: { connectionId: string; onBack: () => void }) {
  const api = useApi()
  const [choice, setChoice] = useState<VarianceChoice>({
    changePercent: DEFAULT_CHANGE_PERCENT,
    overtimeFactor: DEFAULT_OVERTIME_FACTOR,
  })
  const reconciliation = useAsyncValue(
    () => api.checks.reconciliation({ connectionId }),
    [api, connectionId],
  )
  const variance = useAsyncValue(
    () => api.checks.variance({ connectionId, ...choice }),
    [api, connectionId, choice],
  )

  return (
    <section className="view checks-view" data-testid="checks">
      <button type="button" className="link-button back-link" onClick={onBack}>
        <span aria-hidden="true">← </span>Company page
      </button>

      <div className="view-header">
        <ViewHeading testId="checks-title">Accountant checks</ViewHeading>
      </div>

      <div className="check-exports">
        <ExportActions label="Export findings" target={{ table: 'checks', connectionId }} />
        <ExportActions
          label="Export cash requirement"
          target={{ table: 'cash_requirement', connectionId }}
        />
        <CheckPdfButton connectionId={connectionId} />
      </div>

      {variance.status === 'failed' && (
        <ErrorAlert onRetry={variance.reload}>{variance.message}</ErrorAlert>
      )}
      {variance.value && (
        <CheckVariance report={variance.value} choice={choice} onChoose={setChoice} />
      )}

      {reconciliation.status === 'failed' && (
        <ErrorAlert onRetry={reconciliation.reload}>{reconciliation.message}</ErrorAlert>
      )}
      {reconciliation.value ? (
        <CheckReconciliation report={reconciliation.value} />
      ) : (
        reconciliation.status === 'loading' && <p>Checking statements and payments…</p>
      )}

      <CheckAuditTrail connectionId={connectionId} />
    </section>
  )
}
