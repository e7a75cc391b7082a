import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SavedWindowState } from '../../../src/main/electron/window-state'
import {
  DEFAULT_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  rememberWindowState,
} from '../../../src/main/electron/window-state'
import { makeTempDir } from '../../support/temp-dir'
import { FakeBrowserWindow, recordingLogger } from './electron-fake'

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 875 } }
const monitorOnTheRight = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } }

function saved(change: Partial<SavedWindowState> = {}): SavedWindowState {
  return { x: 100, y: 60, width: 1200, height: 760, maximized: false, ...change }
}

describe('placing the app window', () => {
  it('opens at the default size, centred by the system, the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    })
  })

  it('opens where it was when that place is still on a screen', () => {
    expect(placeWindow(saved(), [laptop], laptop)).toEqual(saved())
  })

  it('reopens on the second monitor, and maximized, when it was left there', () => {
    const there = saved({ x: 2000, y: 0, width: 1600, height: 1000, maximized: true })

    expect(placeWindow(there, [laptop, monitorOnTheRight], laptop)).toEqual(there)
  })

  it('moves back to the primary screen, centred, when its monitor is gone', () => {
    const there = saved({ x: 2000, y: 0, width: 1200, height: 760 })

    expect(placeWindow(there, [laptop], laptop)).toEqual({
      x: 120,
      y: 58,
      width: 1200,
      height: 760,
      maximized: false,
    })
  })

  it('pulls a window hanging off the edge fully onto the screen it mostly covers', () => {
    const hanging = saved({ x: 900, y: -300, width: 1000, height: 700 })

    expect(placeWindow(hanging, [laptop], laptop)).toEqual({
      x: 440,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('shrinks a window larger than the screen to fit, and never below the minimum size', () => {
    const huge = placeWindow(saved({ x: 0, y: 0, width: 5000, height: 3000 }), [laptop], laptop)
    const tiny = placeWindow(saved({ width: 200, height: 100 }), [laptop], laptop)

    expect(huge).toMatchObject({ x: 0, y: 0, width: 1440, height: 875 })
    expect(tiny).toMatchObject({ width: 900, height: 600 })
  })
})

describe('the window state file', () => {
  let dir: ReturnType<typeof makeTempDir>
  let file: string

  beforeEach(() => {
    dir = makeTempDir('payroll-desk-window-')
    file = join(dir.path, 'window-state.json')
  })
  afterEach(() => dir.remove())

  it('is written when the window closes, with its normal bounds and maximized state', () => {
    const { logger } = recordingLogger()
    const window = new FakeBrowserWindow()
    window.normalBounds = { x: 10.4, y: 20, width: 1111.6, height: 777 }
    window.maximized = true
    rememberWindowState(window as never, file, logger)

    window.emit('close')

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1112,
      height: 777,
      maximized: true,
    })
    expect(readWindowState(file, logger)).toEqual({
      x: 10,
      y: 20,
      width: 1112,
      height: 777,
      maximized: true,
    })
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('reads as nothing when it does not exist', () => {
    const { logger, lines } = recordingLogger()

    expect(readWindowState(file, logger)).toBeNull()
    expect(lines).toEqual([])
  })

  it.each([
    ['not JSON', '{"x": 1,'],
    ['a missing field', JSON.stringify({ x: 1, y: 2, width: 900, maximized: false })],
    ['a size of text', JSON.stringify({ ...saved(), width: '1200' })],
    ['a fractional position', JSON.stringify({ ...saved(), x: 1.5 })],
    ['an absurd size', JSON.stringify({ ...saved(), height: 10_000_000 })],
    ['a negative size', JSON.stringify({ ...saved(), width: -5 })],
  ])('is ignored, with a warning, when it holds %s', (_label, text) => {
    const { logger, lines } = recordingLogger()
    writeFileSync(file, text)

    expect(readWindowState(file, logger)).toBeNull()
    expect(lines.join('\n')).toContain('is not valid')
  })

  it('logs rather than throws when it cannot be saved', () => {
    const { logger, lines } = recordingLogger()
    const window = new FakeBrowserWindow()
    rememberWindowState(window as never, join(dir.path, 'missing-folder', 'state.json'), logger)

    expect(() => window.emit('close')).not.toThrow()
    expect(lines.join('\n')).toContain('could not be saved')
  })
})
