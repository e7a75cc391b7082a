import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEmitter, FakeSession, FakeWebContents, electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

const {
  connectViewPreferences,
  denyAllPermissions,
  installAppWideDefenses,
  lockAppNavigation,
  openAllowedExternalLink,
} = await import('../../../src/main/electron/secure-web-preferences')

describe('the web preferences of the Connect view', () => {
  it('isolate it like the app window, give it its own partition and no preload', () => {
    const preferences = connectViewPreferences('connect-123')

    expect(preferences).toEqual({
      partition: 'connect-123',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
  })
})

describe('the app window navigation lock', () => {
  let contents: FakeWebContents

  beforeEach(() => {
    vi.clearAllMocks()
    contents = new FakeWebContents()
    lockAppNavigation(contents as never, 'app://payroll-desk')
  })

  it.each(['will-navigate', 'will-redirect'])(
    'cancels %s away from the app origin and lets the app itself through',
    (event) => {
      const away = { preventDefault: vi.fn() }
      const file = { preventDefault: vi.fn() }
      const home = { preventDefault: vi.fn() }

      contents.emit(event, away, 'https://evil.example/')
      contents.emit(event, file, 'file:///etc/passwd')
      contents.emit(event, home, 'app://payroll-desk/index.html')

      expect(away.preventDefault).toHaveBeenCalled()
      expect(file.preventDefault).toHaveBeenCalled()
      expect(home.preventDefault).not.toHaveBeenCalled()
    },
  )

  it('cancels a subframe navigating away from the app origin', () => {
    const frame = { url: 'https://evil.example/frame', preventDefault: vi.fn() }

    contents.emit('will-frame-navigate', frame)

    expect(frame.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window, opening only Finch https links in the system browser', () => {
    const finch = contents.windowOpenHandler!({ url: 'https://developer.tryfinch.com/docs' })
    const other = contents.windowOpenHandler!({ url: 'https://evil.example/' })

    expect(finch).toEqual({ action: 'deny' })
    expect(other).toEqual({ action: 'deny' })
    expect(electronFake.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith(
      'https://developer.tryfinch.com/docs',
    )
  })
})

describe('opening a link in the system browser', () => {
  beforeEach(() => vi.clearAllMocks())

  it('opens an https link to Finch’s own sites', () => {
    expect(openAllowedExternalLink('https://dashboard.tryfinch.com/')).toBe(true)

    expect(electronFake.shell.openExternal).toHaveBeenCalledWith('https://dashboard.tryfinch.com/')
  })

  it.each([
    'http://developer.tryfinch.com/',
    'https://developer.tryfinch.com.evil.example/',
    'https://user:pass@evil.example/@developer.tryfinch.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(openAllowedExternalLink(url)).toBe(false)

    expect(electronFake.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('the permission handlers', () => {
  it('deny every permission request, check and device', () => {
    const session = new FakeSession()
    denyAllPermissions(session as never)
    const callback = vi.fn()

    session.permissionRequestHandler!(null, 'media', callback)

    expect(callback).toHaveBeenCalledWith(false)
    expect(session.permissionCheckHandler!(null, 'clipboard-read')).toBe(false)
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false)
  })
})

describe('the app-wide defenses', () => {
  it('deny permissions in every session made later, such as each Connect partition', () => {
    const app = new FakeEmitter()
    installAppWideDefenses(app as never)
    const partition = new FakeSession()

    app.emit('session-created', partition)
    const callback = vi.fn()
    partition.permissionRequestHandler!(null, 'geolocation', callback)

    expect(callback).toHaveBeenCalledWith(false)
  })

  it('forbid webviews and new windows in every web contents until its owner narrows that', () => {
    const app = new FakeEmitter()
    installAppWideDefenses(app as never)
    const contents = new FakeWebContents()
    const attach = { preventDefault: vi.fn() }

    app.emit('web-contents-created', {}, contents)
    contents.emit('will-attach-webview', attach)

    expect(attach.preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler!({ url: 'https://developer.tryfinch.com/' })).toEqual({
      action: 'deny',
    })
  })
})
