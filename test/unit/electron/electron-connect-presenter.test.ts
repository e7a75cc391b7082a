import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { FakeBrowserWindow, FakeWebContentsView, electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

const { ElectronConnectPresenter } =
  await import('../../../src/main/electron/electron-connect-presenter')

const CONNECT_URL = 'http://127.0.0.1:4010/authorize?session=s1&state=t1'
const REDIRECT_URI = 'http://localhost/payroll-desk/connect-callback'
const REDIRECT = `${REDIRECT_URI}?code=abc&state=t1`

function presentConnect(window: FakeBrowserWindow | null = new FakeBrowserWindow()) {
  const presenter = new ElectronConnectPresenter(() => window as never)
  const controller = new AbortController()
  const outcome = { settled: false }
  const result = presenter.present({
    connectUrl: CONNECT_URL,
    redirectUri: REDIRECT_URI,
    signal: controller.signal,
  })
  result.then(
    () => (outcome.settled = true),
    () => (outcome.settled = true),
  )
  return { window: window!, view: FakeWebContentsView.created.at(-1)!, result, controller, outcome }
}

const navigation = () => ({ preventDefault: vi.fn() })

describe('the embedded Finch Connect view', () => {
  beforeEach(() => {
    FakeWebContentsView.created.length = 0
  })

  it('shows Connect below the app bar in a fresh in-memory partition with no preload', () => {
    const { window, view } = presentConnect()

    const preferences = view.options.webPreferences!
    expect(preferences.partition).toMatch(/^connect-[0-9a-f-]{36}$/)
    expect(preferences.preload).toBeUndefined()
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(window.contentView.children).toContain(view)
    expect(view.bounds).toEqual({ x: 0, y: 64, width: 1280, height: 756 })
    expect(view.webContents.loadURL).toHaveBeenCalledWith(CONNECT_URL)
  })

  it('gives every attempt a partition of its own', () => {
    const first = presentConnect().view
    const second = presentConnect().view

    expect(first.options.webPreferences!.partition).not.toBe(
      second.options.webPreferences!.partition,
    )
  })

  it('denies every permission request in its session', () => {
    const { view } = presentConnect()
    const callback = vi.fn()

    view.webContents.session.permissionRequestHandler!(null, 'notifications', callback)

    expect(callback).toHaveBeenCalledWith(false)
  })

  it('follows the window’s size', () => {
    const { window, view } = presentConnect()
    window.contentSize = [1000, 700]

    window.emit('resize')

    expect(view.bounds).toEqual({ x: 0, y: 64, width: 1000, height: 636 })
  })

  it('lets Connect’s own pages and https provider pages load', async () => {
    const { view, outcome } = presentConnect()
    const own = navigation()
    const provider = navigation()

    view.webContents.emit('will-navigate', own, 'http://127.0.0.1:4010/authorize/login')
    view.webContents.emit('will-navigate', provider, 'https://accounts.provider.example/login')
    await Promise.resolve()

    expect(own.preventDefault).not.toHaveBeenCalled()
    expect(provider.preventDefault).not.toHaveBeenCalled()
    expect(outcome.settled).toBe(false)
  })

  it.each([
    'http://evil.example/',
    'file:///etc/passwd',
    'app://payroll-desk/index.html',
    'https://user:secret@evil.example/',
  ])('blocks a navigation to %s and keeps waiting', async (url) => {
    const { view, outcome } = presentConnect()
    const away = navigation()

    view.webContents.emit('will-navigate', away, url)
    await Promise.resolve()

    expect(away.preventDefault).toHaveBeenCalled()
    expect(outcome.settled).toBe(false)
  })

  it.each(['will-navigate', 'will-redirect'])(
    'catches the redirect URI on %s before it loads, resolves with it and closes the view',
    async (event) => {
      const { window, view, result } = presentConnect()
      const redirect = navigation()

      view.webContents.emit(event, redirect, REDIRECT)

      await expect(result).resolves.toBe(REDIRECT)
      expect(redirect.preventDefault).toHaveBeenCalled()
      expect(window.contentView.children).not.toContain(view)
      expect(view.webContents.closed).toBe(true)
      expect(window.listenerCount('resize')).toBe(0)
    },
  )

  it('catches the redirect URI in a frame as well', async () => {
    const { view, result } = presentConnect()

    view.webContents.emit('will-frame-navigate', { url: REDIRECT, preventDefault: vi.fn() })

    await expect(result).resolves.toBe(REDIRECT)
  })

  it('opens a provider’s https sign-in pop-up as a child in the same partition, and nothing else', () => {
    const { window, view } = presentConnect()

    const popUp = view.webContents.windowOpenHandler!({ url: 'https://sso.provider.example/' })
    const elsewhere = view.webContents.windowOpenHandler!({ url: 'http://evil.example/' })
    const script = view.webContents.windowOpenHandler!({ url: 'javascript:alert(1)' })

    expect(popUp).toMatchObject({
      action: 'allow',
      overrideBrowserWindowOptions: {
        parent: window,
        webPreferences: { partition: view.options.webPreferences!.partition, sandbox: true },
      },
    })
    expect(
      (popUp as { overrideBrowserWindowOptions: { webPreferences: object } })
        .overrideBrowserWindowOptions.webPreferences,
    ).not.toHaveProperty('preload')
    expect(elsewhere).toEqual({ action: 'deny' })
    expect(script).toEqual({ action: 'deny' })
  })

  it('holds a pop-up to the same rules, and takes the redirect from it too', async () => {
    const { view, result } = presentConnect()
    const popUp = new FakeBrowserWindow()
    view.webContents.emit('did-create-window', popUp)
    const away = navigation()
    const attach = navigation()

    popUp.webContents.emit('will-navigate', away, 'file:///etc/passwd')
    popUp.webContents.emit('will-attach-webview', attach)
    popUp.webContents.emit('will-redirect', navigation(), REDIRECT)

    expect(away.preventDefault).toHaveBeenCalled()
    expect(attach.preventDefault).toHaveBeenCalled()
    await expect(result).resolves.toBe(REDIRECT)
  })

  it('refuses to attach a webview', () => {
    const { view } = presentConnect()
    const attach = navigation()

    view.webContents.emit('will-attach-webview', attach)

    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('rejects with the abort reason when the attempt is cancelled, and closes the view', async () => {
    const { window, view, result, controller } = presentConnect()
    const reason = new AppError('connect_cancelled', 'Connecting was cancelled.')

    controller.abort(reason)

    await expect(result).rejects.toBe(reason)
    expect(window.contentView.children).not.toContain(view)
    expect(view.webContents.closed).toBe(true)
  })

  it('settles once: a cancel after the redirect changes nothing', async () => {
    const { view, result, controller } = presentConnect()

    view.webContents.emit('will-redirect', navigation(), REDIRECT)
    controller.abort(new Error('too late'))

    await expect(result).resolves.toBe(REDIRECT)
  })

  it('rejects with connect_failed when Connect’s renderer stops', async () => {
    const { view, result } = presentConnect()

    view.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })

    await expect(result).rejects.toMatchObject({ code: 'connect_failed' })
  })

  it('rejects with finch_unreachable when Connect cannot be loaded', async () => {
    FakeWebContentsView.prepareNext = (view) => {
      view.webContents.nextLoad = () => Promise.reject(new Error('ERR_CONNECTION_REFUSED'))
    }

    const { result } = presentConnect()

    await expect(result).rejects.toMatchObject({ code: 'finch_unreachable' })
  })

  it('rejects at once when the app window is not open', async () => {
    const { result } = presentConnect(null)

    await expect(result).rejects.toMatchObject({ code: 'connect_failed' })
    expect(FakeWebContentsView.created).toHaveLength(0)
  })
})
