/** An error message announced as soon as it appears, with an optional way to try again. */
import type { ReactNode } from 'react'

export function ErrorAlert({
  children,
  onRetry,
  onDismiss,
  tone = 'error',
}: {
  children: ReactNode
  onRetry?: () => void
  onDismiss?: () => void
  tone?: 'error' | 'notice'
}) {
  return (
    <div role="alert" className={`alert alert-${tone}`}>
      <p className="alert-message">{children}</p>
      {(onRetry !== undefined || onDismiss !== undefined) && (
        <div className="alert-actions">
          {onRetry && (
            <button type="button" className="button button-quiet" onClick={onRetry}>
              Try again
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button-quiet" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  )
}
