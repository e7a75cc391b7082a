/**
 * The accountant checks in Chromium against the sandbox's discrepancies company: every planted
 * problem is on screen, and nothing else is flagged.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import type { PlantedDiscrepancy } from '../../src/sandbox/data'
import { createScenario, plantedDiscrepancies } from '../../src/sandbox/data'
import type { ReviewSession } from './review-session'
import { connectCompany, startReviewSession } from './review-session'

type Planted<K extends PlantedDiscrepancy['kind']> = Extract<PlantedDiscrepancy, { kind: K }>

const dataset = createScenario('discrepancies')
const planted = plantedDiscrepancies(dataset)
const latestPaymentId = [...dataset.payments].sort((a, b) =>
  (a.pay_date ?? '') === (b.pay_date ?? '')
    ? a.id.localeCompare(b.id)
    : (a.pay_date ?? '').localeCompare(b.pay_date ?? ''),
)[dataset.payments.length - 1]!.id

function one<K extends PlantedDiscrepancy['kind']>(kind: K): Planted<K> {
  return planted.find((problem): problem is Planted<K> => problem.kind === kind)!
}

/** The variance kind the checks report for each planted change between runs. */
const VARIANCE_KIND = {
  missing_from_run: 'missing_from_run',
  gross_jump: 'gross_change',
  new_earning_type: 'new_earning_type',
  overtime_spike: 'overtime_spike',
} as const

type VarianceKey = keyof typeof VARIANCE_KIND

/** How many planted changes the latest run carries: the export lists the latest run's. */
function readRunVarianceCount(): number {
  return (Object.keys(VARIANCE_KIND) as VarianceKey[]).filter(
    (kind) => one(kind).paymentId === latestPaymentId,
  ).length
}

test.describe.configure({ mode: 'serial' })

test.describe('the accountant checks', () => {
  let session: ReviewSession
  let page: Page

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    session = await startReviewSession()
    page = await browser.newPage({ acceptDownloads: true })
    await page.goto(session.harness.host.launchUrl)
    await connectCompany(page, 'Discrepancies Inc', 'discrepancies')
    await page.getByRole('button', { name: 'Checks' }).click()
    await expect(page.getByTestId('checks-title')).toBeVisible()
  })

  test.afterAll(async () => {
    await page?.close()
    await session?.close()
  })

  test('lists the one statement out of balance, with its difference', async () => {
    const problem = one('statement_out_of_balance')
    const rows = page.getByTestId('check-imbalance')

    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toHaveAttribute('data-individual-id', problem.individualId)
    await expect(rows.first()).toContainText(`$0.0${problem.netCents - problem.expectedNetCents}`)
  })

  test('lists the payment whose gross is off and the one whose debit breaks the rule', async () => {
    const totals = one('payment_totals_mismatch')
    const debit = one('company_debit_mismatch')
    const rows = page.getByTestId('check-payment-mismatch')

    await expect(rows).toHaveCount(2)
    await expect(
      page.locator(`[data-payment-id="${totals.paymentId}"][data-field="gross_pay"]`),
    ).toContainText('$100.00')
    await expect(
      page.locator(`[data-payment-id="${debit.paymentId}"][data-field="company_debit"]`),
    ).toContainText('$25.00')
    await expect(page.getByTestId('check-payment-totals')).toContainText(
      'net pay + employee taxes + employer taxes',
    )
  })

  const varianceRuns = [
    ...new Set(Object.keys(VARIANCE_KIND).map((kind) => one(kind as VarianceKey).paymentId)),
  ]

  for (const paymentId of varianceRuns) {
    test(`finds the planted changes in run ${paymentId} and nothing else`, async () => {
      const expected = (Object.keys(VARIANCE_KIND) as VarianceKey[])
        .map((kind) => one(kind))
        .filter((problem) => problem.paymentId === paymentId)
        .map((problem) => `${VARIANCE_KIND[problem.kind as VarianceKey]} ${problem.individualId}`)
        .sort()
      const variance = page.getByTestId('check-variance')

      await variance.getByLabel('Run').selectOption(paymentId)

      const findings = variance.getByTestId('check-variance-finding')
      await expect(findings).toHaveCount(expected.length)
      const found = await findings.evaluateAll((rows) =>
        rows.map(
          (row) => `${row.getAttribute('data-kind')} ${row.getAttribute('data-individual-id')}`,
        ),
      )
      expect(found.sort()).toEqual(expected)
    })
  }

  test('exports the findings as CSV and PDF and records both beside the sync', async () => {
    const downloaded = page.waitForEvent('download')
    await page
      .getByRole('group', { name: 'Export findings' })
      .getByRole('button', { name: 'Export CSV' })
      .click()
    const download = await downloaded
    const csv = readFileSync(await download.path(), 'utf8')
    const variance = readRunVarianceCount()

    // One statement, two payment figures, and the latest run's planted changes.
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + 1 + 2 + variance)
    expect(csv).toContain(`Payment totals,`)

    const pdfDownloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    const pdf = readFileSync(await (await pdfDownloaded).path())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // The trail is read when the page opens, so leave and come back to see the new entry.
    await page.getByRole('button', { name: 'Company page' }).click()
    await page.getByRole('button', { name: 'Checks' }).click()
    await expect(page.getByTestId('audit-row')).toHaveCount(3)
    await expect(page.getByTestId('audit-row').first()).toBeVisible()
    const actions = await page
      .getByTestId('audit-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))
    expect(actions).toEqual(expect.arrayContaining(['export', 'sync']))
  })

  test('shows the checks page', async () => {
    await page.getByTestId('check-variance').getByLabel('Run').selectOption(latestPaymentId)
    await expect(page.getByTestId('check-variance-finding').first()).toBeVisible()

    // The view scrolls inside the window, so a tall window shows every section at once.
    await page.setViewportSize({ width: 1280, height: 2400 })
    await page.screenshot({ path: 'test-results/screenshots/checks.png', fullPage: true })
  })
})
