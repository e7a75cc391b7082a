import { afterEach, describe, expect, it, vi } from 'vitest'
import type { UpdaterApi } from '../../../src/main/electron/app-updater'
import { startAutoUpdates, updatePolicyFrom } from '../../../src/main/electron/app-updater'
import { FakeEmitter, recordingLogger } from './electron-fake'

class FakeUpdater extends FakeEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  allowDowngrade = true
  allowPrerelease = true
  logger: unknown = null
  readonly setFeedURL = vi.fn()
  readonly checkForUpdates = vi.fn(() => Promise.resolve(null))
}

function start(policy: { enabled: boolean; feedUrl?: string }, isPackaged = true) {
  const updater = new FakeUpdater()
  const loadUpdater = vi.fn(() => updater as unknown as UpdaterApi)
  const { logger, lines } = recordingLogger()
  const stop = startAutoUpdates({ policy, isPackaged, loadUpdater, logger, intervalMs: 1000 })
  return { updater, loadUpdater, lines, stop }
}

describe('automatic updates', () => {
  afterEach(() => vi.useRealTimers())

  it('are off, and electron-updater is not even loaded, unless the policy turns them on', () => {
    const { loadUpdater, lines, stop } = start({
      enabled: false,
      feedUrl: 'https://updates.firm.example/payroll-desk/',
    })

    expect(stop).toBeNull()
    expect(loadUpdater).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('off (firm policy)')
  })

  it('are skipped in a development run', () => {
    const { loadUpdater, stop } = start(
      { enabled: true, feedUrl: 'https://updates.firm.example/' },
      false,
    )

    expect(stop).toBeNull()
    expect(loadUpdater).not.toHaveBeenCalled()
  })

  it.each([
    ['no feed', undefined],
    ['a plain http feed', 'http://updates.firm.example/'],
    ['a feed with credentials in it', 'https://user:pw@updates.firm.example/'],
    ['a file feed', 'file:///shared/updates/'],
    ['not a URL', 'updates.firm.example'],
  ])('refuse to start with %s', (_label, feedUrl) => {
    const { loadUpdater, lines, stop } = start({ enabled: true, ...(feedUrl ? { feedUrl } : {}) })

    expect(stop).toBeNull()
    expect(loadUpdater).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('no https feed')
  })

  it('check the firm’s generic https feed at once and then on a timer, installing on quit', () => {
    vi.useFakeTimers()
    const { updater, stop } = start({
      enabled: true,
      feedUrl: 'https://updates.firm.example/payroll-desk/',
    })

    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.firm.example/payroll-desk/',
    })
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)

    vi.advanceTimersByTime(1000)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)

    stop!()
    vi.advanceTimersByTime(5000)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('log through the app’s logger, including failures, without throwing', async () => {
    const { updater, lines, stop } = start({
      enabled: true,
      feedUrl: 'https://updates.firm.example/',
    })

    updater.emit('error', new Error('HTTP 404 latest.yml'))
    updater.emit('update-downloaded', { version: '0.2.0' })

    expect(lines.join('\n')).toContain('update check failed: HTTP 404 latest.yml')
    expect(lines.join('\n')).toContain('update 0.2.0 downloaded')
    stop!()
  })
})

describe('the update policy', () => {
  it('is off when the machine has no policy, or the policy says nothing of updates', () => {
    expect(updatePolicyFrom(null)).toEqual({ enabled: false })
  })

  it('carries the policy’s switch and feed', () => {
    expect(updatePolicyFrom({ enabled: true, feedUrl: 'https://updates.firm.example/' })).toEqual({
      enabled: true,
      feedUrl: 'https://updates.firm.example/',
    })
    expect(updatePolicyFrom({ enabled: true, feedUrl: null })).toEqual({ enabled: true })
  })
})
