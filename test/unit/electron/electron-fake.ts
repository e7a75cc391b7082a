/**
 * A stand-in for the `electron` module, used only at the shell's seam: it records what the shell
 * registers (IPC handlers, navigation listeners, permission handlers) so tests can drive them.
 */
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  readonly mainFrame = { url: 'app://payroll-desk/index.html' }
  readonly sent: unknown[][] = []

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args)
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler
  }

  send(...args: unknown[]): void {
    this.sent.push(args)
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  devicePermissionHandler: Listener | null = null
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler
  }
}

export const ipcHandlers = new Map<string, Listener>()

export const electronFake = {
  ipcMain: {
    handle: vi.fn((channel: string, handler: Listener) => ipcHandlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}
