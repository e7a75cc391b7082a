/**
 * Many connections per firm, end to end on real parts (the built renderer in Chromium, the back
 * end behind the browser host, the local Finch sandbox, the keychain, the encrypted cache):
 * connect two client companies, one of them with two connections; reconnect one after Finch cut
 * it off; disconnect one and purge its data. Then look for the client secret and every access
 * token the sandbox ever issued in every place the renderer or the disk could hold them.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { openDatabase } from '../../src/main/cache/open-database'
import type { KeytarApi } from '../../src/main/vault/secret-vault'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import { startSandbox } from '../../src/sandbox'
import { createScenario } from '../../src/sandbox/data'
import { makeClient, startHarness } from '../harness/start-harness'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'
import {
  decryptDatabaseFile,
  decryptWalFile,
  findInPages,
  looksLikeSqliteHeader,
} from '../unit/main/connections/sqlcipher-pages'

const largeco = createScenario('largeco')
const smallco = createScenario('smallco')
const largeName = largeco.company.legal_name ?? 'largeco'
const smallName = smallco.company.legal_name ?? 'smallco'

interface Login {
  provider: string
  username: string
}

/** Finishes the sandbox's Connect page in the pop-up the app opened. */
async function finishConnect(page: Page, open: () => Promise<void>, login: Login): Promise<void> {
  const popupOpened = page.waitForEvent('popup')
  await open()
  const connect = await popupOpened
  await connect.locator('#continue').click()
  const provider = connect.locator(`#provider-${login.provider}`)
  // A re-authentication already knows the provider and goes straight to the sign-in form.
  if (await provider.isVisible().catch(() => false)) await provider.click()
  await connect.locator('#username').fill(login.username)
  await connect.locator('#password').fill('letmein')
  await connect.locator('#sign-in').click()
}

/**
 * Asks for fewer products than the form's default. The app keeps to Finch's per-minute limits
 * for payments and pay statements across all connections, so three full first syncs in a row
 * would wait out a rate window; those products are not what this test is about.
 */
async function chooseProducts(form: Locator, keep: string[]): Promise<void> {
  const boxes = form.getByRole('group', { name: 'Products to request' }).getByRole('checkbox')
  for (const box of await boxes.all()) {
    const label = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim()
    await box.setChecked(keep.includes(label))
  }
}

const PEOPLE_PRODUCTS = ['Company', 'Directory', 'Individuals', 'Employment']

async function connectNewClient(page: Page, name: string, login: Login): Promise<void> {
  await page.getByRole('button', { name: 'Connect a company' }).click()
  await page.getByLabel(/client company name/i).fill(name)
  await chooseProducts(page.getByRole('form', { name: 'Connect a company' }), PEOPLE_PRODUCTS)
  await finishConnect(
    page,
    () => page.getByRole('button', { name: 'Open Finch Connect' }).click(),
    login,
  )
}

async function backToClients(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
}

function clientGroup(page: Page, name: string): Locator {
  return page.getByRole('region', { name })
}

function rowOf(group: Locator, companyName: string): Locator {
  return group.getByTestId('connection-row').filter({ hasText: companyName })
}

