/**
 * Year to date for one company: the year's totals (gross, each tax, pre-tax deductions, net)
 * and a window of per-person totals. Figures come from the year's payments by pay date and
 * their statements, summed in main.
 */
import { useCallback, useId, useState } from 'react'
import type { YtdPersonRow } from '../../../shared/ytd-review'
import { useApi } from '../api/api-context'
import { formatCents } from '../format/format-money'
import { useAsyncValue } from '../hooks/use-async-value'
import type { RowRange } from '../table/page-window'
import type { TableColumn } from '../table/table-columns'
import { moneyColumn, textColumn } from '../table/table-columns'
import { useWindowedRows } from '../table/use-windowed-rows'
import { VirtualTable } from '../table/virtual-table'
import { ErrorAlert } from './error-alert'

const KIND_LABELS = { tax: 'Tax', employer_tax: 'Employer tax', pre_tax_deduction: 'Pre-tax' }

const YTD_PERSON_COLUMNS: TableColumn<YtdPersonRow>[] = [
  textColumn('person', 'Person', (row) => row.personName ?? row.individualId, '28%', {
    isRowHeader: true,
  }),
  textColumn('statements', 'Statements', (row) => String(row.statementCount), '12%'),
  moneyColumn('gross', 'Gross', (row) => row.grossPayCents, '15%'),
  moneyColumn('taxes', 'Employee taxes', (row) => row.employeeTaxesCents, '15%'),
  moneyColumn('preTax', 'Pre-tax deductions', (row) => row.preTaxDeductionsCents, '15%'),
  moneyColumn('net', 'Net', (row) => row.netPayCents, '15%'),
]

export function YtdPanel({
  connectionId,
  refreshKey,
}: {
  connectionId: string
  refreshKey: number
}) {
  const api = useApi()
  const id = useId()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const summary = useAsyncValue(
    () => api.ytd.summary({ connectionId, year }),
    [api, connectionId, year, refreshKey],
  )
  const rows = useWindowedRows<YtdPersonRow>({
    queryKey: JSON.stringify([connectionId, year, refreshKey]),
    fetchPage: (offset, limit) => api.ytd.people({ connectionId, year, offset, limit }),
  })
  const { showRange } = rows
  const onRangeChange = useCallback((range: RowRange) => showRange(range), [showRange])
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
      {totals && (
        <table className="data-table ytd-totals" data-testid="ytd-totals">
          <caption>
            {totals.year}: {totals.paymentCount} pay runs, {totals.statementCount} statements
          </caption>
          <tbody>
            <YtdRow label="Gross" cents={totals.grossPayCents} testId="ytd-gross" />
            {totals.lines.map((line) => (
              <YtdRow
                key={`${line.kind}:${line.label}`}
                label={`${KIND_LABELS[line.kind]}: ${line.label}`}
                cents={line.totalCents}
              />
            ))}
            <YtdRow label="Employee taxes" cents={totals.employeeTaxesCents} testId="ytd-taxes" />
            <YtdRow
              label="Employer taxes"
              cents={totals.employerTaxesCents}
              testId="ytd-employer-taxes"
            />
            <YtdRow
              label="Pre-tax deductions"
              cents={totals.preTaxDeductionsCents}
              testId="ytd-pre-tax"
            />
            <YtdRow label="Net" cents={totals.netPayCents} testId="ytd-net" />
          </tbody>
        </table>
      )}

      {rows.error && <ErrorAlert onRetry={rows.reload}>{rows.error}</ErrorAlert>}
      <VirtualTable
        label={`Year to date by person, ${year}`}
        columns={YTD_PERSON_COLUMNS}
        rowCount={rows.total ?? 0}
        rowAt={rows.rowAt}
        rowKey={(row) => row.individualId}
        onRangeChange={onRangeChange}
        busy={rows.loading}
        emptyMessage={rows.total === null ? 'Loading…' : `No statements paid in ${year}.`}
        rowTestId="ytd-person-row"
        testId="ytd-people-table"
      />
    </section>
  )
}

function YtdRow({ label, cents, testId }: { label: string; cents: number; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="numeric" data-testid={testId} data-cents={cents}>
        {formatCents(cents)}
      </td>
    </tr>
  )
}
