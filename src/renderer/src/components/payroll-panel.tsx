/**
 * The payroll section of a company page: pay runs by date range and pay group, a run's register
 * with its totals reconciled against the payment, and one statement in full. Each step replaces
 * the one before inside the panel, with a way back; rows come from main a page at a time.
 */
import { useCallback, useId, useState } from 'react'
import type { PayRun, RegisterRow } from '../../../shared/payroll-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatDate } from '../format/format-date'
import { useAsyncValue } from '../hooks/use-async-value'
import type { RowRange } from '../table/page-window'
import { useWindowedRows } from '../table/use-windowed-rows'
import { ErrorAlert } from './error-alert'
import { PayRunsTable } from './pay-runs-table'
import { PayStatementSection } from './pay-statement-detail'
import { RegisterPanel } from './register-panel'

type PayrollStep =
  | { step: 'runs' }
  | { step: 'register'; run: PayRun }
  | { step: 'statement'; run: PayRun; statement: RegisterRow }

export function PayrollPanel({
  connectionId,
  refreshKey,
}: {
  connectionId: string
  refreshKey: number
}) {
  const id = useId()
  const [where, setWhere] = useState<PayrollStep>({ step: 'runs' })

  return (
    <section className="panel payroll-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`} className="panel-title" data-testid="payroll-title">
          {where.step === 'runs' ? 'Pay runs' : `Pay run of ${payDateLabel(where.run)}`}
        </h2>
        {where.step !== 'runs' && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setWhere(
                where.step === 'statement'
                  ? { step: 'register', run: where.run }
                  : { step: 'runs' },
              )
            }
          >
            <span aria-hidden="true">← </span>
            {where.step === 'statement' ? 'Back to the register' : 'All pay runs'}
          </button>
        )}
      </div>

      {where.step !== 'statement' && (
        <p className="secondary-text">
          Select a row and press Enter to open{' '}
          {where.step === 'runs' ? 'its register' : 'the statement'}.
        </p>
      )}
      {where.step === 'runs' && (
        <PayRunsSection
          connectionId={connectionId}
          refreshKey={refreshKey}
          onOpen={(run) => setWhere({ step: 'register', run })}
        />
      )}
      {where.step === 'register' && (
        <RegisterPanel
          connectionId={connectionId}
          paymentId={where.run.paymentId}
          refreshKey={refreshKey}
          onOpenStatement={(statement) =>
            setWhere({ step: 'statement', run: where.run, statement })
          }
        />
      )}
      {where.step === 'statement' && (
        <PayStatementSection
          connectionId={connectionId}
          statementRow={where.statement.statementRow}
        />
      )}
    </section>
  )
}

function PayRunsSection({
  connectionId,
  refreshKey,
  onOpen,
}: {
  connectionId: string
  refreshKey: number
  onOpen: (run: PayRun) => void
}) {
  const api = useApi()
  const id = useId()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [payGroupId, setPayGroupId] = useState('')
  const payGroups = useAsyncValue(
    () => api.payroll.payGroups({ connectionId }),
    [api, connectionId, refreshKey],
  )

  const filters = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(payGroupId ? { payGroupId } : {}),
  }
  const rows = useWindowedRows<PayRun>({
    queryKey: JSON.stringify([connectionId, filters, refreshKey]),
    fetchPage: (offset, limit) => api.payroll.runs({ connectionId, offset, limit, ...filters }),
  })
  const { showRange } = rows
  const onRangeChange = useCallback((range: RowRange) => showRange(range), [showRange])

  return (
    <>
      <fieldset className="people-filters payroll-filters">
        <legend className="visually-hidden">Filter pay runs</legend>
        <div className="filter-field">
          <label htmlFor={`${id}-from`}>Paid from</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            data-testid="pay-runs-from"
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-to`}>Paid to</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            data-testid="pay-runs-to"
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-group`}>Pay group</label>
          <select
            id={`${id}-group`}
            value={payGroupId}
            data-testid="pay-runs-group"
            onChange={(event) => setPayGroupId(event.target.value)}
          >
            <option value="">All pay groups</option>
            {payGroups.value?.map((group) => (
              <option key={group.payGroupId} value={group.payGroupId}>
                {group.name ?? group.payGroupId}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}
      <PayRunsTable
        rows={rows}
        onRangeChange={onRangeChange}
        onOpen={onOpen}
        emptyMessage={
          rows.total === null
            ? 'Loading pay runs…'
            : 'No pay runs match. Sync to read payments from Finch, or widen the dates.'
        }
      />
      <p className="page-range" data-testid="pay-runs-count">
        {rows.total === null ? '' : `${new Intl.NumberFormat().format(rows.total)} pay runs`}
      </p>
      <ExportActions
        label="Export pay runs"
        target={{ table: 'pay_runs', connectionId, ...filters }}
      />
    </>
  )
}

function payDateLabel(run: PayRun): string {
  return formatDate(run.payDate) ?? 'unknown date'
}
