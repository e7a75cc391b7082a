/**
 * Asks before disconnecting a connection, and what to do with its cached data: keep it for review
 * (read-only) or delete it from this computer. For a connection already disconnected it only asks
 * to delete the data. Finch is told first; if Finch cannot be reached nothing changes.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { ConnectionOverview, DisconnectOutcome } from '../../../shared/domain'
import { describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { ErrorAlert } from './error-alert'
import { formatDate } from '../format/format-date'
import { formatProvider } from '../format/format-provider'

export function ConnectionDisconnectDialog({
  connection,
  onDone,
  onClose,
}: {
  connection: ConnectionOverview
  onDone: (outcome: DisconnectOutcome) => void
  onClose: () => void
}) {
  const api = useApi()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const alreadyDisconnected = connection.status === 'disconnected'
  const [purge, setPurge] = useState(alreadyDisconnected)
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const name = connection.companyName ?? connection.customerName

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (working) return
    setWorking(true)
    setProblem(null)
    try {
      onDone(await api.connections.disconnect({ connectionId: connection.connectionId, purge }))
    } catch (error) {
      setProblem(describeError(error))
      setWorking(false)
    }
  }

  const title = alreadyDisconnected ? `Delete the cached data of ${name}?` : `Disconnect ${name}?`

  return (
    <dialog
      ref={dialog}
      className="panel disconnect-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault()
        if (!working) onClose()
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`} className="panel-title">
          {title}
        </h2>
        {/* Two connections of one client can carry the same company name; this tells them apart. */}
        <p className="dialog-subject" data-testid="disconnect-subject">
          {connectionSubject(connection)}
        </p>
        {alreadyDisconnected ? (
          <p>
            Everything Payroll Desk cached for this connection is deleted from this computer and
            cannot be restored. Connect the company again to read it anew.
          </p>
        ) : (
          <>
            <p>
              Finch is told to end this connection, and its access token is deleted from this
              computer’s keychain. To read this company’s payroll again, the employer signs in
              through Finch Connect again.
            </p>
            <fieldset className="field">
              <legend>The cached payroll data</legend>
              <label className="radio">
                <input
                  type="radio"
                  name="purge"
                  checked={!purge}
                  onChange={() => setPurge(false)}
                />
                Keep it on this computer for review (read-only)
              </label>
              <label className="radio">
                <input type="radio" name="purge" checked={purge} onChange={() => setPurge(true)} />
                Delete it from this computer
              </label>
            </fieldset>
          </>
        )}

        {problem && <ErrorAlert>{problem}</ErrorAlert>}

        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={working}>
            {working
              ? 'Working…'
              : alreadyDisconnected
                ? 'Delete data'
                : purge
                  ? 'Disconnect and delete data'
                  : 'Disconnect'}
          </button>
          <button type="button" className="button" disabled={working} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** Which connection this is, in words: its provider, when it was made and when last synced. */
function connectionSubject(connection: ConnectionOverview): string {
  const parts = [`Through ${formatProvider(connection.providerId)}`]
  const connected = formatDate(connection.connectedAt)
  if (connected) parts.push(`connected ${connected}`)
  const synced = formatDate(connection.lastSyncedAt)
  parts.push(synced ? `last synced ${synced}` : 'never synced')
  return `${parts.join(', ')}.`
}
