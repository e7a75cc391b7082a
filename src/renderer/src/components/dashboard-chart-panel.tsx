/**
 * A dashboard chart with the same numbers as a table behind a toggle, and a button that saves
 * the chart as a PNG through main's export service (a save dialog, or a download in a browser).
 */
import { useId, useRef, useState } from 'react'
import type { EChartsCoreOption, EChartsType } from 'echarts/core'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { startDownload } from '../export/start-download'
import { formatCents } from '../format/format-money'
import { ChartCanvas } from './chart-canvas'

export interface ChartTableColumn {
  label: string
  /** Money columns hold integer cents and are shown formatted, with the exact cents kept. */
  money?: boolean
}

export interface ChartTable {
  columns: ChartTableColumn[]
  rows: (string | number)[][]
  /** A last row summing the money columns; the first cell is its label. */
  totals?: (string | number)[]
}

export function DashboardChartPanel({
  title,
  summary,
  option,
  table,
  imageName,
  testId,
}: {
  title: string
  /** One or two sentences with the chart's main numbers, for screen readers. */
  summary: string
  option: EChartsCoreOption
  table: ChartTable
  /** The exported picture's name, before the date. */
  imageName: string
  testId: string
}) {
  const api = useApi()
  const headingId = useId()
  const chart = useRef<EChartsType | null>(null)
  const [showTable, setShowTable] = useState(false)
  const [message, setMessage] = useState('')

  async function exportImage() {
    const dataUrl = chart.current?.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: getComputedStyle(document.documentElement).getPropertyValue(
        '--color-surface',
      ),
    })
    if (!dataUrl) return
    try {
      const outcome = await api.exports.image({
        name: imageName,
        pngBase64: dataUrl.slice(dataUrl.indexOf(',') + 1),
      })
      if (outcome.outcome === 'download') startDownload(outcome.downloadPath, outcome.fileName)
      setMessage(outcome.outcome === 'cancelled' ? '' : `Saved ${outcome.fileName}.`)
    } catch (error) {
      setMessage(describeError(error))
    }
  }

  return (
    <section className="panel dashboard-panel" aria-labelledby={headingId} data-testid={testId}>
      <div className="panel-header">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <div className="dashboard-panel-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={showTable}
            onClick={() => setShowTable((shown) => !shown)}
          >
            Show as table
          </button>
          {!showTable && (
            <button type="button" className="button button-quiet" onClick={exportImage}>
              Export PNG
            </button>
          )}
        </div>
      </div>

      {showTable ? (
        <DashboardTable caption={title} table={table} />
      ) : (
        <ChartCanvas option={option} label={`${title}. ${summary}`} chartRef={chart} />
      )}
      <p className="dashboard-panel-message" role="status">
        {message}
      </p>
    </section>
  )
}

function DashboardTable({ caption, table }: { caption: string; table: ChartTable }) {
  const cell = (value: string | number, column: ChartTableColumn | undefined, key: number) =>
    column?.money && typeof value === 'number' ? (
      <td key={key} className="numeric" data-cents={value}>
        {formatCents(value)}
      </td>
    ) : (
      <td key={key} className={typeof value === 'number' ? 'numeric' : undefined}>
        {value}
      </td>
    )

  return (
    <div className="table-frame dashboard-table">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>{row.map((value, at) => cell(value, table.columns[at], at))}</tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr data-testid="table-totals">
              {table.totals.map((value, at) => cell(value, table.columns[at], at))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  )
}
