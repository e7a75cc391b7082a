/**
 * The accountant's theme: the system's (the default), or always light, or always dark. It is a
 * preference of this window's user, kept in the renderer's local storage and applied by
 * `apply-theme.ts`. Pure, so it is tested on its own.
 */

export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

export const THEME_STORAGE_KEY = 'payroll-desk.theme'

/** Tells the page's listeners (the charts) that the theme changed. */
export const THEME_CHANGE_EVENT = 'payroll-desk:theme-change'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value)
}

/** The stored choice; anything unreadable or unknown reads as the system's theme. */
export function readThemeChoice(
  storage: { getItem(key: string): string | null } | null,
): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY)
    return isThemeChoice(stored) ? stored : 'system'
  } catch {
    return 'system'
  }
}
