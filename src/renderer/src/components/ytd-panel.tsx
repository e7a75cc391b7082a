/**
 * Year to date for a company or one person: the year's totals, laid out so gross − employee
 * taxes − pre-tax − post-tax deductions can be read against net, with whatever the statements
 * leave unexplained flagged; then, for a company, a window of per-person totals whose rows open
 * the person. Figures come from the year's payments by pay date and their statements, summed in
 * main.
 */
import { useCallback, useId, useState } from 'react'
import type { YtdLineTotal, YtdPersonRow, YtdSummary } from '../../../shared/ytd-review'
import { useApi } from '../api/api-context'
import { ExportActions } from '../export/export-actions'
import { formatCents } from '../format/format-money'
import { formatYtdYear, ytdHasPayments } from '../format/format-ytd-year'
import { useAsyncValue } from '../hooks/use-async-value'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { moneyColumn, textColumn } from '../table/table-columns'
import { useWindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'
import { ErrorAlert } from './error-alert'

const KIND_LABELS: Record<YtdLineTotal['kind'], string> = {
  tax: 'Tax',
  employer_tax: 'Employer tax',
  pre_tax_deduction: 'Pre-tax deduction',
  post_tax_deduction: 'Post-tax deduction',
}

const YTD_PERSON_COLUMNS: TableColumn<YtdPersonRow>[] = [
  textColumn('person', 'Person', (row) => row.personName ?? 'Name not provided', '22%', {
    isRowHeader: true,
  }),
  textColumn('statements', 'Statements', (row) => String(row.statementCount), '10%'),
  moneyColumn('gross', 'Gross', (row) => row.grossPayCents, '14%'),
  moneyColumn('taxes', 'Employee taxes', (row) => row.employeeTaxesCents, '14%'),
  moneyColumn('preTax', 'Pre-tax deductions', (row) => row.preTaxDeductionsCents, '13%'),
  moneyColumn('postTax', 'Post-tax deductions', (row) => row.postTaxDeductionsCents, '13%'),
  moneyColumn('net', 'Net', (row) => row.netPayCents, '14%'),
]

export function YtdPanel({
  connectionId,
  refreshKey,
  individualId,
  onOpenPerson,
}: {
  connectionId: string
  refreshKey: number
  /** One person's year to date instead of the company's. */
  individualId?: string
  /** Opens a person from the per-person table. */
  onOpenPerson?: (individualId: string) => void
}) {
  const api = useApi()
  const id = useId()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const summary = useAsyncValue(
    () =>
      api.ytd.summary({
        connectionId,
        year,
        ...(individualId !== undefined ? { individualId } : {}),
      }),
    [api, connectionId, year, individualId, refreshKey],
  )
  const totals = summary.value

  return (
    <section className="panel ytd-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`} className="panel-title">
          Year to date
        </h2>
        <div>
          <label htmlFor={`${id}-year`}>Year </label>
          <input
            id={`${id}-year`}
            type="number"
            min={1900}
            max={2200}
            value={year}
            data-testid="ytd-year"
            onChange={(event) => {
              const chosen = Number(event.target.value)
              if (Number.isInteger(chosen) && chosen >= 1900 && chosen <= 2200) setYear(chosen)
            }}
          />
        </div>
      </div>

      {summary.status === 'failed' && (
        <ErrorAlert onRetry={summary.reload}>{summary.message}</ErrorAlert>
      )}
      {totals &&
        (ytdHasPayments(totals) ? (
          <YtdTotals totals={totals} />
        ) : (
          <p className="empty-state" data-testid="ytd-nothing-paid">
            {formatYtdYear(totals)}
          </p>
        ))}
      <ExportActions
        label={individualId !== undefined ? 'Export year to date' : 'Export year to date totals'}
        target={{
          table: 'ytd',
          connectionId,
          year,
          ...(individualId !== undefined ? { individualId } : {}),
        }}
      />

      {individualId === undefined && (
        <YtdPeople
          connectionId={connectionId}
          year={year}
          refreshKey={refreshKey}
          {...(onOpenPerson ? { onOpenPerson } : {})}
        />
      )}
    </section>
  )
}

/**
 * The year's figures in the order net is worked out: gross, each tax and deduction, their
 * subtotals, gross less all of them, net, and the difference between the last two.
 */
function YtdTotals({ totals }: { totals: YtdSummary }) {
  const employeeLines = totals.lines.filter((line) => line.kind !== 'employer_tax')
  const employerLines = totals.lines.filter((line) => line.kind === 'employer_tax')
  const lessDeductions =
    totals.grossPayCents -
    totals.employeeTaxesCents -
    totals.preTaxDeductionsCents -
    totals.postTaxDeductionsCents
  const addsUp = totals.unexplainedCents === 0

  return (
    <table className="data-table ytd-totals" data-testid="ytd-totals">
      <caption>
        {formatYtdYear(totals)}{' '}
        {addsUp ? (
          <span className="status-badge status-active" data-testid="ytd-adds-up">
            Net adds up
          </span>
        ) : (
          <strong className="status-badge status-terminated" data-testid="ytd-does-not-add-up">
            Net does not add up
          </strong>
        )}
      </caption>
      <tbody>
        <YtdRow label="Gross" cents={totals.grossPayCents} testId="ytd-gross" />
        {employeeLines.map((line) => (
          <YtdRow
            key={`${line.kind}:${line.label}`}
            label={`${KIND_LABELS[line.kind]}: ${line.label}`}
            cents={line.totalCents}
            detail
          />
        ))}
        <YtdRow label="Less employee taxes" cents={totals.employeeTaxesCents} testId="ytd-taxes" />
        <YtdRow
          label="Less pre-tax deductions"
          cents={totals.preTaxDeductionsCents}
          testId="ytd-pre-tax"
        />
        <YtdRow
          label="Less post-tax deductions"
          cents={totals.postTaxDeductionsCents}
          testId="ytd-post-tax"
        />
        <YtdRow
          label="Gross less taxes and deductions"
          cents={lessDeductions}
          testId="ytd-computed-net"
          strong
        />
        <YtdRow label="Net paid" cents={totals.netPayCents} testId="ytd-net" strong />
        <YtdRow
          label="Unexplained by the statements"
          cents={totals.unexplainedCents}
          testId="ytd-unexplained"
        />
        {employerLines.map((line) => (
          <YtdRow
            key={`${line.kind}:${line.label}`}
            label={`${KIND_LABELS[line.kind]}: ${line.label}`}
            cents={line.totalCents}
            detail
          />
        ))}
        <YtdRow
          label="Employer taxes (paid on top of gross)"
          cents={totals.employerTaxesCents}
          testId="ytd-employer-taxes"
        />
      </tbody>
    </table>
  )
}

function YtdPeople({
  connectionId,
  year,
  refreshKey,
  onOpenPerson,
}: {
  connectionId: string
  year: number
  refreshKey: number
  onOpenPerson?: (individualId: string) => void
}) {
  const api = useApi()
  const rows = useWindowedRows<YtdPersonRow>({
    queryKey: JSON.stringify([connectionId, year, refreshKey]),
    fetchPage: (offset, limit) => api.ytd.people({ connectionId, year, offset, limit }),
  })
  const { showRange } = rows
  const onRangeChange = useCallback((range: RowRange) => showRange(range), [showRange])

  return (
    <>
      {onOpenPerson && (
        <p className="secondary-text">Select a person and press Enter to open their page.</p>
      )}
      {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}
      <VirtualTable
        label={`Year to date by person, ${year}`}
        columns={YTD_PERSON_COLUMNS}
        rowCount={rows.total ?? 0}
        rowAt={rows.rowAt}
        onRangeChange={onRangeChange}
        {...(onOpenPerson
          ? { onActivateRow: (row: YtdPersonRow) => onOpenPerson(row.individualId) }
          : {})}
        busy={rows.loading}
        emptyMessage={rows.total === null ? 'Loading…' : `No statements paid in ${year}.`}
        rowTestId="ytd-person-row"
        testId="ytd-people-table"
      />
      <ExportActions
        label="Export year to date by person"
        target={{ table: 'ytd_people', connectionId, year }}
      />
    </>
  )
}

function YtdRow({
  label,
  cents,
  testId,
  detail,
  strong,
}: {
  label: string
  cents: number
  testId?: string
  /** A line inside a subtotal, indented under it. */
  detail?: boolean
  strong?: boolean
}) {
  const className = [detail ? 'ytd-detail' : '', strong ? 'ytd-strong' : '']
    .filter(Boolean)
    .join(' ')
  return (
    <tr {...(className ? { className } : {})}>
      <th scope="row">{label}</th>
      <td className="numeric" data-testid={testId} data-cents={cents}>
        {formatCents(cents)}
      </td>
    </tr>
  )
}
