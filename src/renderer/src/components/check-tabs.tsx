/**
 * The checks page's tabs, following the WAI-ARIA tabs pattern: one tab stop for the row, arrow
 * keys (and Home, End) move between tabs and open them, and only the open tab's panel is drawn,
 * so a hidden check reads nothing from main.
 */
import type { KeyboardEvent, ReactNode } from 'react'
import { useId, useRef } from 'react'

export interface CheckTab<Id extends string> {
  id: Id
  label: string
}

export function CheckTabs<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  label: string
  tabs: readonly CheckTab<Id>[]
  selected: Id
  onSelect: (id: Id) => void
  /** The open tab's panel. */
  children: ReactNode
}) {
  const prefix = useId()
  const buttons = useRef(new Map<Id, HTMLButtonElement>())

  function move(event: KeyboardEvent, index: number) {
    const last = tabs.length - 1
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const tab = tabs[next]!
    onSelect(tab.id)
    buttons.current.get(tab.id)?.focus()
  }

  return (
    <div className="check-tabs">
      <div role="tablist" aria-label={label} className="check-tab-list">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element)
              else buttons.current.delete(tab.id)
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="check-tab"
            data-testid={`check-tab-${tab.id}`}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${prefix}-panel`}
        aria-labelledby={`${prefix}-tab-${selected}`}
        className="check-tab-panel"
      >
        {children}
      </div>
    </div>
  )
}
