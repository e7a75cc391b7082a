/**
 * The desktop app itself, once, end to end: the built app in Electron with a throwaway userData
 * folder and keychain entries of its own, in demo mode; it connects the demo sandbox company
 * through the embedded Connect view (largeco / letmein), shows its directory, and quits cleanly,
 * leaving its window state behind. Runs only where Electron's binary is installed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ElectronApplication, Page } from '@playwright/test'
import { _electron as electron, expect, test } from '@playwright/test'
import { createScenario } from '../../src/sandbox/data'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, testKeychainService } from '../support/test-keychain'

function installedElectron(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as unknown as string
  } catch {
    return null
  }
}

const executablePath = installedElectron()
const largeco = createScenario('largeco')

const NO_ELECTRON =
  "Electron's binary is not installed here (require('electron') fails), so the app cannot be " +
  'launched. Where Electron downloads are reachable, `node node_modules/electron/install.js` ' +
  'installs it; then run `npm run test:electron` again.'

if (executablePath === null) console.log(`[test:electron] skipped: ${NO_ELECTRON}`)
test.skip(executablePath === null, NO_ELECTRON)

/** The first page of the app whose address passes `accept`, as it appears. */
async function waitForPage(app: ElectronApplication, accept: (url: string) => boolean) {
  let found: Page | undefined
  await expect
    .poll(() => {
      found = app.windows().find((page) => accept(page.url()))
      return found !== undefined
    })
    .toBe(true)
  return found!
}

test.describe('the desktop app', () => {
  const keychainService = testKeychainService()
  let dataDir: ReturnType<typeof makeTempDir>

  test.beforeAll(() => {
    dataDir = makeTempDir('payroll-desk-electron-')
    // SQLite's native module, built for Electron's ABI beside the tests' Node build.
    const native = spawnSync(process.execPath, ['scripts/build-electron-native.mjs'], {
      stdio: 'inherit',
    })
    expect(native.status, 'building SQLite for Electron').toBe(0)
  })

  test.afterAll(async () => {
    await clearKeychainService(keychainService)
    dataDir.remove()
  })

  test('connects the demo company through the embedded Connect view and shows its directory', async () => {
    const app = await electron.launch({
      executablePath: executablePath!,
      args: ['.', '--demo', `--user-data-dir=${dataDir.path}`],
      env: { ...process.env, PAYROLL_DESK_KEYCHAIN_SERVICE: keychainService },
    })
    const window = await app.firstWindow()
    await expect(window).toHaveURL('app://payroll-desk/index.html')

    await window.getByRole('button', { name: 'Connect a company' }).click()
    await window.getByLabel(/client company name/i).fill('Large Co Holdings')
    await window.getByRole('button', { name: 'Open Finch Connect' }).click()
    const connect = await waitForPage(app, (url) => new URL(url).pathname === '/authorize')
    await connect.locator('#continue').click()
    await connect.locator('#provider-gusto').click()
    await connect.locator('#username').fill('largeco')
    await connect.locator('#password').fill('letmein')
    await connect.locator('#sign-in').click()

    await expect(window.getByTestId('company-name')).toHaveText(largeco.company.legal_name ?? '')
    await expect(window.getByTestId('directory-row').first()).toBeVisible()
    await window.screenshot({ path: 'test-results/electron/directory.png' })

    await app.close()
    expect(existsSync(join(dataDir.path, 'window-state.json'))).toBe(true)
    if (process.platform !== 'darwin') {
      expect(existsSync(join(dataDir.path, 'logs', 'payroll-desk.log'))).toBe(true)
    }
  })
})
