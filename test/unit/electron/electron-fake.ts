/**
 * A stand-in for the `electron` module, used only at the shell's seam: it records what the shell
 * registers (IPC and protocol handlers, listeners, permission handlers, windows and views made,
 * menus built, dialogs shown) so tests can drive them as Electron would.
 */
import type { BrowserWindowConstructorOptions, WebContentsViewConstructorOptions } from 'electron'
import { vi } from 'vitest'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners take Electron's own arguments
type Listener = (...args: any[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener): this {
    const once: Listener = (...args) => {
      this.off(event, once)
      return listener(...args)
    }
    return this.on(event, once)
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((registered) => registered !== listener),
    )
    return this
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args)
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export class FakeSession extends FakeEmitter {
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

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  readonly mainFrame = { url: 'app://payroll-desk/index.html' }
  readonly sent: unknown[][] = []
  readonly session = new FakeSession()
  /** What the next loadURL call resolves or rejects with. */
  nextLoad: () => Promise<void> = () => Promise.resolve()
  readonly loadURL = vi.fn((_url: string) => this.nextLoad())
  destroyed = false
  closed = false

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler
  }

  send(...args: unknown[]): void {
    this.sent.push(args)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  close(): void {
    this.closed = true
    this.destroyed = true
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly contentView = {
    children: [] as unknown[],
    addChildView: vi.fn((view: unknown) => {
      this.contentView.children.push(view)
    }),
    removeChildView: vi.fn((view: unknown) => {
      this.contentView.children = this.contentView.children.filter((child) => child !== view)
    }),
  }
  contentSize: [number, number] = [1280, 820]
  normalBounds = { x: 100, y: 80, width: 1200, height: 800 }
  maximized = false
  shown = false
  destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  getContentSize(): [number, number] {
    return this.contentSize
  }
  getNormalBounds() {
    return this.normalBounds
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMaximized(): boolean {
    return this.maximized
  }
  maximize(): void {
    this.maximized = true
  }
  show(): void {
    this.shown = true
  }
}

export class FakeWebContentsView {
  static readonly created: FakeWebContentsView[] = []
  /** Lets a test shape the next view before the code under test uses it. */
  static prepareNext: ((view: FakeWebContentsView) => void) | null = null
  readonly webContents = new FakeWebContents()
  bounds: { x: number; y: number; width: number; height: number } | null = null

  constructor(readonly options: WebContentsViewConstructorOptions = {}) {
    FakeWebContentsView.created.push(this)
    FakeWebContentsView.prepareNext?.(this)
    FakeWebContentsView.prepareNext = null
  }

  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = bounds
  }
}

export const ipcHandlers = new Map<string, Listener>()
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()

export const electronFake = {
  ipcMain: {
    handle: vi.fn((channel: string, handler: Listener) => ipcHandlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  shell: {
    openExternal: vi.fn(() => Promise.resolve()),
    openPath: vi.fn(() => Promise.resolve('')),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
      protocolHandlers.set(scheme, handler),
    ),
  },
  app: { getPath: vi.fn((name: string) => `/home/accountant/${name}`) },
  dialog: {
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
  },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  BrowserWindow: FakeBrowserWindow,
  WebContentsView: FakeWebContentsView,
}

/** A fake logger that keeps its lines, for tests that check what the shell logs. */
export function recordingLogger() {
  const lines: string[] = []
  const make = (component: string) => ({
    child: (name: string) => make(name),
    debug: (message: string) => lines.push(`DEBUG [${component}] ${message}`),
    info: (message: string) => lines.push(`INFO [${component}] ${message}`),
    warn: (message: string) => lines.push(`WARN [${component}] ${message}`),
    error: (message: string, cause?: unknown) =>
      lines.push(`ERROR [${component}] ${message}${cause ? `: ${String(cause)}` : ''}`),
  })
  return { logger: make('shell'), lines }
}
