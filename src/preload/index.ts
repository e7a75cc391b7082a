/**
 * The preload: the only bridge between the sandboxed renderer and main. It exposes one call and
 * one subscription, both limited to the contract's channel and event names, and nothing of
 * Electron itself.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import {
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_INVOKE_CHANNEL,
  isIpcChannel,
  isIpcEvent,
} from '../shared/ipc-channels'
import type { IpcChannel, IpcEvent, IpcResponse, PayrollDeskBridge } from '../shared/ipc-contract'

const bridge: PayrollDeskBridge = {
  invoke(channel: IpcChannel, args?: unknown): Promise<IpcResponse> {
    if (!isIpcChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: 'That operation does not exist.' },
      })
    }
    return ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, args) as Promise<IpcResponse>
  },

  on(event: IpcEvent, listener: (payload: unknown) => void): () => void {
    if (!isIpcEvent(event)) return () => undefined
    const relay = (_: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(ELECTRON_EVENT_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(ELECTRON_EVENT_CHANNEL, relay)
    }
  },
}

contextBridge.exposeInMainWorld('payrollDesk', bridge)
