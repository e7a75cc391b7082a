/**
 * The local sandbox's Finch Connect pages in a real Chromium: consent, providers, sign-in errors,
 * Cancel, the OAuth provider's pop-up, and broken links. The app's redirect URI is a small
 * loopback server that records where Connect sent the browser. Needs no app build.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { expect, type Page, test } from '@playwright/test'

import { type RunningSandbox, startSandbox } from '../../src/sandbox'

const CLIENT = { clientId: 'connect-page-e2e', clientSecret: 'sandbox-secret-connect-page-e2e' }

/** Stands in for the app's redirect URI: answers a plain page and remembers each visit. */
interface RedirectReceiver {
  readonly uri: string
  readonly visits: URL[]
  close(): Promise<void>
}

async function startRedirectReceiver(): Promise<RedirectReceiver> {
  const visits: URL[] = []
  const server: Server = createServer((request, response) => {
    visits.push(new URL(request.url ?? '/', 'http://127.0.0.1'))
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Back in the app</title><p id="back">Back in the app</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    uri: `http://127.0.0.1:${port}/finch/callback`,
    visits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function createSession(
  sandbox: RunningSandbox,
  redirectUri: string,
  products: string[] = ['company', 'directory', 'payment', 'pay_statement'],
): Promise<string> {
  const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')
  const response = await fetch(`${sandbox.url}/connect/sessions`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Finch-API-Version': '2020-09-17',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      customer_id: 'e2e-customer',
      customer_name: 'Juniper Lane Bakery',
      products,
      redirect_uri: redirectUri,
    }),
  })
  const { connect_url } = (await response.json()) as { connect_url: string }
  return connect_url
}

