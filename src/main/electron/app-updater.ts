/**
 * Automatic updates from a feed the firm hosts itself (electron-updater's generic provider: the
 * installers and `latest*.yml` that `npm run dist` writes, served over https). Off unless the
 * firm's policy turns it on and names the feed; a feed that is not plain https is refused.
 * An update downloads in the background and installs when the app next quits.
 */
import type { AppUpdater } from 'electron-updater'
import type { PolicyStatus } from '../../shared/domain'
import type { Logger } from '../log/logger'

/** The firm policy's `autoUpdate` section. */
export interface UpdatePolicy {
  enabled: boolean
  feedUrl?: string
}

/** The machine policy's preset; no policy, or one without `autoUpdate`, means off. */
export function updatePolicyFrom(autoUpdate: PolicyStatus['autoUpdate']): UpdatePolicy {
  if (!autoUpdate) return { enabled: false }
  return {
    enabled: autoUpdate.enabled,
    ...(autoUpdate.feedUrl ? { feedUrl: autoUpdate.feedUrl } : {}),
  }
}

/** The part of electron-updater's AppUpdater the shell drives, so tests can pass their own. */
export type UpdaterApi = Pick<
  AppUpdater,
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'allowPrerelease'
  | 'logger'
  | 'on'
>

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000

export interface AutoUpdateOptions {
  policy: UpdatePolicy
  /** electron-updater only works in an installed app; development runs never update. */
  isPackaged: boolean
  /** Loads electron-updater; called only when updates are on, so it is not loaded otherwise. */
  loadUpdater: () => UpdaterApi
  logger: Logger
  intervalMs?: number
}

/** Starts checking for updates when policy allows; returns a stop function, or null if off. */
export function startAutoUpdates(options: AutoUpdateOptions): (() => void) | null {
  const { policy, logger } = options
  if (!policy.enabled) {
    logger.info('automatic updates are off (firm policy)')
    return null
  }
  if (!options.isPackaged) {
    logger.info('automatic updates are skipped in development runs')
    return null
  }
  const feedUrl = httpsFeedUrl(policy.feedUrl)
  if (!feedUrl) {
    logger.warn('automatic updates are on but the policy names no https feed; not checking')
    return null
  }

  const updater = options.loadUpdater()
  updater.logger = {
    info: (message?: unknown) => logger.info(String(message)),
    warn: (message?: unknown) => logger.warn(String(message)),
    error: (message?: unknown) => logger.error(String(message)),
  }
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  updater.allowDowngrade = false
  updater.allowPrerelease = false
  updater.setFeedURL({ provider: 'generic', url: feedUrl })
  updater.on('update-downloaded', (info) =>
    logger.info(`update ${info.version} downloaded; it installs when Payroll Desk quits`),
  )
  updater.on('error', (error) => logger.warn(`update check failed: ${error.message}`))

  const check = () => {
    updater
      .checkForUpdates()
      .catch((error: unknown) => logger.warn(`update check failed: ${error}`))
  }
  logger.info(`automatic updates from ${feedUrl}`)
  check()
  const timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}

function httpsFeedUrl(value: string | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' || url.username || url.password) return null
    return url.toString()
  } catch {
    return null
  }
}
