import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../../src/shared/ipc-channels'
import type { PayrollDeskBridge } from '../../../src/shared/ipc-contract'
import { electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

describe('the preload bridge', () => {
  let bridge: PayrollDeskBridge

  beforeAll(async () => {
    await import('../../../src/preload/index')
    const [[name, exposed]] = electronFake.contextBridge.exposeInMainWorld.mock
      .calls as unknown as [[string, PayrollDeskBridge]]
    expect(name).toBe('payrollDesk')
    bridge = exposed
  })

  beforeEach(() => {
    electronFake.ipcRenderer.invoke.mockClear()
    electronFake.ipcRenderer.on.mockClear()
  })

  it('exposes exactly one call and one subscription, and nothing of Electron', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  })

  it('sends a contract call over the one invoke channel', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] })

    const result = await bridge.invoke('connections.list')

    expect(result).toEqual({ ok: true, value: [] })
    expect(electronFake.ipcRenderer.invoke).toHaveBeenCalledWith(
      ELECTRON_INVOKE_CHANNEL,
      'connections.list',
      undefined,
    )
  })

  it('refuses a channel outside the contract without reaching main', async () => {
    const result = await bridge.invoke('shell.openExternal' as never)

    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unknown_channel' }),
    })
    expect(electronFake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('passes a subscriber only the payload of its own event, never Electron’s event object', () => {
    const listener = vi.fn()
    bridge.on('sync.progress', listener)
    const [[channel, relay]] = electronFake.ipcRenderer.on.mock.calls as unknown as [
      [string, (event: unknown, name: unknown, payload: unknown) => void],
    ]

    relay({ sender: 'ipcRenderer' }, 'connections.changed', { reason: 'x' })
    relay({ sender: 'ipcRenderer' }, 'sync.progress', { done: 1 })

    expect(channel).toBe(ELECTRON_EVENT_CHANNEL)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ done: 1 })
  })

  it('ignores a subscription to an event outside the contract', () => {
    const unsubscribe = bridge.on('ipc-message' as never, vi.fn())

    expect(electronFake.ipcRenderer.on).not.toHaveBeenCalled()
    expect(unsubscribe()).toBeUndefined()
  })
})