async function exchangeCode(sandbox: RunningSandbox, code: string, redirectUri: string) {
  const response = await fetch(`${sandbox.url}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      code,
      redirect_uri: redirectUri,
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Console errors and uncaught exceptions, CSP violations included; a clean page has none. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test.describe('the sandbox’s Connect pages in Chromium', () => {
  let sandbox: RunningSandbox
  let receiver: RedirectReceiver

  test.beforeEach(async () => {
    sandbox = await startSandbox({ clients: [CLIENT], rateLimits: false })
    receiver = await startRedirectReceiver()
  })
  test.afterEach(async () => {
    await sandbox.close()
    await receiver.close()
  })

  test('asks consent for the products the app requested', async ({ page }) => {
    const errors = watchForErrors(page)
    const connectUrl = await createSession(sandbox, receiver.uri, ['company', 'ssn'])

    await page.goto(`${connectUrl}&state=consent-1`)

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Connect the payroll system of Juniper Lane Bakery',
    )
    await expect(page.locator('#products li')).toHaveText([
      'Company details: legal name, EIN, locations, bank accounts',
      'Social Security Numbers',
    ])
    await expect(page.locator('#continue')).toBeVisible()
    await expect(page.locator('#cancel')).toBeVisible()
    expect(errors).toEqual([])
  })

  test('lists the sandbox providers to choose from', async ({ page }) => {
    await page.goto(await createSession(sandbox, receiver.uri))

    await page.locator('#continue').click()

    await expect(page.locator('.providers button')).toHaveText([
      'Gusto (sandbox)',
      'ADP Workforce Now (sandbox)',
      'Paychex Flex (sandbox)',
      'Bamboo OAuth (sandbox)',
    ])
  })

  test('shows an error for a wrong password and keeps the username', async ({ page }) => {
    await page.goto(await createSession(sandbox, receiver.uri))
    await page.locator('#continue').click()
    await page.locator('#provider-gusto').click()

    await page.locator('#username').fill('smallco')
    await page.locator('#password').fill('guess')
    await page.locator('#sign-in').click()

    await expect(page.locator('#login-error')).toHaveText('The username or password is incorrect.')
    await expect(page.locator('#username')).toHaveValue('smallco')
    expect(receiver.visits).toEqual([])
  })

  test('signs in with a password and sends the browser back with a code', async ({ page }) => {
    const errors = watchForErrors(page)
    await page.goto(`${await createSession(sandbox, receiver.uri)}&state=s-password`)
    await page.locator('#continue').click()
    await page.locator('#provider-gusto').click()

    await page.locator('#username').fill('largeco')
    await page.locator('#password').fill('letmein')
    await page.locator('#sign-in').click()

    await expect(page.locator('#back')).toBeVisible()
    const back = new URL(page.url())
    expect(`${back.origin}${back.pathname}`).toBe(receiver.uri)
    expect(back.searchParams.get('state')).toBe('s-password')
    const token = await exchangeCode(sandbox, back.searchParams.get('code') ?? '', receiver.uri)
    expect(token.status).toBe(200)
    expect(token.body.provider_id).toBe('gusto')
    expect(errors).toEqual([])
  })

  for (const step of ['consent', 'providers', 'sign-in'] as const) {
    test(`sends Cancel on the ${step} step back to the app with error=access_denied`, async ({
      page,
    }) => {
      const errors = watchForErrors(page)
      await page.goto(`${await createSession(sandbox, receiver.uri)}&state=s-cancel`)
      if (step !== 'consent') await page.locator('#continue').click()
      if (step === 'sign-in') await page.locator('#provider-paychex_flex').click()

      await page.locator('#cancel').click()

      await expect(page.locator('#back')).toBeVisible()
      const back = new URL(page.url())
      expect(back.searchParams.get('error')).toBe('access_denied')
      expect(back.searchParams.get('error_description')).toBeTruthy()
      expect(back.searchParams.get('state')).toBe('s-cancel')
      expect(back.searchParams.has('code')).toBe(false)
      expect(errors).toEqual([])
    })
  }

  test('signs in through the Bamboo OAuth pop-up and comes back with a code', async ({ page }) => {
    const errors = watchForErrors(page)
    await page.goto(`${await createSession(sandbox, receiver.uri)}&state=s-oauth`)
    await page.locator('#continue').click()
    await page.locator('#provider-bamboo_hr').click()

    const popUpOpened = page.waitForEvent('popup')
    await page.locator('#oauth-sign-in').click()
    const popUp = await popUpOpened
    const popUpErrors = watchForErrors(popUp)
    await expect(page.locator('#oauth-status')).toContainText('Waiting for you to sign in')
    await expect(popUp.getByRole('heading', { level: 1 })).toHaveText('Bamboo OAuth (sandbox)')
    await popUp.locator('#username').fill('smallco')
    await popUp.locator('#password').fill('letmein')
    const popUpClosed = popUp.waitForEvent('close')
    await popUp.locator('#authorize').click()
    await popUpClosed

    await expect(page.locator('#back')).toBeVisible()
    const back = new URL(page.url())
    expect(back.searchParams.get('state')).toBe('s-oauth')
    const token = await exchangeCode(sandbox, back.searchParams.get('code') ?? '', receiver.uri)
    expect(token.status).toBe(200)
    expect(token.body.provider_id).toBe('bamboo_hr')
    expect([...errors, ...popUpErrors]).toEqual([])
  })

  test('shows an error in the OAuth pop-up for a wrong password', async ({ page }) => {
    await page.goto(await createSession(sandbox, receiver.uri))
    await page.locator('#continue').click()
    await page.locator('#provider-bamboo_hr').click()
    const popUpOpened = page.waitForEvent('popup')
    await page.locator('#oauth-sign-in').click()
    const popUp = await popUpOpened

    await popUp.locator('#username').fill('smallco')
    await popUp.locator('#password').fill('guess')
    await popUp.locator('#authorize').click()

    await expect(popUp.locator('#login-error')).toHaveText('The username or password is incorrect.')
    expect(popUp.isClosed()).toBe(false)
    expect(receiver.visits).toEqual([])
  })

  test('answers a session id it does not know with an error page', async ({ page }) => {
    const response = await page.goto(`${sandbox.url}/authorize?session=sess_not-a-session`)

    expect(response?.status()).toBe(404)
    await expect(page.locator('#connect-error')).toHaveText(
      'This Connect link is not valid. Ask the application for a new one.',
    )
    await expect(page.locator('#continue')).toHaveCount(0)
  })
})
