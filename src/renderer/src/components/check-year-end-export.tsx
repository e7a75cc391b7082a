/**
 * Saves the year-end summary as CSV, Excel or PDF, built in main from the cache: to the path the
 * accountant picks in the desktop app, or as a one-time download in the browser host.
 */
import { useId, useState } from 'react'
import type { YearEndFormat } from '../../../shared/checks'
import { YEAR_END_FORMATS } from '../../../shared/checks'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { startDownload } from '../export/start-download'

const FORMAT_LABELS: Record<YearEndFormat, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' }

export function CheckYearEndExport({ connectionId, year }: { connectionId: string; year: number }) {
  const api = useApi()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState<string | null>(null)

  async function run(format: YearEndFormat) {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setMessage(`Preparing the ${FORMAT_LABELS[format]} file…`)
    try {
      const outcome = await api.checks.yearEndExport({ connectionId, year, format })
      if (outcome.outcome === 'download') {
        startDownload(outcome.downloadPath, outcome.fileName)
        setMessage(`Downloading ${outcome.fileName}.`)
      } else if (outcome.outcome === 'saved') {
        setMessage(`Saved ${outcome.fileName}.`)
      } else {
        setMessage('Export cancelled.')
      }
    } catch (error) {
      setMessage('')
      setFailure(describeError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-actions" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="export-label">
        Export year-end summary
      </span>
      {YEAR_END_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => void run(format)}
        >
          {`Export ${FORMAT_LABELS[format]}`}
        </button>
      ))}
      <p role="status" className="export-message">
        {message}
      </p>
      {failure && (
        <p role="alert" className="field-problem">
          {failure}
        </p>
      )}
    </div>
  )
}
