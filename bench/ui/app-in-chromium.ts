/**
 * The app as the UI benchmarks drive it: the local sandbox, the browser host with a throwaway
 * data folder and keychain service, and Debian's Chromium on the host's one-time launch link.
 */
import { randomBytes } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import { startSandbox } from '../../src/sandbox'
import { makeClient, startHarness } from '../../test/harness/start-harness'
import { makeTempDir } from '../../test/support/temp-dir'
import { clearKeychainService, testKeychainService } from '../../test/support/test-keychain'

export interface AppInChromium {
  browser: Browser
  page: Page
  close(): Promise<void>
}

export async function openAppInChromium(options: {
  viewport: { width: number; height: number }
  /** Frames not held to the display's refresh, so a frame's length is the work it took. */
  unthrottledFrames?: boolean
}): Promise<AppInChromium> {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-bench-')
  const client = makeClient()
  const sandbox = await startSandbox({
    clients: [client],
    signingKey: randomBytes(32).toString('hex'),
  })
  const harness = await startHarness({
    dataDir: dataDir.path,
    keychainService,
    finchBaseUrl: sandbox.url,
    client,
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      ...(options.unthrottledFrames ? ['--disable-gpu-vsync', '--disable-frame-rate-limit'] : []),
    ],
  })
  const close = async () => {
    await browser.close()
    await harness.close()
    await sandbox.close()
    await clearKeychainService(keychainService)
    dataDir.remove()
  }
  try {
    const page = await browser.newPage({ viewport: options.viewport })
    // tsx keeps function names with a `__name` helper, which the in-page functions also call.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
    await page.goto(harness.host.launchUrl)
    return { browser, page, close }
  } catch (error) {
    await close()
    throw error
  }
}
