/**
 * A pay run's register with, above it, the payment's own totals beside the sums of its
 * statements, each difference flagged, and each column's total. The totals are SQL sums over
 * integer cents in main, never sums of the rows a page happened to load.
 */
import { useCallback, useMemo } from 'react'
import type { RegisterReconciliation, RegisterRow } from '../../../shared/payroll-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatCents } from '../format/format-money'
import { useAsyncValue } from '../hooks/use-async-value'
import type { RowRange } from '../table/page-window'
import { useWindowedRows } from '../table/use-windowed-rows'
import { ErrorAlert } from './error-alert'
import { COLUMN_KIND_LABELS, RegisterTable, formatHours, registerColumns } from './register-table'

const FIELD_LABELS: Record<RegisterReconciliation['field'], string> = {
  gross: 'Gross',
  employee_taxes: 'Employee taxes',
  employer_taxes: 'Employer taxes',
  net: 'Net',
}

export function RegisterPanel({
  connectionId,
  paymentId,
  refreshKey,
  onOpenStatement,
}: {
  connectionId: string
  paymentId: string
  refreshKey: number
  onOpenStatement: (row: RegisterRow) => void
}) {
  const api = useApi()
  const summary = useAsyncValue(
    () => api.payroll.registerSummary({ connectionId, paymentId }),
    [api, connectionId, paymentId, refreshKey],
  )
  const rows = useWindowedRows<RegisterRow>({
    queryKey: JSON.stringify([connectionId, paymentId, refreshKey]),
    fetchPage: (offset, limit) => api.payroll.register({ connectionId, paymentId, offset, limit }),
  })
  const { showRange } = rows
  const onRangeChange = useCallback((range: RowRange) => showRange(range), [showRange])
  const columns = useMemo(() => registerColumns(summary.value?.columns ?? []), [summary.value])

  if (summary.status === 'failed') {
    return <ErrorAlert onRetry={summary.reload}>{summary.message}</ErrorAlert>
  }
  if (summary.value === undefined) return <p className="secondary-text">Loading the register…</p>
  if (summary.value === null) {
    return <p className="empty-state">This pay run is no longer in the cache; sync again.</p>
  }
  const { reconciliation, columns: lineColumns } = summary.value
  const differences = reconciliation.filter((entry) => entry.differs).length

  return (
    <div className="register-panel" data-testid="register-panel" data-payment-id={paymentId}>
      <table className="data-table register-reconciliation" data-testid="register-reconciliation">
        <caption>
          Payment totals against the register
          {differences > 0 ? (
            <strong className="status-badge status-terminated" data-testid="register-differs">
              {differences === 1 ? '1 total differs' : `${differences} totals differ`}
            </strong>
          ) : (
            <span className="status-badge status-active" data-testid="register-matches">
              All totals match
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">Total</th>
            <th scope="col" className="numeric">
              Payment
            </th>
            <th scope="col" className="numeric">
              Register
            </th>
            <th scope="col" className="numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {reconciliation.map((entry) => (
            <tr
              key={entry.field}
              data-testid={`reconcile-${entry.field}`}
              data-differs={entry.differs}
            >
              <th scope="row">{FIELD_LABELS[entry.field]}</th>
              <td
                className="numeric"
                data-testid="payment-cents"
                data-cents={entry.paymentCents ?? ''}
              >
                {entry.paymentCents === null ? '—' : formatCents(entry.paymentCents)}
              </td>
              <td className="numeric" data-testid="register-cents" data-cents={entry.registerCents}>
                {formatCents(entry.registerCents)}
              </td>
              <td className="numeric">
                {entry.paymentCents === null
                  ? '—'
                  : formatCents(entry.registerCents - entry.paymentCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <p className="secondary-text" data-testid="register-count">
        {summary.value.statementCount} statements ·{' '}
        {summary.value.hoursReported
          ? `${formatHours(summary.value.totalHours)} hours`
          : 'no hours reported'}
      </p>
      {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}
      <RegisterTable
        columns={columns}
        rows={rows}
        onRangeChange={onRangeChange}
        onOpen={onOpenStatement}
      />

      <ExportActions
        label="Export register"
        target={{ table: 'register', connectionId, paymentId }}
      />

      <table className="data-table register-column-totals" data-testid="register-column-totals">
        <caption>Column totals</caption>
        <tbody>
          {lineColumns.map((column, index) => (
            <tr key={index} data-testid="register-column-total" data-kind={column.kind}>
              <th scope="row">
                {COLUMN_KIND_LABELS[column.kind]}: {column.label}
              </th>
              <td className="numeric" data-cents={column.totalCents}>
                {formatCents(column.totalCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
