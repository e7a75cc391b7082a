/**
 * The client dashboard in Chromium against the local sandbox: its chart totals, read from the
 * table behind each chart, are the register's own totals for the same runs; it saves a chart
 * as a real PNG; it follows light and dark mode under the app's content security policy; and
 * each item of its attention list leads to the part of the app that explains it.
 */
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { createScenario } from '../../src/sandbox/data'
import type { ReviewSession } from './review-session'
import { connectCompany, startReviewSession } from './review-session'

const largeco = createScenario('largeco')
const SCREENSHOTS = 'test-results/screenshots'

function sum(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0)
}

/**
 * The register's totals over the runs paid between two dates, from the sandbox's payments and
 * their statements. The app syncs a window of payments, so the dashboard names its first date.
 */
function registerTotals(range: { from: string; to: string }) {
  const payments = largeco.payments.filter(
    (payment) => payment.pay_date! >= range.from && payment.pay_date! <= range.to,
  )
  const statements = payments.flatMap((payment) => largeco.payStatements(payment.id) ?? [])
  return {
    runs: payments.length,
    grossPayCents: sum(payments.map((payment) => payment.gross_pay?.amount)),
    netPayCents: sum(payments.map((payment) => payment.net_pay?.amount)),
    employerTaxesCents: sum(
      statements.flatMap((s) => (s.taxes ?? []).filter((t) => t?.employer).map((t) => t?.amount)),
    ),
    employerContributionsCents: sum(
      statements.flatMap((s) => (s.employer_contributions ?? []).map((line) => line?.amount)),
    ),
  }
}

async function totalsRow(page: Page, chart: string): Promise<number[]> {
  const cells = page.getByTestId(chart).getByTestId('table-totals').locator('td[data-cents]')
  return (await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-cents')))).map(
    Number,
  )
}

test.describe.configure({ mode: 'serial' })

test.describe('the client dashboard', () => {
  let session: ReviewSession
  let context: BrowserContext
  let page: Page
  let range: { from: string; to: string }
  const consoleErrors: string[] = []

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    session = await startReviewSession()
    // AxeBuilder opens a page of its own, so the page lives in a context made here.
    context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 1300 },
    })
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))

    await page.goto(session.harness.host.launchUrl)
    await connectCompany(page, 'Large Co Holdings', 'largeco')
    await page.getByRole('button', { name: 'Dashboard' }).click()
    await page.getByLabel('Period').selectOption('all')
    const shownRange = page.getByText(/^Pay runs from/).locator('time')
    await expect(shownRange.last()).toHaveAttribute('datetime', largeco.payments.at(-1)!.pay_date!)
    const [from, to] = await shownRange.evaluateAll((times) =>
      times.map((time) => time.getAttribute('datetime')),
    )
    range = { from: from!, to: to! }
  })

  test.afterAll(async () => {
    await context?.close()
    await session?.close()
  })

  test('totals every run’s gross, net and employer cost exactly as the register does', async () => {
    const expected = registerTotals(range)
    const panel = page.getByTestId('chart-pay-runs')

    await panel.getByRole('button', { name: 'Show as table' }).click()

    await expect(panel.locator('tbody tr')).toHaveCount(expected.runs)
    expect(await totalsRow(page, 'chart-pay-runs')).toEqual([
      expected.grossPayCents,
      expected.netPayCents,
      expected.employerTaxesCents,
      expected.employerContributionsCents,
      expected.employerTaxesCents + expected.employerContributionsCents,
    ])
    await panel.getByRole('button', { name: 'Show as table' }).click()
  })

  test('splits the same costs by department without losing a cent', async () => {
    const expected = registerTotals(range)
    const panel = page.getByTestId('chart-departments')

    await panel.getByRole('button', { name: 'Show as table' }).click()

    expect(await totalsRow(page, 'chart-departments')).toEqual([
      expected.grossPayCents,
      expected.employerTaxesCents + expected.employerContributionsCents,
      expected.grossPayCents + expected.employerTaxesCents + expected.employerContributionsCents,
    ])
    await panel.getByRole('button', { name: 'Show as table' }).click()
  })

  test('labels each chart with a summary of its numbers for screen readers', async () => {
    const images = page.getByTestId('dashboard-charts').getByRole('img')

    await expect(images).toHaveCount(4)
    await expect(images.first()).toHaveAttribute('aria-label', /^Pay per run\. \d+ pay runs: gross/)
    await expect(page.getByRole('img', { name: /^Headcount\./ })).toBeVisible()
  })

  test('saves a chart as a PNG file', async () => {
    const downloaded = page.waitForEvent('download')

    await page.getByTestId('chart-pay-runs').getByRole('button', { name: 'Export PNG' }).click()

    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/pay per run \d{4}-\d{2}-\d{2}\.png$/)
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(await download.path())
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious or critical accessibility violation in the ${colorScheme} theme`, async () => {
      await page.emulateMedia({ colorScheme })

      const results = await new AxeBuilder({ page }).analyze()

      const blocking = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      )
      expect(blocking.map((violation) => violation.id)).toEqual([])
      await page.emulateMedia({ colorScheme: 'light' })
    })
  }

  test('draws in the light and the dark theme under the content security policy', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })

    await page.emulateMedia({ colorScheme: 'light' })
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 22, 28)')
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-dark.png`, fullPage: true })
    await page.emulateMedia({ colorScheme: 'light' })

    expect(consoleErrors).toEqual([])
  })
})

