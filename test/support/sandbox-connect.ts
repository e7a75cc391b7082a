/**
 * Connects a company through the app's Connect form and the local sandbox's Finch Connect pages,
 * as an accountant and an employer would: the form, the popup, the provider, the sign-in. The
 * end-to-end suites and the UI benchmarks share it; each waits afterwards for what it needs.
 */
import type { Page } from '@playwright/test'

/** The product checkboxes of the Connect form, by their labels. */
export type ConnectProduct =
  | 'Company'
  | 'Directory'
  | 'Individuals'
  | 'SSNs'
  | 'Employment'
  | 'Payments'
  | 'Pay statements'
  | 'Benefits'

export interface SandboxConnect {
  /** What the accountant calls the client on the Connect form. */
  customerName: string
  /** A sandbox login: a scenario's name, or `scale-<people>-<runs>`. */
  username: string
  /** Products to untick on the Connect form; the rest stay as the form offers them. */
  withoutProducts?: readonly ConnectProduct[]
  /** Opens the Connect form from the Clients view first, wherever the page is. */
  fromClients?: boolean
}

export async function connectThroughSandbox(page: Page, options: SandboxConnect): Promise<void> {
  if (options.fromClients) {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Clients' })
      .click()
  }
  await page.getByRole('button', { name: 'Connect a company' }).click()
  await page.getByLabel(/client company name/i).fill(options.customerName)
  for (const product of options.withoutProducts ?? []) {
    await page.getByLabel(product, { exact: true }).uncheck()
  }

  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open Finch Connect' }).click()
  const connect = await popupOpened
  await connect.locator('#continue').click()
  await connect.locator('#provider-gusto').click()
  await connect.locator('#username').fill(options.username)
  await connect.locator('#password').fill('letmein')
  await connect.locator('#sign-in').click()
}

/** Waits until the company page counts `people` people, which it does once the sync is in. */
export async function waitForPeopleCount(
  page: Page,
  people: number,
  timeoutMs: number,
): Promise<void> {
  const count =
    people === 1 ? '1 person' : `${new Intl.NumberFormat('en-US').format(people)} people`
  await page.getByTestId('people-count').filter({ hasText: count }).waitFor({ timeout: timeoutMs })
}
