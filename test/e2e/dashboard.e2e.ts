/**
 * The client dashboard in Chromium against the local sandbox: its chart totals, read from the
 * table behind each chart, are the register's own totals for the same runs; it saves a chart
 * as a real PNG; it follows light and dark mode under the app's content security policy.
 */
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
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
    await expect(page.getByText(/^Pay runs from/)).toContainText(largeco.payments.at(-1)!.pay_date!)
    const [from, to] = (await page.getByText(/^Pay runs from/).textContent())!.match(
      /\d{4}-\d{2}-\d{2}/g,
    )!
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

  test('lists what needs attention and links each item to where it is dealt with', async () => {
    const region = page.getByRole('region', { name: 'Needs attention' })
    await expect(region.getByText('Running the checks…')).toHaveCount(0, { timeout: 30_000 })
    const items = region.getByRole('listitem')
    const count = await items.count()
    test.skip(count === 0, 'the sandbox company needs no attention')

    await items.first().getByRole('button').click()

    await expect(page.getByTestId('company-name')).toHaveText(largeco.company.legal_name!)
    await page.getByRole('button', { name: 'Dashboard' }).click()
    await page.getByLabel('Period').selectOption('all')
    await expect(page.getByTestId('chart-pay-runs')).toBeVisible()
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
