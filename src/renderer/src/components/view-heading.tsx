/**
 * A view's `h1`. It can be focused from script (the app moves focus here after navigating) but
 * is not a tab stop, and as a heading it draws no focus ring.
 */
import type { ReactNode } from 'react'

export function ViewHeading({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <h1 tabIndex={-1} className="view-heading" data-testid={testId}>
      {children}
    </h1>
  )
}
