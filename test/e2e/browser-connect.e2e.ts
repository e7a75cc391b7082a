/**
 * "Connect in my browser", end to end: the app creates the Connect session with a loopback
 * redirect URI and hands Connect's URL to `openExternal`. Here that is a double that records the
 * URL; the test opens it in a separate Chromium context (the "system browser", with its own
 * cookies), finishes the sandbox's Connect page there, and Connect's redirect reaches the app's
 * one-shot listener on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import type { Browser, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { createScenario } from '../../src/sandbox/data'
import type { Harness } from '../harness/start-harness'
import { makeClient, startHarness } from '../harness/start-harness'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'

const smallName = createScenario('smallco').company.legal_name ?? 'smallco'

interface Running {
  sandbox: RunningSandbox
  harness: Harness
  client: { clientId: string; clientSecret: string }
  keychainService: string
  /** Every URL the app asked the system browser to open. */
  opened: string[]
  stop(): Promise<void>
}

async function start(): Promise<Running> {
  const client = makeClient()
  const sandbox = await startSandbox({
    clients: [client],
    signingKey: randomBytes(32).toString('hex'),
  })
  const dataDir = makeTempDir('payroll-desk-e2e-browser-')
  const keychainService = testKeychainService()
  const opened: string[] = []
  const harness = await startHarness({
    dataDir: dataDir.path,
    keychainService,
    finchBaseUrl: sandbox.url,
    client,
    host: {
      openExternal: async (url) => {
        opened.push(url)
      },
    },
  })
  return {
    sandbox,
    harness,
    client,
    keychainService,
    opened,
    async stop() {
      await harness.close()
      await sandbox.close()
      await clearKeychainService(keychainService)
      dataDir.remove()
    },
  }
}

async function startConnectInBrowser(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect a company' }).click()
  await page.getByLabel(/client company name/i).fill(name)
  await page.getByLabel('In my web browser').check()
  await page.getByRole('button', { name: 'Open Finch Connect' }).click()
}

/** A tab of "the system browser": another browser context, sharing nothing with the app's page. */
async function systemBrowserTab(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

async function signIn(tab: Page): Promise<void> {
  await tab.locator('#continue').click()
  await tab.locator('#provider-gusto').click()
  await tab.locator('#username').fill('smallco')
  await tab.locator('#password').fill('letmein')
  await tab.locator('#sign-in').click()
}

async function setCallbackPort(page: Page, port: number): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByLabel('Browser callback port').fill(String(port))
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
}

