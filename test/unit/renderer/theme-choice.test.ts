import { describe, expect, it } from 'vitest'
import { isThemeChoice, readThemeChoice } from '../../../src/renderer/src/theme-choice'

const storing = (value: string | null) => ({ getItem: () => value })

describe('the stored theme choice', () => {
  it('reads a stored light or dark choice', () => {
    expect(readThemeChoice(storing('light'))).toBe('light')
    expect(readThemeChoice(storing('dark'))).toBe('dark')
  })

  it('falls back to the system theme for nothing, junk or a storage that throws', () => {
    expect(readThemeChoice(storing(null))).toBe('system')
    expect(readThemeChoice(storing('DARK'))).toBe('system')
    expect(readThemeChoice(storing('<img src=x onerror=alert(1)>'))).toBe('system')
    expect(readThemeChoice(null)).toBe('system')
    expect(
      readThemeChoice({
        getItem: () => {
          throw new Error('SecurityError')
        },
      }),
    ).toBe('system')
  })

  it('knows only its three choices', () => {
    expect(['system', 'light', 'dark'].every(isThemeChoice)).toBe(true)
    expect(isThemeChoice('sepia')).toBe(false)
    expect(isThemeChoice(1)).toBe(false)
  })
})
