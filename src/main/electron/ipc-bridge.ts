/**
 * Carries the IPC contract over Electron IPC. Every call's sender is checked first: only the
 * app window's own top frame, showing the app's own origin, may call main. A Connect page, a
 * provider pop-up or an injected iframe gets `forbidden_sender` and nothing runs.
 * See https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import type { BrowserWindow, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { ipcMain } from 'electron'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../shared/ipc-channels'
import type { IpcEvent, IpcEventPayloads, IpcResponse } from '../../shared/ipc-contract'
import type { IpcRouter } from '../ipc/ipc-router'
import { isAppUrl } from '../connect/connect-navigation-policy'

export function isTrustedSender(
  frame: WebFrameMain | null,
  window: BrowserWindow | null,
  appOrigin: string,
): boolean {
  if (!frame || !window || window.isDestroyed()) return false
  return frame === window.webContents.mainFrame && isAppUrl(frame.url, appOrigin)
}

export function installIpcBridge(options: {
  router: IpcRouter
  appWindow: () => BrowserWindow | null
  appOrigin: string
}): () => void {
  ipcMain.handle(
    ELECTRON_INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, channel: unknown, args: unknown): Promise<IpcResponse> => {
      if (!isTrustedSender(event.senderFrame, options.appWindow(), options.appOrigin)) {
        return {
          ok: false,
          error: {
            code: 'forbidden_sender',
            message: 'This page is not allowed to use Payroll Desk.',
          },
        }
      }
      return options.router.dispatch(channel, args)
    },
  )
  return () => ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL)
}

export function sendEvent<E extends IpcEvent>(
  window: BrowserWindow | null,
  event: E,
  payload: IpcEventPayloads[E],
): void {
  if (!window || window.isDestroyed()) return
  window.webContents.send(ELECTRON_EVENT_CHANNEL, event, payload)
}
