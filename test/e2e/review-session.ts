/**
 * What the review and accessibility suites share: a sandbox and a browser host of their own, a
 * company connected through the sandbox's Connect page as a person would, and readers that open
 * an exported file the way an accountant's spreadsheet would.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import type { Harness } from '../harness/start-harness'
import { makeClient, startHarness } from '../harness/start-harness'
import { connectThroughSandbox } from '../support/sandbox-connect'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, testKeychainService } from '../support/test-keychain'

export { readSpreadsheet } from '../support/read-spreadsheet'

export interface ReviewSession {
  sandbox: RunningSandbox
  harness: Harness
  close(): Promise<void>
}

export async function startReviewSession(): Promise<ReviewSession> {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-review-')
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
  return {
    sandbox,
    harness,
    async close() {
      await harness.close()
      await sandbox.close().catch(() => undefined)
      await clearKeychainService(keychainService)
      dataDir.remove()
    },
  }
}

/** Connects a sandbox company by its login and waits until its page shows the synced people. */
export async function connectCompany(
  page: Page,
  customerName: string,
  username: string,
): Promise<void> {
  await connectThroughSandbox(page, { customerName, username })
  await expect(page.getByTestId('directory-row').first()).toBeVisible({ timeout: 60_000 })
}

/** Goes to the Clients view and opens the company whose row names `name`. */
export async function openCompany(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
  // The row's name button opens the company; a client's own heading may carry the same words.
  await page
    .getByTestId('connection-row')
    .filter({ hasText: name })
    .first()
    .locator('th button')
    .click()
  await expect(page.getByTestId('directory-row').first()).toBeVisible()
}

/** Clicks an export button and returns the file the browser downloaded. */
export async function downloadExport(
  page: Page,
  /** The export buttons' group, such as `Export people` or `Export pay statement`. */
  group: string,
  format: 'CSV' | 'Excel',
): Promise<{ download: Download; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download')
  await page
    .getByRole('group', { name: group })
    .getByRole('button', { name: `Export ${format}` })
    .click()
  const download = await downloaded
  const path = await download.path()
  return { download, bytes: readFileSync(path) }
}
