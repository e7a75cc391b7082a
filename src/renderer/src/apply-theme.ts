/**
 * Applies the accountant's theme as the root element's `data-theme`, which sets the page's
 * colour scheme; `theme.css` resolves every colour from that. The choice is kept in local
 * storage, and nothing else is stored beside it.
 */
import type { ThemeChoice } from './theme-choice'
import {
  THEME_CHANGE_EVENT,
  THEME_STORAGE_KEY,
  isThemeChoice,
  readThemeChoice,
} from './theme-choice'

/** Applies a choice to the page and keeps it for the next start. */
export function chooseTheme(choice: ThemeChoice): void {
  applyThemeChoice(choice)
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Storage refused (a locked-down profile): the choice holds for this session only.
  }
}

export function applyThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT))
}

export function currentThemeChoice(): ThemeChoice {
  const applied = document.documentElement.dataset.theme
  return isThemeChoice(applied) ? applied : 'system'
}

/** Applies the stored choice; called once before the app first renders. */
export function applyStoredThemeChoice(): void {
  applyThemeChoice(readThemeChoice(localStorageOrNull()))
}

/** The window's local storage, or null where the profile refuses it. */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
