/**
 * Export buttons for one table: CSV or Excel, written by main straight from the cache with what
 * the table shows (its search and filters). Where the table holds masked numbers, the accountant
 * can ask for them unmasked, and must confirm that first.
 */
import { useId, useState } from 'react'
import type { ExportFormat } from '../../../shared/review'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { startDownload } from './start-download'

/** Any table's export request without the choices these buttons make. */
type ExportTarget =
  IpcArguments<'export.table'> extends infer Request
    ? Request extends unknown
      ? Omit<Request, 'format' | 'unmasked'>
      : never
    : never

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' }

export function ExportActions({
  label,
  target,
  maskedFields,
}: {
  /** Names the group of buttons, such as `Export people`. */
  label: string
  target: ExportTarget
  /** What stays masked unless unmasked, such as `EIN and bank account numbers`; none if absent. */
  maskedFields?: string
}) {
  const api = useApi()
  const id = useId()
  const [unmasked, setUnmasked] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState<string | null>(null)

  async function run(format: ExportFormat) {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setMessage(`Preparing the ${FORMAT_LABELS[format]} file…`)
    try {
      const outcome = await api.exports.table({ ...target, format, unmasked })
      if (outcome.outcome === 'download') {
        startDownload(outcome.downloadPath, outcome.fileName)
        setMessage(`Downloading ${outcome.fileName}.`)
      } else if (outcome.outcome === 'saved') {
        const rows = new Intl.NumberFormat().format(outcome.rowCount)
        setMessage(`Saved ${outcome.fileName} (${rows} rows).`)
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
        {label}
      </span>
      {(['csv', 'xlsx'] as const).map((format) => (
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

      {maskedFields && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unmasked || confirming}
            onChange={(event) => {
              if (event.target.checked) setConfirming(true)
              else {
                setUnmasked(false)
                setConfirming(false)
              }
            }}
          />
          Include full {maskedFields}
        </label>
      )}

      {confirming && !unmasked && (
        <div
          className="alert alert-notice unmask-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-unmask`}
        >
          <p id={`${id}-unmask`} className="alert-message">
            The exported file will hold the full {maskedFields}. Anyone who gets the file can read
            them. Include them?
          </p>
          <div className="alert-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setUnmasked(true)
                setConfirming(false)
              }}
            >
              Include full numbers
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              Keep them masked
            </button>
          </div>
        </div>
      )}

      <p role="status" className="export-message" data-testid="export-status">
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
