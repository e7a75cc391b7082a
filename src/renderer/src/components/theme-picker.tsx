/**
 * Settings' appearance panel: the theme, applied at once and kept for the next start. It is a
 * preference of this window, not a setting main stores, so it needs no Save.
 */
import { useId, useState } from 'react'
import type { ThemeChoice } from '../theme-choice'
import { chooseTheme, currentThemeChoice } from '../apply-theme'
import { isThemeChoice } from '../theme-choice'

const LABELS: Record<ThemeChoice, string> = {
  system: 'Match the system',
  light: 'Light',
  dark: 'Dark',
}

export function ThemePicker() {
  const id = useId()
  const [choice, setChoice] = useState<ThemeChoice>(currentThemeChoice)

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Appearance
      </h2>
      <div className="field">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          value={choice}
          onChange={(event) => {
            const next = event.target.value
            if (!isThemeChoice(next)) return
            chooseTheme(next)
            setChoice(next)
          }}
        >
          {(Object.keys(LABELS) as ThemeChoice[]).map((value) => (
            <option key={value} value={value}>
              {LABELS[value]}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}
