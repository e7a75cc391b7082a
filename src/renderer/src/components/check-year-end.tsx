/**
 * The year-end summary on screen: a page of people at a time with every tax type, deductions
 * before and after tax, employer contributions and net pay, and the company's totals below, which
 * main sums over every person of the year, not only the page on screen.
 */
import { useState } from 'react'
import type { TaxType, YearEndFigures } from '../../../shared/checks'
import { TAX_TYPES } from '../../../shared/checks'
import { useApi } from '../api/api-context'
import { formatCents } from '../format/format-money'
import { formatPageRange } from '../format/format-page-range'
import { useAsyncValue } from '../hooks/use-async-value'
import { CheckTableFrame } from './check-table-frame'
import { CheckYearEndExport } from './check-year-end-export'
import { CheckYearPicker } from './check-year-picker'
import { ErrorAlert } from './error-alert'
import { PageControls } from './page-controls'

const PAGE_SIZE = 50

export const TAX_TYPE_LABELS: Record<TaxType, string> = {
  federal: 'Federal',
  fica: 'Social Security & Medicare',
  state: 'State',
  local: 'Local',
  other: 'Other',
}

export function CheckYearEnd({
  connectionId,
  year,
  onYear,
}: {
  connectionId: string
  /** Undefined until the accountant picks one: main answers with the newest year paid. */
  year: number | undefined
  onYear: (year: number) => void
}) {
  const api = useApi()
  const [offset, setOffset] = useState(0)
  const page = useAsyncValue(
    () => api.checks.yearEnd({ connectionId, year, offset, limit: PAGE_SIZE }),
    [api, connectionId, year, offset],
  )
  const value = page.value

  return (
    <section className="check-section" data-testid="check-year-end">
      <h2>Year-end summary</h2>
      <p className="field-hint">
        Every payment with a pay date in the year and its statements. Employee taxes are withheld
        from pay; deductions count as pre-tax where the provider marks them so, and as post-tax
        otherwise; employer taxes and contributions are paid on top of gross pay.
      </p>
      <div className="check-controls">
        {value && (
          <CheckYearPicker
            years={value.years}
            year={value.year}
            onYear={(chosen) => {
              setOffset(0)
              onYear(chosen)
            }}
          />
        )}
        {value && <CheckYearEndExport connectionId={connectionId} year={value.year} />}
      </div>
      {page.status === 'failed' && <ErrorAlert onRetry={page.reload}>{page.message}</ErrorAlert>}
      {!value && page.status === 'loading' && <p>Adding up the year…</p>}
      {value && value.total === 0 && (
        <p data-testid="check-year-end-empty">Nobody was paid in {value.year}.</p>
      )}
      {value && value.total > 0 && (
        <>
          <CheckTableFrame label={`Year-end summary ${value.year}`}>
            <table className="data-table year-end-table">
              <caption className="visually-hidden">
                Year-end summary {value.year}, per person, with the company total
              </caption>
              <thead>
                <tr>
                  <td colSpan={2} />
                  <th scope="colgroup" colSpan={TAX_TYPES.length}>
                    Employee taxes
                  </th>
                  <td colSpan={4} />
                  <th scope="colgroup" colSpan={TAX_TYPES.length}>
                    Employer taxes
                  </th>
                </tr>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col" className="numeric">
                    Gross pay
                  </th>
                  {TAX_TYPES.map((type) => (
                    <th scope="col" className="numeric" key={`employee-${type}`}>
                      {TAX_TYPE_LABELS[type]}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    Pre-tax deductions
                  </th>
                  <th scope="col" className="numeric">
                    Post-tax deductions
                  </th>
                  <th scope="col" className="numeric">
                    Net pay
                  </th>
                  <th scope="col" className="numeric">
                    Employer contributions
                  </th>
                  {TAX_TYPES.map((type) => (
                    <th scope="col" className="numeric" key={`employer-${type}`}>
                      {TAX_TYPE_LABELS[type]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {value.rows.map((row) => (
                  <tr
                    key={row.individualId}
                    data-testid="year-end-row"
                    data-individual-id={row.individualId}
                  >
                    <th scope="row">{row.personName ?? 'Unnamed person'}</th>
                    <FigureCells figures={row} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="year-end-total">
                  <th scope="row">
                    Company total, {new Intl.NumberFormat().format(value.total)}{' '}
                    {value.total === 1 ? 'person' : 'people'}
                  </th>
                  <FigureCells figures={value.totals} />
                </tr>
              </tfoot>
            </table>
          </CheckTableFrame>
          {value.totals.incompleteStatementCount > 0 && (
            <p className="field-hint">
              {value.totals.incompleteStatementCount} statements lack gross or net pay; their taxes
              and deductions are counted, their pay is not.
            </p>
          )}
          <PageControls
            label="Year-end pages"
            range={formatPageRange(value.offset, value.rows.length, value.total)}
            canGoBack={offset > 0}
            canGoForward={offset + PAGE_SIZE < value.total}
            onPrevious={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            onNext={() => setOffset(offset + PAGE_SIZE)}
          />
        </>
      )}
    </section>
  )
}

/** The figure cells of one year-end row, in the table's column order. */
export function FigureCells({ figures }: { figures: YearEndFigures }) {
  const cells = [
    figures.grossPayCents,
    ...TAX_TYPES.map((type) => figures.employeeTaxCents[type]),
    figures.preTaxDeductionsCents,
    figures.postTaxDeductionsCents,
    figures.netPayCents,
    figures.employerContributionsCents,
    ...TAX_TYPES.map((type) => figures.employerTaxCents[type]),
  ]
  return (
    <>
      {cells.map((cents, index) => (
        <td key={index} className="numeric">
          {formatCents(cents)}
        </td>
      ))}
    </>
  )
}
