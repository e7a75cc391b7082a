/**
 * Previous / Next paging for a long list, with the range of rows on screen. The buttons are
 * marked unavailable rather than disabled, so a keyboard user who pages to the end keeps focus.
 */
export function PageControls({
  label,
  range,
  canGoBack,
  canGoForward,
  onPrevious,
  onNext,
}: {
  label: string
  range: string
  canGoBack: boolean
  canGoForward: boolean
  onPrevious: () => void
  onNext: () => void
}) {
  return (
    <nav className="page-controls" aria-label={label}>
      <p className="page-range" aria-live="polite" data-testid="page-range">
        {range}
      </p>
      <div className="page-buttons">
        <button
          type="button"
          className="button"
          aria-disabled={!canGoBack}
          onClick={() => canGoBack && onPrevious()}
        >
          Previous
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={!canGoForward}
          onClick={() => canGoForward && onNext()}
        >
          Next
        </button>
      </div>
    </nav>
  )
}
