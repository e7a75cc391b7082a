/**
 * The chart colours, read from the theme's CSS variables so a chart follows light and dark
 * mode as the rest of the page does; `useChartTheme` reads them again when the system switches
 * or the accountant chooses another theme.
 */
import { useEffect, useState } from 'react'
import { THEME_CHANGE_EVENT } from '../theme-choice'

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  surface: string
  series: string[]
}

function readChartTheme(): ChartTheme {
  // The variables hold `light-dark()` pairs; a colour set from one on an element resolves to
  // the pair's half for the page's scheme, as `rgb(…)`, which the chart library reads.
  const probe = document.createElement('span')
  probe.hidden = true
  document.body.append(probe)
  const read = (name: string) => {
    probe.style.color = `var(${name})`
    return getComputedStyle(probe).color
  }
  const theme: ChartTheme = {
    text: read('--color-text'),
    muted: read('--color-text-muted'),
    grid: read('--color-border'),
    surface: read('--color-surface'),
    series: [
      read('--color-accent'),
      read('--color-success'),
      read('--color-warning'),
      read('--color-danger'),
      read('--color-text-muted'),
    ],
  }
  probe.remove()
  return theme
}

export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme)

  useEffect(() => {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const update = () => setTheme(readChartTheme())
    scheme.addEventListener('change', update)
    window.addEventListener(THEME_CHANGE_EVENT, update)
    return () => {
      scheme.removeEventListener('change', update)
      window.removeEventListener(THEME_CHANGE_EVENT, update)
    }
  }, [])

  return theme
}
