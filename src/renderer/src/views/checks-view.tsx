/**
 * A client company's accountant checks, one tab each: reconciliation of every statement and
 * payment with each run's cash needs, the variance between two runs, the year-end summary, the
 * people the client has under more than one connection, and the audit trail. Every figure is
 * computed in main from the local cache, so the checks work the same with no network.
 */
import { useRef, useState } from 'react'
import { DEFAULT_CHANGE_PERCENT, DEFAULT_OVERTIME_FACTOR } from '../../../shared/checks'
import { useApi } from '../api/api-context'
import { CheckAuditTrail } from '../components/check-audit-trail'
import { CheckPdfButton } from '../components/check-pdf-button'
import { CheckPeople } from '../components/check-people'
import { CheckReconciliation } from '../components/check-reconciliation'
import type { CheckTab } from '../components/check-tabs'
import { CheckTabs } from '../components/check-tabs'
import type { VarianceChoice } from '../components/check-variance'
import { CheckVariance } from '../components/check-variance'
import { CheckYearEnd } from '../components/check-year-end'
import { ErrorAlert } from '../components/error-alert'
import { ExportActions } from '../export/export-actions'
import { ViewHeading } from '../components/view-heading'
import { useArrivalFocus } from '../hooks/use-arrival-focus'
import { useAsyncValue } from '../hooks/use-async-value'
import type { ChecksFocus } from '../navigation/route'
import '../styles/checks.css'

type ChecksTab = 'reconciliation' | 'variance' | 'year_end' | 'people' | 'audit'

const TABS: CheckTab<ChecksTab>[] = [
  { id: 'reconciliation', label: 'Reconciliation' },
  { id: 'variance', label: 'Pay run variance' },
  { id: 'year_end', label: 'Year-end' },
  { id: 'people', label: 'People across connections' },
  { id: 'audit', label: 'Audit trail' },
]

export function ChecksView({
  connectionId,
  focus,
  onBack,
}: {
  connectionId: string
  /** The run's tie-out or the pair of runs to open on, as a dashboard link asks. */
  focus?: ChecksFocus
  onBack: () => void
}) {
  const [tab, setTab] = useState<ChecksTab>(
    focus?.section === 'variance' ? 'variance' : 'reconciliation',
  )
  const [choice, setChoice] = useState<VarianceChoice>(() => ({
    changePercent: DEFAULT_CHANGE_PERCENT,
    overtimeFactor: DEFAULT_OVERTIME_FACTOR,
    ...(focus?.section === 'variance'
      ? { currentPaymentId: focus.currentPaymentId, previousPaymentId: focus.previousPaymentId }
      : {}),
  }))
  // Shared by the year-end and people tabs, so both show the same year.
  const [year, setYear] = useState<number | undefined>(undefined)

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

      <CheckTabs label="Checks" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'reconciliation' && (
          <ReconciliationTab
            connectionId={connectionId}
            focusPaymentId={focus?.section === 'tie_out' ? focus.paymentId : undefined}
          />
        )}
        {tab === 'variance' && (
          <VarianceTab
            connectionId={connectionId}
            choice={choice}
            onChoose={setChoice}
            focused={focus?.section === 'variance'}
          />
        )}
        {tab === 'year_end' && (
          <CheckYearEnd connectionId={connectionId} year={year} onYear={setYear} />
        )}
        {tab === 'people' && (
          <CheckPeople connectionId={connectionId} year={year} onYear={setYear} />
        )}
        {tab === 'audit' && <CheckAuditTrail connectionId={connectionId} />}
      </CheckTabs>
    </section>
  )
}

function ReconciliationTab({
  connectionId,
  focusPaymentId,
}: {
  connectionId: string
  /** A run to land on: its first payment-total row, or else the statements' tie-out. */
  focusPaymentId: string | undefined
}) {
  const api = useApi()
  const reconciliation = useAsyncValue(
    () => api.checks.reconciliation({ connectionId }),
    [api, connectionId],
  )
  const frame = useRef<HTMLDivElement>(null)
  useArrivalFocus(focusPaymentId !== undefined && reconciliation.value !== undefined, () => {
    // The run's row among the payment mismatches; other tables list every run by id too.
    const row = frame.current?.querySelector<HTMLElement>(
      `[data-testid="check-payment-mismatch"][data-payment-id="${CSS.escape(focusPaymentId ?? '')}"]`,
    )
    row?.setAttribute('aria-current', 'true')
    return row ?? frame.current?.querySelector<HTMLElement>('[data-testid="check-gross-to-net"]')
  })
  return (
    <>
      {reconciliation.status === 'failed' && (
        <ErrorAlert onRetry={reconciliation.reload}>{reconciliation.message}</ErrorAlert>
      )}
      {reconciliation.value ? (
        <div ref={frame} data-testid="checks-tie-out-target">
          <CheckReconciliation report={reconciliation.value} />
        </div>
      ) : (
        reconciliation.status === 'loading' && <p>Checking statements and payments…</p>
      )}
    </>
  )
}

function VarianceTab({
  connectionId,
  choice,
  onChoose,
  focused,
}: {
  connectionId: string
  choice: VarianceChoice
  onChoose: (choice: VarianceChoice) => void
  /** Opened from a link about these runs: focus lands on the comparison once it is read. */
  focused: boolean
}) {
  const api = useApi()
  const variance = useAsyncValue(
    () => api.checks.variance({ connectionId, ...choice }),
    [api, connectionId, choice],
  )
  const frame = useRef<HTMLDivElement>(null)
  useArrivalFocus(focused && variance.value !== undefined, () => frame.current)
  return (
    <>
      {variance.status === 'failed' && (
        <ErrorAlert onRetry={variance.reload}>{variance.message}</ErrorAlert>
      )}
      {variance.value ? (
        <div ref={frame} data-testid="checks-variance-target">
          <CheckVariance report={variance.value} choice={choice} onChoose={onChoose} />
        </div>
      ) : (
        variance.status === 'loading' && <p>Comparing pay runs…</p>
      )}
    </>
  )
}
