import type { BrowserWindow } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../../src/shared/ipc-channels'
import { FakeWebContents, electronFake, ipcHandlers } from './electron-fake'

vi.mock('electron', () => electronFake)

const { installIpcBridge, isTrustedSender, sendEvent } =
  await import('../../../src/main/electron/ipc-bridge')

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

describe('the IPC bridge’s edges', () => {
  beforeEach(() => ipcHandlers.clear())

  it('refuses every call once the app window is gone', async () => {
    const window = fakeWindow()
    const frame = window.webContents.mainFrame
    ;(window as unknown as { isDestroyed: () => boolean }).isDestroyed = () => true
    const dispatch = vi.fn()
    installIpcBridge({
      router: { dispatch },
      appWindow: () => window,
      appOrigin: 'app://payroll-desk',
    })

    const result = await ipcHandlers.get(ELECTRON_INVOKE_CHANNEL)!(
      { senderFrame: frame },
      'connections.list',
      undefined,
    )

    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('removes its handler when uninstalled', () => {
    const uninstall = installIpcBridge({
      router: { dispatch: vi.fn() },
      appWindow: () => null,
      appOrigin: 'app://payroll-desk',
    })

    uninstall()

    expect(ipcHandlers.has(ELECTRON_INVOKE_CHANNEL)).toBe(false)
  })

  it('sends events to the live app window only, on the event channel', () => {
    const live = fakeWindow()
    const gone = { webContents: new FakeWebContents(), isDestroyed: () => true } as never

    sendEvent(live, 'connections.changed', { reason: 'connected' })
    sendEvent(gone, 'connections.changed', { reason: 'connected' })
    sendEvent(null, 'connections.changed', { reason: 'connected' })

    expect((live.webContents as unknown as FakeWebContents).sent).toEqual([
      [ELECTRON_EVENT_CHANNEL, 'connections.changed', { reason: 'connected' }],
    ])
    expect((gone as { webContents: FakeWebContents }).webContents.sent).toEqual([])
  })
})