/** How far the document itself scrolls: the views scroll inside the app's main area only. */
function documentOverflow(page: Page): Promise<{ down: number; across: number }> {
  return page.locator('html').evaluate((root) => ({
    down: root.scrollHeight - root.clientHeight,
    across: root.scrollWidth - root.clientWidth,
  }))
}

/** The column headers under `scope` whose words do not fit inside their cell. */
function cutHeaders(scope: Locator): Promise<string[]> {
  return scope.locator('thead th').evaluateAll((cells) =>
    cells
      .filter((cell) => {
        const words = cell.ownerDocument.createRange()
        words.selectNodeContents(cell)
        const style = cell.ownerDocument.defaultView!.getComputedStyle(cell)
        const room =
          cell.getBoundingClientRect().width -
          parseFloat(style.paddingLeft) -
          parseFloat(style.paddingRight)
        return words.getBoundingClientRect().width > room + 0.5
      })
      .map((cell) => cell.textContent ?? ''),
  )
}

/** The dashboard's attention items of one kind, with the pay run each is about. */
async function attentionItems(page: Page, kind: string): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Needs attention' })
  await expect(region.getByText('Running the checks…')).toHaveCount(0, { timeout: 30_000 })
  return region.locator(`li[data-kind="${kind}"]`)
}

/** Clients, then the company whose row names `name`, then its dashboard. */
async function openDashboard(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
  await page.getByTestId('connection-row').filter({ hasText: name }).locator('th button').click()
  await expect(page.getByTestId('company-name')).toBeVisible()
  await page.getByRole('button', { name: 'Dashboard' }).click()
  await expect(page.getByTestId('dashboard-title')).toBeVisible()
}

