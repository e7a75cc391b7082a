/** One page of the company directory: who works there, where, for whom, and whether still. */
import type { DirectoryRow } from '../../../shared/domain'
import { formatSortableName } from '../format/format-person-name'
import { formatEmploymentStatus } from '../format/format-status'

export function DirectoryTable({
  rows,
  busy,
  emptyMessage,
}: {
  rows: DirectoryRow[]
  busy: boolean
  emptyMessage: string
}) {
  return (
    <div className="table-frame">
      <table className="data-table directory-table" aria-busy={busy} data-testid="directory-table">
        <caption className="visually-hidden">People in the directory</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Department</th>
            <th scope="col">Manager</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="empty-row">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.individualId} data-testid="directory-row">
                <th scope="row">{formatSortableName(row)}</th>
                <td>{row.department ?? '—'}</td>
                <td>{row.managerName ?? '—'}</td>
                <td>
                  <span className={`status-badge ${activeClass(row.isActive)}`}>
                    {formatEmploymentStatus(row.isActive)}
                  </span>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

function activeClass(isActive: boolean | null): string {
  if (isActive === null) return 'status-unknown'
  return isActive ? 'status-active' : 'status-terminated'
}
