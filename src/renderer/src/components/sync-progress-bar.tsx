/** A progress bar for a sync; indeterminate while no product knows its total yet. */
export function SyncProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  if (fraction !== null) {
    return (
      <progress
        className="sync-progress"
        aria-label={label}
        value={Math.round(fraction * 1_000)}
        max={1_000}
      />
    )
  }
  return <progress className="sync-progress" aria-label={label} />
}