test.describe('the dashboard’s attention links', () => {
  let session: ReviewSession
  let context: BrowserContext
  let page: Page

  test.beforeAll(async ({ browser }) => {
    session = await startReviewSession()
    // The launch link opens one session, so every test here goes on in this page.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
    await page.goto(session.harness.host.launchUrl)
  })

  test.afterAll(async () => {
    await context?.close()
    await session?.close()
  })

  test.beforeEach(async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Clients' })
      .click()
  })

  test('open each failed tie-out on its run in Checks, and the variance on the runs it compares', async () => {
    test.setTimeout(180_000)
    await connectCompany(page, 'Planted Problems', 'discrepancies')
    const name = (await page.getByTestId('company-name').textContent())!
    await page.getByRole('button', { name: 'Dashboard' }).click()

    const tieOuts = await attentionItems(page, 'tie_out')
    const runs = await tieOuts.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-payment-id')!),
    )
    expect(runs.length).toBeGreaterThanOrEqual(2)
    for (const [index, paymentId] of runs.entries()) {
      if (index > 0) await openDashboard(page, name)
      await (
        await attentionItems(page, 'tie_out')
      )
        .nth(index)
        .getByRole('button', { name: 'See the run’s tie-out in Checks' })
        .click()

      await expect(page.getByTestId('checks-title')).toBeVisible()
      const focused = page.locator(':focus')
      await expect(focused).toBeInViewport()
      // A run whose payment totals disagree lands on its row; one whose statements do not net,
      // on the statements' tie-out.
      const mismatches = page.locator(
        `[data-testid="check-payment-mismatch"][data-payment-id="${paymentId}"]`,
      )
      if ((await mismatches.count()) > 0) {
        await expect(focused).toHaveAttribute('data-payment-id', paymentId)
        await expect(focused).toHaveAttribute('aria-current', 'true')
      } else {
        await expect(focused).toHaveAttribute('data-testid', 'check-gross-to-net')
        await expect(focused.getByTestId('check-imbalance').first()).toBeVisible()
      }
    }

    await openDashboard(page, name)
    const variance = (await attentionItems(page, 'variance')).first()
    const current = (await variance.getAttribute('data-payment-id'))!
    await variance.getByRole('button', { name: 'Compare the runs in Checks' }).click()

    const section = page.getByTestId('check-variance')
    // The run and the run it is compared with: the item's run and the one before it.
    const [run, comparedWith] = [section.locator('select').nth(0), section.locator('select').nth(1)]
    await expect(run).toHaveValue(current)
    await expect(comparedWith).not.toHaveValue('')
    await expect(comparedWith).not.toHaveValue(current)
    await expect(page.getByTestId('checks-variance-target')).toBeFocused()
    await expect(section.getByTestId('check-variance-finding').first()).toBeInViewport()
  })

  test('never scrolls the window itself, and cuts no column header, at 1280 × 800', async () => {
    await page
      .getByRole('region', { name: 'Planted Problems' })
      .getByTestId('connection-row')
      .locator('th button')
      .click()
    await expect(page.getByTestId('pay-run-row').first()).toBeVisible()

    expect(await documentOverflow(page)).toEqual({ down: 0, across: 0 })
    expect(await cutHeaders(page.getByTestId('pay-runs-table'))).toEqual([])
    await page.getByRole('button', { name: 'Checks' }).click()
    await expect(page.getByTestId('check-cash')).toBeVisible()
    expect(await documentOverflow(page)).toEqual({ down: 0, across: 0 })
    expect(await cutHeaders(page.getByTestId('checks'))).toEqual([])
  })

  test('opens a cut-off connection on its Reconnect action in Clients', async () => {
    test.setTimeout(120_000)
    await page.getByRole('button', { name: 'Connect a company' }).click()
    await page.getByLabel(/client company name/i).fill('Cut Off Co')
    const popupOpened = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Open Finch Connect' }).click()
    const connect = await popupOpened
    await connect.locator('#continue').click()
    await connect.locator('#provider-gusto').click()
    await connect.locator('#username').fill('reauth')
    await connect.locator('#password').fill('letmein')
    await connect.locator('#sign-in').click()
    // Finch cuts the connection off during its first sync.
    await expect(page.getByTestId('connect-failure')).toContainText('needs to be reconnected', {
      timeout: 60_000,
    })
    const row = page.getByTestId('connection-row').filter({ hasText: 'Cut Off Co' })
    await expect(row).toHaveAttribute('data-status', 'needs_reauthentication')
    const connectionId = (await row.getAttribute('data-connection-id'))!

    await openDashboard(page, 'Cut Off Co')
    await (
      await attentionItems(page, 'reauthenticate')
    )
      .getByRole('button', { name: 'Reconnect on the Clients page' })
      .click()

    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
    const reconnect = page
      .locator(`[data-connection-id="${connectionId}"]`)
      .getByRole('button', { name: /^Reconnect (?!.* in my browser$)/ })
    await expect(reconnect).toBeFocused()
    await expect(reconnect).toBeInViewport()
  })

  test('opens data Finch is still collecting on the company’s freshness and Sync now', async () => {
    test.setTimeout(120_000)
    await page.getByRole('button', { name: 'Connect a company' }).click()
    await page.getByLabel(/client company name/i).fill('Assisted Co')
    const popupOpened = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Open Finch Connect' }).click()
    const connect = await popupOpened
    await connect.locator('#continue').click()
    await connect.locator('#provider-gusto').click()
    await connect.locator('#username').fill('assisted')
    await connect.locator('#password').fill('letmein')
    await connect.locator('#sign-in').click()
    // Finch's operators have not collected everything yet: the company opens with what there is.
    await expect(page.getByRole('button', { name: 'Dashboard' })).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('company-name')).not.toHaveText('Loading company…')
    const name = (await page.getByTestId('company-name').textContent())!
    await page.getByRole('button', { name: 'Dashboard' }).click()

    await (
      await attentionItems(page, 'pending')
    )
      .first()
      .getByRole('button', { name: 'See how current the data is' })
      .click()

    await expect(page.getByTestId('company-name')).toHaveText(name)
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeFocused()
  })
})
