/**
 * The frame around a check's table. It scrolls sideways when the table is wider than the window,
 * so it is a named region in the tab order: a keyboard user can focus it and scroll with the
 * arrow keys, as WCAG 2.1.1 asks of every scrolling area.
 */
import type { ReactNode } from 'react'

export function CheckTableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
