import { describe, expect, it, vi } from 'vitest'
import { FakeSession, FakeWebContents, electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

const { appWindowPreferences, connectViewPreferences, denyAllPermissions, lockAppNavigation } =
  await import('../../../src/main/electron/secure-web-preferences')

describe('the web preferences of the app window', () => {
  it('isolate the context, sandbox the renderer and keep Node out', () => {
    const preferences = appWindowPreferences('/app/out/preload/index.cjs')

    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    })
  })

  it('give the Connect view no preload and its own partition', () => {
    const preferences = connectViewPreferences('connect-123')

    expect(preferences.preload).toBeUndefined()
    expect(preferences.partition).toBe('connect-123')
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
  })
})

describe('the app window navigation lock', () => {
  it('blocks navigation away from the app origin and allows the app itself', () => {
    const contents = new FakeWebContents()
    lockAppNavigation(contents as never, 'app://payroll-desk')
    const away = { preventDefault: vi.fn() }
    const home = { preventDefault: vi.fn() }

    contents.emit('will-navigate', away, 'https://evil.example/')
    contents.emit('will-navigate', home, 'app://payroll-desk/index.html')

    expect(away.preventDefault).toHaveBeenCalled()
    expect(home.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every new window, opening only Finch https links in the system browser', () => {
    const contents = new FakeWebContents()
    lockAppNavigation(contents as never, 'app://payroll-desk')

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

describe('the permission handlers', () => {
  it('deny every permission request and check', () => {
    const session = new FakeSession()
    denyAllPermissions(session as never)
    const callback = vi.fn()

    session.permissionRequestHandler!(null, 'media', callback)

    expect(callback).toHaveBeenCalledWith(false)
    expect(session.permissionCheckHandler!()).toBe(false)
    expect(session.devicePermissionHandler!()).toBe(false)
  })
})