test.describe('connections of many clients', () => {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-e2e-connections-')

  test.afterAll(async () => {
    await clearKeychainService(keychainService)
    dataDir.remove()
  })

  test('connects two clients (one twice), reconnects one Finch cut off, purges one, and leaks no secret', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const client = makeClient()
    // Finch's per-minute limits would only slow three first syncs down; they are not on trial here.
    const sandbox = await startSandbox({
      clients: [client],
      signingKey: randomBytes(32).toString('hex'),
      rateLimits: false,
    })
    const harness = await startHarness({
      dataDir: dataDir.path,
      keychainService,
      finchBaseUrl: sandbox.url,
      client,
    })
    const consoleLines: string[] = []
    page.on('console', (message) => consoleLines.push(message.text()))
    const domSnapshots: string[] = []
    await page.goto(harness.host.launchUrl)

    // Two clients; Acme gets a second connection (another provider login) afterwards.
    await connectNewClient(page, 'Acme Holdings', { provider: 'gusto', username: 'largeco' })
    await expect(page.getByTestId('company-name')).toHaveText(largeName)
    await backToClients(page)
    await connectNewClient(page, 'Beta Bakery', { provider: 'gusto', username: 'smallco' })
    await expect(page.getByTestId('company-name')).toHaveText(smallName)
    await backToClients(page)
    const acme = clientGroup(page, 'Acme Holdings')
    const beta = clientGroup(page, 'Beta Bakery')
    await acme.getByRole('button', { name: 'Add another connection for Acme Holdings' }).click()
    await expect(
      acme.getByRole('heading', { name: 'Add a connection for Acme Holdings' }),
    ).toBeVisible()
    await chooseProducts(
      acme.getByRole('form', { name: 'Add a connection for Acme Holdings' }),
      PEOPLE_PRODUCTS,
    )
    await finishConnect(
      page,
      () => acme.getByRole('button', { name: 'Open Finch Connect' }).click(),
      { provider: 'paychex_flex', username: 'smallco' },
    )
    await expect(page.getByTestId('company-name')).toHaveText(smallName)
    await backToClients(page)

    await expect(page.getByTestId('client-group')).toHaveCount(2)
    await expect(acme.getByTestId('connection-row')).toHaveCount(2)
    await expect(beta.getByTestId('connection-row')).toHaveCount(1)
    // Providers by Finch's display names, never by their ids.
    await expect(rowOf(acme, largeName).getByRole('cell').first()).toHaveText('Gusto')
    await expect(
      acme.getByTestId('connection-row').filter({ hasText: 'Paychex Flex' }),
    ).toHaveCount(1)
    await expect(acme).not.toContainText(/gusto|paychex_flex/)
    await expect(acme.getByTestId('connection-freshness')).toHaveText(['Up to date', 'Up to date'])
    await expect(rowOf(acme, largeName)).toContainText(String(largeco.directory.length))
    domSnapshots.push(await page.content())
    await page.screenshot({
      path: 'test-results/screenshots/connections-two-clients.png',
      fullPage: true,
    })

    // Finch cuts Beta off; a sync finds out; its cached data stays readable; Reconnect fixes it.
    const betaId = (await beta.getByTestId('connection-row').getAttribute('data-connection-id'))!
    const betaTokenBefore = await keytar.getPassword(
      keychainService,
      VAULT_ACCOUNTS.connectionToken(betaId),
    )
    sandbox.revokeConnection(betaId)
    await beta.getByRole('button', { name: smallName, exact: true }).click()
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect(page.getByText(/needs to be reconnected/).first()).toBeVisible()
    await expect(page.getByTestId('company-name')).toHaveText(smallName)
    domSnapshots.push(await page.content())
    await backToClients(page)
    await expect(beta.getByTestId('connection-row')).toHaveAttribute(
      'data-status',
      'needs_reauthentication',
    )
    await expect(beta.getByTestId('connection-row')).toContainText('Needs reconnecting')
    await finishConnect(
      page,
      () => beta.getByRole('button', { name: `Reconnect ${smallName}`, exact: true }).click(),
      { provider: 'gusto', username: 'smallco' },
    )
    await expect(beta.getByTestId('connection-row')).toHaveAttribute('data-status', 'connected')
    await expect(beta.getByTestId('connection-row')).toHaveAttribute('data-connection-id', betaId)
    const betaTokenAfter = await keytar.getPassword(
      keychainService,
      VAULT_ACCOUNTS.connectionToken(betaId),
    )
    expect(betaTokenAfter).toBeTruthy()
    expect(betaTokenAfter).not.toBe(betaTokenBefore)
    await expect(page.getByTestId('connect-pending')).toHaveCount(0)

    // Disconnect Beta but keep its data: readable, plainly no longer synced, and not syncable.
    await beta.getByRole('button', { name: `Disconnect ${smallName}` }).click()
    const keepDialog = page.getByRole('dialog', { name: `Disconnect ${smallName}?` })
    // Names the connection beyond its company name, which two connections may share.
    await expect(keepDialog.getByTestId('disconnect-subject')).toHaveText(
      /^Through .+, connected .+, last synced .+\.$/,
    )
    await keepDialog.getByLabel('Keep it on this computer for review (read-only)').check()
    await keepDialog.getByRole('button', { name: 'Disconnect', exact: true }).click()
    await expect(beta.getByTestId('connection-row')).toHaveAttribute('data-status', 'disconnected')
    await expect(beta.getByTestId('connection-freshness')).toHaveText('No longer synced')
    await beta.getByRole('button', { name: smallName, exact: true }).click()
    await expect(page.getByTestId('sync-status')).toContainText('Disconnected: the data kept here')
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0)
    await expect(page.getByTestId('company-name')).toHaveText(smallName)
    await backToClients(page)

    // Disconnect Acme's largeco connection and delete its data.
    const largeId = (await rowOf(acme, largeName).getAttribute('data-connection-id'))!
    await rowOf(acme, largeName)
      .getByRole('button', { name: `Disconnect ${largeName}` })
      .click()
    const dialog = page.getByRole('dialog', { name: `Disconnect ${largeName}?` })
    await dialog.getByLabel('Delete it from this computer').check()
    await dialog.getByRole('button', { name: 'Disconnect and delete data' }).click()
    await expect(page.getByTestId('clients-notice')).toContainText(
      'its cached data was deleted from this computer',
    )
    await expect(acme.getByTestId('connection-row')).toHaveCount(1)
    await expect(page.getByTestId('connection-row').filter({ hasText: largeName })).toHaveCount(0)
    // Beta's and largeco's.
    expect(sandbox.requestLog().filter((entry) => entry.path === '/disconnect')).toHaveLength(2)
    expect(
      await keytar.getPassword(keychainService, VAULT_ACCOUNTS.connectionToken(largeId)),
    ).toBeNull()
    domSnapshots.push(await page.content())

    // An export of the remaining data, fetched as the page would download it.
    const acmeSmallId = (await acme
      .getByTestId('connection-row')
      .getAttribute('data-connection-id'))!
    const exportText = await page.evaluate(async (connectionId) => {
      const bridge = (
        globalThis as unknown as {
          payrollDesk: {
            invoke(
              c: string,
              a: unknown,
            ): Promise<{ ok: boolean; value?: { downloadPath?: string } }>
          }
        }
      ).payrollDesk
      const answer = await bridge.invoke('export.table', {
        table: 'directory',
        connectionId,
        format: 'csv',
        unmasked: true,
      })
      if (!answer.ok || !answer.value?.downloadPath) return JSON.stringify(answer)
      return (await fetch(answer.value.downloadPath)).text()
    }, acmeSmallId)
    expect(exportText).toContain(smallco.directory[0]?.last_name ?? '')

    const storage = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<'localStorage' | 'sessionStorage', object>
      return JSON.stringify({ ...scope.localStorage }) + JSON.stringify({ ...scope.sessionStorage })
    })
    const cookies = JSON.stringify(await page.context().cookies())
    const tokens = sandbox.issuedTokens()
    expect(tokens.length).toBeGreaterThanOrEqual(4)
    const databaseFile = harness.host.services.databaseFile
    await harness.close()
    await sandbox.close()

    const keyHex = (await keytar.getPassword(keychainService, VAULT_ACCOUNTS.databaseKey))!
    const pages = decryptDatabaseFile(readFileSync(databaseFile), keyHex)
    const walFile = `${databaseFile}-wal`
    const walPages = existsSync(walFile) ? decryptWalFile(readFileSync(walFile), keyHex) : []
    expect(looksLikeSqliteHeader(pages[0]!)).toBe(true)
    const databaseRows = dumpDatabase(databaseFile, keyHex)

    // The purge: no row names the connection, and no page holds its company or people.
    expect(databaseRows).not.toContain(largeId)
    expect(databaseRows).toContain(smallName)
    const largeOnly = largeco.directory.map((person) => person.id)
    expect(findInPages([...pages, ...walPages], [largeName, largeId, ...largeOnly])).toEqual([])

    const places: Record<string, string> = {
      'IPC results and events': harness.observed.join('\n'),
      DOM: [...domSnapshots, await page.content()].join('\n'),
      'renderer storage': storage,
      cookies,
      'console messages': consoleLines.join('\n'),
      logs: filesUnder(join(dataDir.path, 'logs')),
      'other files in the data folder': filesUnder(dataDir.path, [databaseFile, walFile]),
      'database pages': [...pages, ...walPages].map((p) => p.toString('latin1')).join(''),
      'database rows': databaseRows,
      export: exportText,
    }
    for (const secret of [client.clientSecret, ...tokens]) {
      for (const [where, text] of Object.entries(places)) {
        expect(text.includes(secret), `a secret was found in ${where}`).toBe(false)
      }
    }
    // Error texts the renderer received went through IPC; these were among them.
    expect(places['IPC results and events']).toContain('finch_reauthenticate')
  })

  test('says the keychain is locked, stores nothing, and connects once it is unlocked', async ({
    page,
  }) => {
    const client = makeClient()
    const sandbox = await startSandbox({ clients: [client] })
    let locked = false
    const lockable: KeytarApi = {
      getPassword: (service, account) =>
        locked ? Promise.resolve(null) : keytar.getPassword(service, account),
      setPassword: (service, account, password) =>
        locked
          ? Promise.reject(new Error('Cannot create an item in a locked collection'))
          : keytar.setPassword(service, account, password),
      deletePassword: (service, account) =>
        locked ? Promise.resolve(false) : keytar.deletePassword(service, account),
    }
    const lockedDir = makeTempDir('payroll-desk-e2e-locked-')
    const service = testKeychainService()
    const harness = await startHarness({
      dataDir: lockedDir.path,
      keychainService: service,
      finchBaseUrl: sandbox.url,
      client,
      host: { keytar: lockable },
    })
    try {
      await page.goto(harness.host.launchUrl)
      locked = true

      await page.getByRole('button', { name: 'Connect a company' }).click()
      await page.getByLabel(/client company name/i).fill('Locked Co')
      await page.getByRole('button', { name: 'Open Finch Connect' }).click()

      const failure = page.getByTestId('connect-failure')
      await expect(failure).toHaveAttribute('data-code', 'keychain_locked')
      await expect(failure).toContainText('The system keychain is locked. Unlock it')
      await expect(page.getByTestId('clients-empty')).toBeVisible()
      expect(sandbox.requestLog().filter((e) => e.path.startsWith('/connect'))).toEqual([])
      expect(
        (await keytar.findCredentials(service)).filter((c) => c.account.startsWith('connection')),
      ).toEqual([])

      locked = false
      await finishConnect(page, () => page.getByRole('button', { name: 'Try again' }).click(), {
        provider: 'gusto',
        username: 'smallco',
      })
      await expect(page.getByTestId('company-name')).toHaveText(smallName)
    } finally {
      await harness.close()
      await sandbox.close()
      await clearKeychainService(service)
      lockedDir.remove()
    }
  })

  test('shows an invalid machine policy where the accountant works, and connects nothing', async ({
    page,
  }) => {
    const client = makeClient()
    const sandbox = await startSandbox({ clients: [client] })
    const policyDir = makeTempDir('payroll-desk-e2e-policy-')
    const policyFile = join(policyDir.path, 'policy.json')
    writeFileSync(
      policyFile,
      JSON.stringify({ clientId: 'firm', finchBaseUrl: 'http://finch.example.com' }),
    )
    const service = testKeychainService()
    const harness = await startHarness({
      dataDir: policyDir.path,
      keychainService: service,
      finchBaseUrl: sandbox.url,
      client,
      host: { policyFile },
    })
    try {
      await page.goto(harness.host.launchUrl)

      await expect(page.getByTestId('policy-problem')).toContainText('is not valid: finchBaseUrl')
      await page.getByRole('button', { name: 'Connect a company' }).click()
      await page.getByLabel(/client company name/i).fill('Policy Co')
      await page.getByRole('button', { name: 'Open Finch Connect' }).click()
      await expect(page.getByTestId('connect-failure')).toHaveAttribute(
        'data-code',
        'policy_invalid',
      )
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: 'Settings' })
        .click()
      await expect(page.getByTestId('policy-problem')).toContainText(policyFile)
      expect(readFileSync(policyFile, 'utf8')).toContain('http://finch.example.com')
      expect(sandbox.requestLog()).toEqual([])
    } finally {
      await harness.close()
      await sandbox.close()
      await clearKeychainService(service)
      policyDir.remove()
    }
  })

  test('shows the settings a valid policy manages as read-only, and never the client secret', async ({
    page,
  }) => {
    const client = makeClient()
    const sandbox = await startSandbox({ clients: [client] })
    const policyDir = makeTempDir('payroll-desk-e2e-policy-')
    const policyFile = join(policyDir.path, 'policy.json')
    writeFileSync(
      policyFile,
      JSON.stringify({ clientId: client.clientId, browserCallbackPort: 53682 }),
    )
    const service = testKeychainService()
    const harness = await startHarness({
      dataDir: policyDir.path,
      keychainService: service,
      finchBaseUrl: sandbox.url,
      client,
      host: { policyFile },
    })
    try {
      await page.goto(harness.host.launchUrl)
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: 'Settings' })
        .click()

      await expect(page.getByTestId('policy-applied')).toBeVisible()
      await expect(page.getByLabel('Client ID')).toHaveAttribute('readonly', '')
      await expect(page.getByLabel('Client ID')).toHaveValue(client.clientId)
      await expect(page.getByLabel('Browser callback port')).toHaveValue('53682')
      await expect(page.getByLabel('Client secret')).toHaveValue('')
      await expect(page.getByTestId('client-secret-state')).toContainText(
        'A client secret is stored',
      )

      await page.getByRole('button', { name: 'Remove the stored client secret' }).click()
      await expect(page.getByTestId('client-secret-state')).toHaveText(
        'No client secret is stored yet.',
      )
      expect(await keytar.getPassword(service, VAULT_ACCOUNTS.clientSecret)).toBeNull()
      expect(harness.observed.join('\n')).not.toContain(client.clientSecret)
      expect(await page.content()).not.toContain(client.clientSecret)
    } finally {
      await harness.close()
      await sandbox.close()
      await clearKeychainService(service)
      policyDir.remove()
    }
  })
})

