/**
 * The "Sync now" button with the running sync's progress and a way to cancel it, or when the
 * cache was last filled and how the last sync ended.
 */
import { useEffect, useRef } from 'react'
import { formatDateTime } from '../format/format-date'
import { summarizeSyncProgress } from '../format/format-sync-progress'
import type { SyncRun } from '../hooks/use-sync-run'
import { ErrorAlert } from './error-alert'
import { SyncProgressBar } from './sync-progress-bar'

export function SyncControl({
  sync,
  lastSyncedAt,
  disconnected = false,
}: {
  sync: SyncRun
  lastSyncedAt: string | null | undefined
  /** A disconnected connection keeps its data to read but can no longer be synced. */
  disconnected?: boolean
}) {
  const syncButton = useRef<HTMLButtonElement>(null)
  const cancelHadFocus = useRef(false)
  const lastSynced =
    lastSyncedAt === undefined
      ? ''
      : lastSyncedAt === null
        ? 'Not synced yet'
        : `Last synced ${formatDateTime(lastSyncedAt) ?? 'at an unknown time'}`

  // Cancel goes away with the sync; keyboard focus moves to the button that starts one again.
  useEffect(() => {
    if (sync.running || !cancelHadFocus.current) return
    cancelHadFocus.current = false
    syncButton.current?.focus()
  }, [sync.running])

  const outcome = sync.outcome
  if (disconnected) {
    return (
      <div className="sync-control">
        <p role="status" className="sync-message" data-testid="sync-status">
          Disconnected: the data kept here is read-only and is no longer synced.{' '}
          {lastSynced && `${lastSynced}.`}
        </p>
      </div>
    )
  }
  return (
    <div className="sync-control">
      <div className="sync-row">
        <button
          ref={syncButton}
          type="button"
          className="button button-primary"
          aria-disabled={sync.running}
          onClick={() => {
            // Marked unavailable rather than disabled, so keyboard focus stays on the button.
            if (!sync.running) void sync.run()
          }}
        >
          {sync.running ? 'Syncing…' : 'Sync now'}
        </button>
        {sync.running && (
          <button
            type="button"
            className="button"
            aria-disabled={sync.cancelling}
            onFocus={() => (cancelHadFocus.current = true)}
            onBlur={() => (cancelHadFocus.current = false)}
            onClick={() => {
              if (!sync.cancelling) sync.cancel()
            }}
          >
            {sync.cancelling ? 'Cancelling…' : 'Cancel sync'}
          </button>
        )}
        <p role="status" className="sync-message" data-testid="sync-status">
          {sync.running ? summarizeSyncProgress(sync.progress).text : lastSynced}
        </p>
      </div>
      {sync.running && (
        <SyncProgressBar
          fraction={summarizeSyncProgress(sync.progress).fraction}
          label="Sync progress"
        />
      )}
      {sync.cancelError && <ErrorAlert>{sync.cancelError}</ErrorAlert>}
      {outcome && outcome.kind !== 'succeeded' && (
        <ErrorAlert tone={outcome.kind === 'cancelled' ? 'notice' : 'error'}>
          <span data-testid="sync-outcome" data-code={outcome.code ?? undefined}>
            {outcome.message}
          </span>
        </ErrorAlert>
      )}
    </div>
  )
}
