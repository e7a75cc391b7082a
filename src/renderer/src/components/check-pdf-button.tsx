/**
 * Saves the checks as a PDF drawn in main: to the path the accountant picks in the desktop app,
 * or as a one-time download in the browser host, the same way table exports are delivered.
 */
import { useState } from 'react'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { startDownload } from '../export/start-download'

export function CheckPdfButton({ connectionId }: { connectionId: string }) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  async function save() {
    if (busy) return
    setBusy(true)
    setMessage('Preparing the PDF…')
    try {
      const outcome = await api.checks.pdf({ connectionId })
      if (outcome.outcome === 'download') {
        startDownload(outcome.downloadPath, outcome.fileName)
        setMessage(`Downloading ${outcome.fileName}.`)
      } else if (outcome.outcome === 'saved') {
        setMessage(`Saved ${outcome.fileName}.`)
      } else {
        setMessage('PDF cancelled.')
      }
    } catch (error) {
      setMessage(describeError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-actions">
      <button type="button" className="button" aria-disabled={busy} onClick={() => void save()}>
        Save as PDF
      </button>
      <span role="status" className="field-hint">
        {message}
      </span>
    </div>
  )
}
