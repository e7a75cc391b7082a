/**
 * Moves keyboard focus, once, to the part of a view a link pointed at, as soon as that part has
 * loaded: a link from the dashboard's attention list lands on what explains the item, not on the
 * top of a long page. The app focuses a view's heading when the view opens; this runs later,
 * when the view's data arrives, and so wins.
 */
import { useEffect, useRef } from 'react'

export function useArrivalFocus(ready: boolean, find: () => HTMLElement | null | undefined): void {
  const done = useRef(false)

  // `find` is a new function each render; `done` keeps this to one move.
  useEffect(() => {
    if (!ready || done.current) return
    const target = find()
    if (!target) return
    done.current = true
    if (!target.matches('a, button, input, select, textarea, [tabindex]')) {
      target.tabIndex = -1
    }
    target.focus({ preventScroll: true })
    target.scrollIntoView({ block: 'center' })
  }, [ready, find])
}