async function canBind(port: number): Promise<boolean> {
  const probe = createServer()
  return new Promise<boolean>((resolve) => {
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

async function storedTokens(keychainService: string): Promise<string[]> {
  return (await keytar.findCredentials(keychainService))
    .map((entry) => entry.account)
    .filter((account) => account.startsWith('connection-token:'))
}

test.describe('connecting in the system browser', () => {
  test('finishes a connection through the loopback listener, and takes its callback only once', async ({
    page,
    browser,
  }) => {
    const app = await start()
    try {
      await page.goto(app.harness.host.launchUrl)

      await startConnectInBrowser(page, 'Small Co')
      await expect(page.getByTestId('connect-pending')).toContainText('in your web browser')
      // A closed browser tab never reaches the loopback listener: the page says so.
      await expect(page.getByTestId('connect-browser-hint')).toContainText(
        'This app cannot tell if you close that tab',
      )
      await expect(page.getByTestId('connect-browser-hint')).toContainText('after 15 minutes')
      await expect(
        page.getByRole('region', { name: 'Connecting a company' }).getByRole('button', {
          name: 'Cancel',
        }),
      ).toHaveClass(/button-primary/)
      await expect.poll(() => app.opened.length).toBe(1)
      const tab = await systemBrowserTab(browser)
      await tab.goto(app.opened[0]!)
      await signIn(tab)

      await expect(tab.getByRole('heading', { name: 'Return to Payroll Desk' })).toBeVisible()
      const callback = new URL(tab.url())
      expect(callback.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(callback.pathname).toBe('/callback')
      await expect(page.getByTestId('company-name')).toHaveText(smallName)
      const again = await tab.reload().then(
        () => 'answered',
        () => 'refused',
      )
      expect(again).toBe('refused')
      expect(await canBind(Number(callback.port))).toBe(true)
      expect(await storedTokens(app.keychainService)).toHaveLength(1)
      expect(app.sandbox.requestLog().filter((e) => e.path === '/auth/token')).toHaveLength(1)
      const secrets = [app.client.clientSecret, ...app.sandbox.issuedTokens()]
      for (const secret of secrets) {
        expect(app.harness.observed.join('\n')).not.toContain(secret)
        expect(await page.content()).not.toContain(secret)
      }
      await tab.context().close()
    } finally {
      await app.stop()
    }
  })

  test('refuses a callback with another state without ending the attempt; after Cancel refuses every callback; nothing stored; port released', async ({
    page,
    browser,
  }) => {
    const app = await start()
    try {
      const port = await freePort()
      await page.goto(app.harness.host.launchUrl)
      await setCallbackPort(page, port)

      await startConnectInBrowser(page, 'Small Co')
      await expect.poll(() => app.opened.length).toBe(1)
      const tab = await systemBrowserTab(browser)
      const forged = await tab.goto(`http://127.0.0.1:${port}/callback?code=forged&state=guessed`)
      expect(forged?.status()).toBe(400)
      await expect(tab.getByRole('heading', { name: 'Not accepted' })).toBeVisible()
      await expect(page.getByTestId('connect-pending')).toBeVisible()

      await page.getByRole('button', { name: 'Cancel' }).click()
      await expect(page.getByTestId('connect-failure')).toHaveAttribute(
        'data-code',
        'connect_cancelled',
      )
      await tab.goto(app.opened[0]!)
      const lateCallback = tab.waitForEvent('requestfailed', (request) =>
        request.url().startsWith(`http://127.0.0.1:${port}/callback?`),
      )
      await signIn(tab).catch(() => undefined)
      expect((await lateCallback).failure()?.errorText).toBe('net::ERR_CONNECTION_REFUSED')

      expect(await canBind(port)).toBe(true)
      await expect(page.getByTestId('clients-empty')).toBeVisible()
      expect(await storedTokens(app.keychainService)).toEqual([])
      expect(app.sandbox.requestLog().filter((e) => e.path === '/auth/token')).toEqual([])
      await tab.context().close()
    } finally {
      await app.stop()
    }
  })

  test('says the port is busy, stores nothing, and goes ahead once it is free', async ({
    page,
  }) => {
    const app = await start()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      await page.goto(app.harness.host.launchUrl)
      await setCallbackPort(page, port)

      await startConnectInBrowser(page, 'Small Co')
      const failure = page.getByTestId('connect-failure')
      await expect(failure).toHaveAttribute('data-code', 'connect_port_busy')
      await expect(failure).toContainText(`Port ${port} on this computer is already in use`)
      expect(app.opened).toEqual([])
      expect(app.sandbox.requestLog().filter((e) => e.path === '/connect/sessions')).toEqual([])
      expect(await storedTokens(app.keychainService)).toEqual([])

      await new Promise<void>((resolve) => blocker.close(() => resolve()))
      await page.getByRole('button', { name: 'Try again' }).click()
      await expect.poll(() => app.opened.length).toBe(1)
      expect(await canBind(port)).toBe(false)
      await page.getByRole('button', { name: 'Cancel' }).click()
      await expect(failure).toHaveAttribute('data-code', 'connect_cancelled')
      expect(await canBind(port)).toBe(true)
    } finally {
      if (blocker.listening) blocker.close()
      await app.stop()
    }
  })

  test('explains a refused callback port by the field’s label, never its internal name', async ({
    page,
  }) => {
    const app = await start()
    try {
      await page.goto(app.harness.host.launchUrl)
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: 'Settings' })
        .click()

      await page.getByLabel('Browser callback port').fill('80')
      await page.getByRole('button', { name: 'Save' }).click()

      const alert = page.getByRole('alert')
      await expect(alert).toHaveText(
        'Browser callback port: must be between 1024 and 65535, or blank for any free port',
      )
      await expect(alert).not.toContainText('browserCallbackPort')
      await expect(page.getByLabel('Browser callback port')).toHaveAttribute('aria-invalid', 'true')
    } finally {
      await app.stop()
    }
  })

  test('keeps the token only in the keychain: the stored one is the one Finch issued', async ({
    page,
    browser,
  }) => {
    const app = await start()
    try {
      await page.goto(app.harness.host.launchUrl)
      await startConnectInBrowser(page, 'Small Co')
      await expect.poll(() => app.opened.length).toBe(1)
      const tab = await systemBrowserTab(browser)
      await tab.goto(app.opened[0]!)
      await signIn(tab)
      await expect(page.getByTestId('company-name')).toHaveText(smallName)

      const [account] = await storedTokens(app.keychainService)
      const token = await keytar.getPassword(app.keychainService, account!)
      expect(account!.startsWith(VAULT_ACCOUNTS.connectionToken(''))).toBe(true)
      expect(app.sandbox.issuedTokens()).toEqual([token])
      expect(await tab.content()).not.toContain(token!)
      await tab.context().close()
    } finally {
      await app.stop()
    }
  })
})
