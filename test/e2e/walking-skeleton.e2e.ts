/**
 * The main job once, end to end on real parts: connect a sandbox company through Finch Connect in
 * Chromium, sync it, review it; then review it again offline after a restart with Finch gone;
 * and find the token and client secret nowhere they must not be.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openDatabase } from '../../src/main/cache/open-database'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import { startSandbox } from '../../src/sandbox'
import { createScenario } from '../../src/sandbox/data'
import { makeClient, startHarness } from '../harness/start-harness'
import { connectThroughSandbox } from '../support/sandbox-connect'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'

const largeco = createScenario('largeco')

test.describe('the walking skeleton', () => {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-e2e-')

  test.afterAll(async () => {
    await clearKeychainService(keychainService)
    dataDir.remove()
  })

  test('connects largeco, shows it, shows it again offline, and leaks no secret', async ({
    page,
  }) => {
    const client = makeClient()
    const sandbox = await startSandbox({
      clients: [client],
      signingKey: randomBytes(32).toString('hex'),
    })
    let harness = await startHarness({
      dataDir: dataDir.path,
      keychainService,
      finchBaseUrl: sandbox.url,
      client,
    })

    await page.goto(harness.host.launchUrl)
    await connectThroughSandbox(page, { customerName: 'Large Co Holdings', username: 'largeco' })

    await expect(page.getByTestId('company-name')).toHaveText(largeco.company.legal_name ?? '')
    await expect(page.getByTestId('directory-row').first()).toBeVisible()
    await expect(page.getByText(`of ${largeco.directory.length}`)).toBeVisible()
    const firstRowsOnline = await page.getByTestId('directory-row').allTextContents()
    await page.screenshot({
      path: 'test-results/screenshots/skeleton-company-online.png',
      fullPage: true,
    })

    const tokens = sandbox.issuedTokens()
    expect(tokens.length).toBeGreaterThan(0)
    await sandbox.close()
    await harness.close()
    const observedOnline = harness.observed

    harness = await startHarness({
      dataDir: dataDir.path,
      keychainService,
      finchBaseUrl: sandbox.url,
      client,
    })
    await page.goto(harness.host.launchUrl)
    await page
      .getByText(largeco.company.legal_name ?? '')
      .first()
      .click()

    await expect(page.getByTestId('company-name')).toHaveText(largeco.company.legal_name ?? '')
    await expect(page.getByTestId('directory-row')).toHaveText(firstRowsOnline)

    const secrets = [client.clientSecret, ...tokens]
    const dom = await page.content()
    const storage = await page.evaluate(() => {
      // The page's Web Storage, read as the renderer would see it.
      const scope = globalThis as unknown as Record<'localStorage' | 'sessionStorage', object>
      return JSON.stringify({ ...scope.localStorage }) + JSON.stringify({ ...scope.sessionStorage })
    })
    const cookies = JSON.stringify(await page.context().cookies())
    const logs = readdirSync(join(dataDir.path, 'logs'))
      .map((f) => readFileSync(join(dataDir.path, 'logs', f), 'utf8'))
      .join('\n')
    const databaseBytes = readFileSync(harness.host.services.databaseFile).toString('latin1')
    const databaseText = await dumpDatabase(keychainService, harness.host.services.databaseFile)
    await harness.close()

    for (const secret of secrets) {
      for (const [where, text] of Object.entries({
        'IPC results and events': [...observedOnline, ...harness.observed].join('\n'),
        DOM: dom,
        'renderer storage': storage,
        cookies,
        logs,
        'database file': databaseBytes,
        'database contents': databaseText,
      })) {
        expect(text.includes(secret), `a secret was found in ${where}`).toBe(false)
      }
    }
    expect(databaseText).toContain(largeco.company.legal_name ?? '')
  })
})

/** Every row of every table of the cache, decrypted with the key from the keychain. */
async function dumpDatabase(keychainService: string, path: string): Promise<string> {
  const keyHex = await keytar.getPassword(keychainService, VAULT_ACCOUNTS.databaseKey)
  const db = openDatabase({ path, keyHex: keyHex ?? '' })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string
  }[]
  const text = tables
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()))
    .join('\n')
  db.close()
  return text
}
