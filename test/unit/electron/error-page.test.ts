import { describe, expect, it, vi } from 'vitest'
import { FakeWebContents, electronFake, recordingLogger } from './electron-fake'

vi.mock('electron', () => electronFake)

const { errorPageUrl, showErrorPageOnFailure } =
  await import('../../../src/main/electron/error-page')

const APP = 'app://payroll-desk'

function watchedContents() {
  const contents = new FakeWebContents()
  const { logger, lines } = recordingLogger()
  showErrorPageOnFailure(contents as never, APP, logger)
  return { contents, lines }
}

describe('the error page wiring', () => {
  it('replaces a main-frame load failure with the load-failed page and logs why', () => {
    const { contents, lines } = watchedContents()

    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', `${APP}/index.html`, true)

    expect(contents.loadURL).toHaveBeenCalledWith(errorPageUrl(APP, 'load-failed'))
    expect(lines.join('\n')).toContain('ERR_FILE_NOT_FOUND (-6)')
  })

  it('ignores loads the app cancelled itself and failures inside subframes', () => {
    const { contents } = watchedContents()

    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://evil.example/', true)
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', `${APP}/frame.html`, false)

    expect(contents.loadURL).not.toHaveBeenCalled()
  })

  it('shows the load-failed page when the app page answers with an HTTP error', () => {
    const { contents } = watchedContents()

    contents.emit('did-navigate', {}, `${APP}/index.html`, 404, 'Not Found')
    contents.emit('did-navigate', {}, `${APP}/index.html`, 200, 'OK')

    expect(contents.loadURL).toHaveBeenCalledTimes(1)
    expect(contents.loadURL).toHaveBeenCalledWith(errorPageUrl(APP, 'load-failed'))
  })

  it('shows the renderer-gone page when the renderer crashes, but not when it exits cleanly', () => {
    const { contents, lines } = watchedContents()

    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 })

    expect(contents.loadURL).toHaveBeenCalledTimes(1)
    expect(contents.loadURL).toHaveBeenCalledWith(errorPageUrl(APP, 'renderer-gone'))
    expect(lines.join('\n')).toContain('oom (exit code 9)')
  })

  it('does not retry in a loop when the error page itself fails', async () => {
    const { contents, lines } = watchedContents()
    contents.nextLoad = () => Promise.reject(new Error('ERR_FAILED'))

    contents.emit('did-fail-load', {}, -2, 'ERR_FAILED', `${APP}/index.html`, true)
    contents.emit('did-fail-load', {}, -2, 'ERR_FAILED', errorPageUrl(APP, 'load-failed'), true)
    await Promise.resolve()

    expect(contents.loadURL).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(lines.join('\n')).toContain('the error page did not load'))
  })

  it('does nothing once the window is gone', () => {
    const { contents } = watchedContents()
    contents.destroyed = true

    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })

    expect(contents.loadURL).not.toHaveBeenCalled()
  })
})
