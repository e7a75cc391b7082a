import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { WindowPlacement } from '../../../src/main/electron/window-state'
import { FakeBrowserWindow, electronFake, recordingLogger } from './electron-fake'

vi.mock('electron', () => electronFake)

const { createAppWindow } = await import('../../../src/main/electron/app-window')

function openWindow(placement: WindowPlacement = { width: 1280, height: 820, maximized: false }) {
  const { logger } = recordingLogger()
  createAppWindow({
    preloadPath: '/app/out/preload/index.cjs',
    appOrigin: 'app://payroll-desk',
    placement,
    logger,
  })
  return FakeBrowserWindow.created.at(-1)!
}

describe('the app window', () => {
  beforeEach(() => {
    FakeBrowserWindow.created.length = 0
  })

  it('is made with context isolation, the sandbox, no Node and web security, and nothing more', () => {
    const window = openWindow()

    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
  })

  it('loads only the app’s own page, from app://', () => {
    const window = openWindow()

    expect(window.webContents.loadURL).toHaveBeenCalledTimes(1)
    expect(window.webContents.loadURL).toHaveBeenCalledWith('app://payroll-desk/index.html')
  })

  it('opens hidden where the placement says, and shows itself maximized when it was', () => {
    const window = openWindow({ x: 40, y: 30, width: 1000, height: 700, maximized: true })
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, show: false })
    expect(window.shown).toBe(false)

    window.emit('ready-to-show')

    expect(window.maximized).toBe(true)
    expect(window.shown).toBe(true)
  })

  it('leaves the position to the system when the placement has none', () => {
    const window = openWindow({ width: 1280, height: 820, maximized: false })

    expect(window.options).not.toHaveProperty('x')
    expect(window.options).not.toHaveProperty('y')
  })

  it('locks navigation and new windows as soon as it is made', () => {
    const window = openWindow()
    const away = { preventDefault: vi.fn() }

    window.webContents.emit('will-navigate', away, 'https://evil.example/')

    expect(away.preventDefault).toHaveBeenCalled()
    expect(window.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
  })

  it('shows the error page when its page fails to load', () => {
    const window = openWindow()

    window.webContents.emit(
      'did-fail-load',
      {},
      -6,
      'ERR_FILE_NOT_FOUND',
      'app://payroll-desk/',
      true,
    )

    expect(window.webContents.loadURL).toHaveBeenLastCalledWith(
      'app://payroll-desk/__shell/error.html?reason=load-failed',
    )
  })
})
