/** The "Sync now" button with the running sync's progress, or when the cache was last filled. */
import { formatDateTime } from '../format/format-date'
import { formatSyncProgress } from '../format/format-sync-progress'
import type { SyncRun } from '../hooks/use-sync-run'
import { ErrorAlert } from './error-alert'
import { SyncProgressBar } from './sync-progress-bar'

export function SyncControl({
  sync,
  lastSyncedAt,
}: {
  sync: SyncRun
  lastSyncedAt: string | null | undefined
}) {
  const lastSynced =
    lastSyncedAt === undefined
      ? ''
      : lastSyncedAt === null
        ? 'Not synced yet'
        : `Last synced ${formatDateTime(lastSyncedAt) ?? 'at an unknown time'}`

  return (
    <div className="sync-control">
      <div className="sync-row">
        <button
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
        <p role="status" className="sync-message" data-testid="sync-status">
          {sync.running ? formatSyncProgress(sync.progress) : lastSynced}
        </p>
      </div>
      {sync.running && <SyncProgressBar progress={sync.progress} label="Sync progress" />}
      {sync.error && <ErrorAlert>{sync.error}</ErrorAlert>}
    </div>
  )
}
