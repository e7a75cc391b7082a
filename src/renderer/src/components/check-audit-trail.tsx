/**
 * The connection's audit trail: who synced, exported or revealed what, and when, newest first,
 * a page at a time. The actor is the operating-system account that ran the app.
 */
import { useState } from 'react'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatDateTime } from '../format/format-date'
import { useAsyncValue } from '../hooks/use-async-value'
import { CheckTableFrame } from './check-table-frame'
import { ErrorAlert } from './error-alert'

const PAGE_SIZE = 25

export function CheckAuditTrail({ connectionId }: { connectionId: string }) {
  const api = useApi()
  const [offset, setOffset] = useState(0)
  const page = useAsyncValue(
    () => api.audit.page({ connectionId, offset, limit: PAGE_SIZE }),
    [api, connectionId, offset],
  )
  const total = page.value?.total ?? 0

  return (
    <section className="check-section" data-testid="check-audit-trail">
      <h2>Audit trail</h2>
      <ExportActions label="Export audit trail" target={{ table: 'audit_trail', connectionId }} />
      {page.status === 'failed' && <ErrorAlert onRetry={page.reload}>{page.message}</ErrorAlert>}
      {page.value && page.value.rows.length === 0 && <p>Nothing recorded yet.</p>}
      {page.value && page.value.rows.length > 0 && (
        <CheckTableFrame label="Audit trail">
          <table className="data-table">
            <caption className="visually-hidden">Audit trail</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {page.value.rows.map((row) => (
                <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                  <td>{formatDateTime(row.occurredAt)}</td>
                  <td>{row.actor}</td>
                  <td>{row.actionLabel}</td>
                  <td>{row.subject ?? '—'}</td>
                  <td>{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CheckTableFrame>
      )}
      {total > PAGE_SIZE && (
        <div className="table-footer">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Newer
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total}
          </span>
          <button
            type="button"
            className="button"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Older
          </button>
        </div>
      )}
    </section>
  )
}
