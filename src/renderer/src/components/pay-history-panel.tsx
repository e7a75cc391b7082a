/**
 * One person's pay statements, newest pay date first, a page at a time from main. Enter or a
 * click opens the statement in full, with a way back to the list.
 */
import { useCallback, useId, useState } from 'react'
import type { PayHistoryRow } from '../../../shared/person-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatDate } from '../format/format-date'
import { formatStatementType } from '../format/format-pay-statement'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { dateColumn, moneyColumn, textColumn } from '../table/table-columns'
import { useWindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'
import { ErrorAlert } from './error-alert'
import { PayStatementSection } from './pay-statement-detail'
import { formatHours } from './register-table'

const PAY_HISTORY_COLUMNS: TableColumn<PayHistoryRow>[] = [
  { ...dateColumn('payDate', 'Pay date', (row) => row.payDate, '18%'), isRowHeader: true },
  textColumn(
    'type',
    'Type',
    (row) => (row.type === null ? null : formatStatementType(row.type)),
    '22%',
  ),
  {
    key: 'hours',
    header: 'Hours',
    width: '14%',
    align: 'end',
    render: (row) => formatHours(row.totalHours) ?? '—',
  },
  moneyColumn('gross', 'Gross', (row) => row.grossPayCents, '23%'),
  moneyColumn('net', 'Net', (row) => row.netPayCents, '23%'),
]

export function PayHistoryPanel({
  connectionId,
  individualId,
}: {
  connectionId: string
  individualId: string
}) {
  const api = useApi()
  const id = useId()
  const [open, setOpen] = useState<PayHistoryRow | null>(null)
  const rows = useWindowedRows<PayHistoryRow>({
    queryKey: JSON.stringify([connectionId, individualId]),
    fetchPage: (offset, limit) =>
      api.person.payHistory({ connectionId, individualId, offset, limit }),
  })
  const { showRange } = rows
  const onRangeChange = useCallback((range: RowRange) => showRange(range), [showRange])

  return (
    <section className="panel pay-history-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`} className="panel-title" data-testid="pay-history-title">
          {open ? `Pay statement of ${formatDate(open.payDate) ?? 'unknown date'}` : 'Pay history'}
        </h2>
        {open && (
          <button type="button" className="link-button" onClick={() => setOpen(null)}>
            <span aria-hidden="true">← </span>Back to the pay history
          </button>
        )}
      </div>

      {open ? (
        <PayStatementSection connectionId={connectionId} statementRow={open.statementRow} />
      ) : (
        <>
          <p className="secondary-text">Select a statement and press Enter to open it.</p>
          {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}
          <VirtualTable
            label="Pay history"
            columns={PAY_HISTORY_COLUMNS}
            rowCount={rows.total ?? 0}
            rowAt={rows.rowAt}
            onRangeChange={onRangeChange}
            onActivateRow={(row) => setOpen(row)}
            busy={rows.loading}
            emptyMessage={
              rows.total === null ? 'Loading pay history…' : 'No pay statements for this person.'
            }
            rowTestId="pay-history-row"
            testId="pay-history-table"
          />
          <p className="page-range" data-testid="pay-history-count">
            {rows.total === null
              ? ''
              : `${new Intl.NumberFormat().format(rows.total)} pay statements`}
          </p>
          <ExportActions
            label="Export pay history"
            target={{ table: 'pay_history', connectionId, individualId }}
          />
        </>
      )}
    </section>
  )
}
