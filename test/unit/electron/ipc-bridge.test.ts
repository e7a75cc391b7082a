import type { BrowserWindow } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ELECTRON_INVOKE_CHANNEL } from '../../../src/shared/ipc-channels'
import { FakeWebContents, electronFake, ipcHandlers } from './electron-fake'

vi.mock('electron', () => electronFake)

const { installIpcBridge, isTrustedSender } = await import('../../../src/main/electron/ipc-bridge')

function fakeWindow() {
  const webContents = new FakeWebContents()
  return { webContents, isDestroyed: () => false } as never as BrowserWindow
}

describe('the Electron IPC bridge', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'ran' }))
  let window: BrowserWindow

  beforeEach(() => {
    dispatch.mockClear()
    ipcHandlers.clear()
    window = fakeWindow()
    installIpcBridge({
      router: { dispatch },
      appWindow: () => window,
      appOrigin: 'app://payroll-desk',
    })
  })

  it('runs a call from the app window’s own top frame', async () => {
    const handler = ipcHandlers.get(ELECTRON_INVOKE_CHANNEL)!

    const result = await handler(
      { senderFrame: window.webContents.mainFrame },
      'connections.list',
      undefined,
    )

    expect(result).toEqual({ ok: true, value: 'ran' })
    expect(dispatch).toHaveBeenCalledWith('connections.list', undefined)
  })

  it.each([
    ['a Connect page frame', { url: 'https://connect.tryfinch.com/authorize' }],
    ['a subframe on the app origin', { url: 'app://payroll-desk/index.html' }],
    ['no frame at all', null],
  ])('refuses a call from %s without running anything', async (_label, frame) => {
    const handler = ipcHandlers.get(ELECTRON_INVOKE_CHANNEL)!

    const result = await handler({ senderFrame: frame }, 'connections.list', undefined)

    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.any(String) },
    })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses the main frame once it has navigated away from the app', () => {
    const frame = window.webContents.mainFrame as { url: string }
    frame.url = 'https://evil.example/'

    expect(isTrustedSender(frame as never, window, 'app://payroll-desk')).toBe(false)
  })
})
