/** A progress bar for a sync; indeterminate while the back end does not know the total yet. */
import type { SyncProgress } from '../../../shared/domain'

export function SyncProgressBar({
  progress,
  label,
}: {
  progress: SyncProgress | null
  label: string
}) {
  if (progress?.total) {
    return (
      <progress
        className="sync-progress"
        aria-label={label}
        value={progress.done}
        max={progress.total}
      />
    )
  }
  return <progress className="sync-progress" aria-label={label} />
}
