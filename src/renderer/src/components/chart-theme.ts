/**
 * The chart colours, read from the theme's CSS variables so a chart follows light and dark
 * mode as the rest of the page does; `useChartTheme` reads them again when the system switches.
 */
import { useEffect, useState } from 'react'

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  surface: string
  series: string[]
}

function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement)
  const read = (name: string) => style.getPropertyValue(name).trim()
  return {
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
}

export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme)

  useEffect(() => {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const update = () => setTheme(readChartTheme())
    scheme.addEventListener('change', update)
    return () => scheme.removeEventListener('change', update)
  }, [])

  return theme
}