test.describe('stopping a connect or a sync part way', () => {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-e2e-stopping-')

  test.afterAll(async () => {
    await clearKeychainService(keychainService)
    dataDir.remove()
  })

  test('ends the attempt when the Connect pop-up is closed, stores nothing, and connects next time', async ({
    page,
  }) => {
    const client = makeClient()
    const sandbox = await startSandbox({ clients: [client], rateLimits: false })
    const harness = await startHarness({
      dataDir: join(dataDir.path, 'closed'),
      keychainService,
      finchBaseUrl: sandbox.url,
      client,
    })
    try {
      await page.goto(harness.host.launchUrl)
      await page.getByRole('button', { name: 'Connect a company' }).click()
      await page.getByLabel(/client company name/i).fill('Closed Co')
      const popupOpened = page.waitForEvent('popup')
      await page.getByRole('button', { name: 'Open Finch Connect' }).click()
      const connect = await popupOpened
      await connect.locator('#continue').click()

      await connect.close()

      const failure = page.getByTestId('connect-failure')
      await expect(failure).toHaveAttribute('data-code', 'connect_cancelled')
      await expect(failure).toContainText(
        'Finch Connect was closed before the company was connected',
      )
      await expect(page.getByTestId('connect-pending')).toHaveCount(0)
      await expect(page.getByRole('form', { name: 'Connect a company' })).toBeVisible()
      expect(
        (await keytar.findCredentials(keychainService)).filter((c) =>
          c.account.startsWith('connection-token:'),
        ),
      ).toEqual([])
      expect(sandbox.requestLog().filter((e) => e.path === '/auth/token')).toEqual([])

      // Main let the attempt go: the next one starts at once and finishes.
      await chooseProducts(page.getByRole('form', { name: 'Connect a company' }), PEOPLE_PRODUCTS)
      await finishConnect(
        page,
        () => page.getByRole('button', { name: 'Open Finch Connect' }).click(),
        { provider: 'gusto', username: 'smallco' },
      )
      await expect(page.getByTestId('company-name')).toHaveText(smallName)
    } finally {
      await harness.close()
      await sandbox.close()
    }
  })

  test('cancels a sync on request, keeps the previous data, and says so apart from a failure', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const client = makeClient()
    const sandbox = await startSandbox({ clients: [client], rateLimits: false })
    const harness = await startHarness({
      dataDir: join(dataDir.path, 'cancelled'),
      keychainService,
      finchBaseUrl: sandbox.url,
      client,
    })
    try {
      await page.goto(harness.host.launchUrl)
      await connectNewClient(page, 'Gamma Co', { provider: 'gusto', username: 'smallco' })
      await expect(page.getByTestId('company-name')).toHaveText(smallName)
      const people = await page.getByTestId('directory-row').count()
      const lastSynced = await page.getByTestId('sync-status').textContent()
      // Slow Finch's data answers down, so the sync is still running when Cancel is pressed.
      sandbox.setFaults({ paths: ['/employer'], latencyMs: 1_500 })

      await page.getByRole('button', { name: 'Sync now' }).click()
      await page.getByRole('button', { name: 'Cancel sync' }).click()

      const outcome = page.getByTestId('sync-outcome')
      await expect(outcome).toHaveText('Sync cancelled — previous data kept')
      await expect(outcome).toHaveAttribute('data-code', 'sync_cancelled')
      await expect(page.getByRole('button', { name: 'Sync now' })).toBeFocused()
      await expect(page.getByTestId('sync-status')).toHaveText(lastSynced!)
      await expect(page.getByTestId('directory-row')).toHaveCount(people)
      await backToClients(page)
      const gamma = clientGroup(page, 'Gamma Co')
      await expect(gamma.getByTestId('connection-row')).not.toContainText('The last sync failed')

      // The first sync after a connect can be cancelled from the strip that follows it too.
      await gamma.getByRole('button', { name: 'Add another connection for Gamma Co' }).click()
      await chooseProducts(
        gamma.getByRole('form', { name: 'Add a connection for Gamma Co' }),
        PEOPLE_PRODUCTS,
      )
      await finishConnect(
        page,
        () => gamma.getByRole('button', { name: 'Open Finch Connect' }).click(),
        { provider: 'paychex_flex', username: 'smallco' },
      )
      await page
        .getByRole('region', { name: 'First sync' })
        .getByRole('button', { name: 'Cancel sync' })
        .click()

      const failure = page.getByTestId('connect-failure')
      await expect(failure).toHaveAttribute('data-code', 'sync_cancelled')
      await expect(failure).toContainText('Sync cancelled')
      await expect(gamma.getByTestId('connection-row')).toHaveCount(2)
    } finally {
      await harness.close()
      await sandbox.close()
    }
  })
})

/** Every row of every table, decrypted with the key. */
function dumpDatabase(path: string, keyHex: string): string {
  const db = openDatabase({ path, keyHex })
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
    )
    .all() as { name: string }[]
  const text = tables
    .map((t) => {
      try {
        return JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())
      } catch {
        return ''
      }
    })
    .join('\n')
  db.close()
  return text
}

/** The text of every file under a folder (recursively), except the ones named. */
function filesUnder(folder: string, except: string[] = []): string {
  if (!existsSync(folder)) return ''
  return readdirSync(folder)
    .map((name) => join(folder, name))
    .filter((path) => !except.includes(path))
    .map((path) =>
      statSync(path).isDirectory() ? filesUnder(path, except) : readFileSync(path, 'latin1'),
    )
    .join('\n')
}
