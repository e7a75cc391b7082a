/**
 * Remembers the app window's size and place between runs in a small JSON file in userData. The
 * file is validated on the way in, and a place that no longer lands on a screen (a monitor was
 * unplugged, the resolution dropped) is moved back onto one, so the window never opens out of reach.
 */
import type { BrowserWindow, Rectangle } from 'electron'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import type { Logger } from '../log/logger'

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 }
export const MIN_WINDOW_SIZE = { width: 900, height: 600 }

const savedWindowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
})

export type SavedWindowState = z.infer<typeof savedWindowStateSchema>

/** Where to open the window; no x and y means "let the system centre it". */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export interface DisplayArea {
  workArea: Rectangle
}

/** The saved state, or null when there is none or it is not valid (the next close rewrites it). */
export function readWindowState(file: string, logger: Logger): SavedWindowState | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  try {
    return savedWindowStateSchema.parse(JSON.parse(text))
  } catch {
    logger.warn(`window state in ${file} is not valid; the window opens at its default size`)
    return null
  }
}

export function writeWindowState(file: string, state: SavedWindowState): void {
  const temporary = `${file}.tmp`
  writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 })
  renameSync(temporary, file)
}

/**
 * Places the window where it was, on the display it mostly covered, moved and shrunk as little as
 * needed to lie wholly inside that display's work area. A window that covers no display any more
 * opens centred on the primary one.
 */
export function placeWindow(
  saved: SavedWindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): WindowPlacement {
  if (!saved) {
    return {
      width: Math.min(DEFAULT_WINDOW_SIZE.width, primary.workArea.width),
      height: Math.min(DEFAULT_WINDOW_SIZE.height, primary.workArea.height),
      maximized: false,
    }
  }

  const home = displayMostCovering(saved, displays)
  const area = (home ?? primary).workArea
  const width = Math.min(Math.max(saved.width, MIN_WINDOW_SIZE.width), area.width)
  const height = Math.min(Math.max(saved.height, MIN_WINDOW_SIZE.height), area.height)

  if (!home) {
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      maximized: saved.maximized,
    }
  }
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  }
}

/** Saves the window's normal (unmaximized) bounds and whether it was maximized when it closes. */
export function rememberWindowState(window: BrowserWindow, file: string, logger: Logger): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    try {
      writeWindowState(file, { ...roundRectangle(bounds), maximized: window.isMaximized() })
    } catch (error) {
      logger.warn(`window state could not be saved to ${file}: ${String(error)}`)
    }
  })
}

function displayMostCovering(
  rectangle: Rectangle,
  displays: readonly DisplayArea[],
): DisplayArea | null {
  let best: DisplayArea | null = null
  let bestArea = 0
  for (const display of displays) {
    const area = overlapArea(rectangle, display.workArea)
    if (area > bestArea) {
      best = display
      bestArea = area
    }
  }
  return best
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}

function roundRectangle(bounds: Rectangle): Rectangle {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
  }
}
