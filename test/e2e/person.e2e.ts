/**
 * The person page in Chromium against the local sandbox: a person opened from the company's
 * year-to-date table, their records with the SSN masked, the confirmed and audited reveal that
 * navigation undoes, their pay history opening a statement, their year to date adding up, and
 * a hostile company's person shown as text. Each page is checked with axe-core in both themes
 * and saved as a screenshot.
 */
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import type { CompanyDataset } from '../../src/sandbox/data'
import { finchTermWords } from '../../src/shared/finch-terms'
import { createScenario } from '../../src/sandbox/data'
import type { ReviewSession } from './review-session'
import { downloadExport, openCompany, readSpreadsheet, startReviewSession } from './review-session'

const SCREENSHOTS = 'test-results/screenshots'
const largeco = createScenario('largeco')
const hostile = createScenario('hostile')
const LARGECO = largeco.company.legal_name ?? ''
const HOSTILE = hostile.company.legal_name ?? ''
/** The first pay date a sync reads, as the payroll review suite also assumes. */
const SYNCED_FROM = '2025-01-01'

test.describe.configure({ mode: 'serial' })

test.describe('the person page', () => {
  let session: ReviewSession
  let context: BrowserContext
  let page: Page
  const dialogs: string[] = []

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    mkdirSync(SCREENSHOTS, { recursive: true })
    session = await startReviewSession()
    // AxeBuilder opens a page of its own, so the page lives in a context made here.
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(session.harness.host.launchUrl)
    await connectWithSsns(page, 'Large Co Holdings', 'largeco')
    await page.getByRole('button', { name: 'All clients' }).click()
    await connectWithSsns(page, 'Hostile Holdings', 'hostile')
  })

  test.afterAll(async () => {
    await context?.close()
    await session?.close()
  })

  test('opens a person with their records and the SSN masked to its last four digits', async () => {
    const person = await openFirstPersonOfYear(page, LARGECO, largeco)
    const individual = largeco.individual(person)!
    const employment = largeco.employment(person)!
    const ssn = individual.ssn!

    await expect(page.getByTestId('person-ssn')).toHaveText(`•••-••-${ssn.slice(-4)}`)
    await expect(page.getByTestId('person-title')).toHaveText(employment.title ?? 'Not provided')
    const firstEmail = individual.emails?.find((email) => email?.data)?.data
    if (firstEmail) await expect(page.getByTestId('person-emails')).toContainText(firstEmail)
    await expect(page.getByTestId('person-income-history')).toBeVisible()
    expect(await page.content()).not.toContain(ssn)
  })

  test('exports the income history and custom fields to the cent, with no SSN', async () => {
    const person = await openFirstPersonOfYear(page, LARGECO, largeco)
    const employment = largeco.employment(person)!
    const ssn = largeco.individual(person)!.ssn!
    const incomes = (employment.income_history ?? []).filter((income) => income !== null)
    const fields = (employment.custom_fields ?? []).filter((field) => field !== null)
    const byCents = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1)
    // The sandbox's first person of the year has both, so the export has rows to compare.
    expect(incomes.length).toBeGreaterThan(1)
    expect(fields.length).toBeGreaterThan(0)

    for (const format of ['CSV', 'Excel'] as const) {
      const kind = format === 'CSV' ? 'csv' : 'xlsx'
      const income = await downloadExport(page, 'Export income history', format)
      const incomeSheet = await readSpreadsheet(income.bytes, kind)
      const custom = await downloadExport(page, 'Export custom fields', format)
      const customSheet = await readSpreadsheet(custom.bytes, kind)

      // Named for the company and the person, so two people's files never share a name.
      const named = largeco.directory.find((entry) => entry.id === person)!
      expect(income.download.suggestedFilename()).toMatch(
        new RegExp(
          `^${LARGECO} - ${named.first_name} ${named.last_name} income history ` +
            `\\d{4}-\\d{2}-\\d{2}\\.${kind}$`,
        ),
      )
      expect([...incomeSheet.formulaCells, ...customSheet.formulaCells]).toEqual([])
      expect(incomeSheet.rows[0]).toEqual(['Effective', 'Amount', 'Currency', 'Paid'])
      expect(
        incomeSheet.rows
          .slice(1)
          .map((row) =>
            typeof row[1] === 'number' || row[1] ? Math.round(Number(row[1]) * 100) : null,
          )
          .sort(byCents),
      ).toEqual(incomes.map((entry) => entry.amount ?? null).sort(byCents))
      expect(customSheet.rows.map((row) => row[0])).toEqual([
        'Field',
        ...fields.map((field) => field.name),
      ])
      for (const sheet of [incomeSheet, customSheet]) {
        expect(JSON.stringify(sheet.rows)).not.toContain(ssn)
        expect(JSON.stringify(sheet.rows)).not.toContain(ssn.replaceAll('-', ''))
      }
    }
  })

  test('reveals the full SSN only after confirming, audits it, and hides it on leaving', async () => {
    const person = await openFirstPersonOfYear(page, LARGECO, largeco)
    const ssn = largeco.individual(person)!.ssn!
    const audited = async () =>
      (await auditActions(page, LARGECO)).filter((a) => a === 'reveal_ssn')

    await page.getByRole('button', { name: 'Reveal SSN' }).click()
    const confirm = page.getByRole('alertdialog')
    await expect(confirm).toContainText('recorded in the audit trail')
    await expect(confirm.getByRole('button', { name: 'Keep it masked' })).toBeFocused()
    const card = await page.getByTestId('person-record').first().boundingBox()
    const box = await confirm.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width)
    await confirm.getByRole('button', { name: 'Keep it masked' }).click()
    await expect(page.getByTestId('person-ssn')).toHaveText(`•••-••-${ssn.slice(-4)}`)
    await expect(page.getByRole('button', { name: 'Reveal SSN' })).toBeFocused()
    expect(await audited()).toEqual([])

    await page.getByRole('button', { name: 'Reveal SSN' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Show the full SSN' }).click()
    await expect(page.getByTestId('person-ssn')).toHaveText(ssn)
    await expect(page.getByRole('button', { name: 'Hide SSN' })).toBeFocused()
    expect(await audited()).toEqual(['reveal_ssn'])
    await page.locator('.person-view [data-testid="person-record"]').screenshot({
      path: `${SCREENSHOTS}/person-ssn-revealed.png`,
    })

    await page.getByRole('button', { name: 'Back to the company' }).click()
    await openFirstPersonOfYear(page, LARGECO, largeco)
    await expect(page.getByTestId('person-ssn')).toHaveText(`•••-••-${ssn.slice(-4)}`)
    expect(await page.content()).not.toContain(ssn)
  })

  test('lists the person’s pay statements and opens one in full', async () => {
    const person = await openFirstPersonOfYear(page, LARGECO, largeco)
    const statements = largeco.payments
      .filter((payment) => (payment.pay_date ?? '') >= SYNCED_FROM)
      .flatMap((payment) =>
        (largeco.payStatements(payment.id) ?? [])
          .filter((statement) => statement.individual_id === person)
          .map((statement) => ({ payment, statement })),
      )

    await expect(page.getByTestId('pay-history-count')).toHaveText(
      `${statements.length} pay statements`,
    )
    await page.getByTestId('pay-history-row').first().locator('[data-cell]').first().click()
    await page.keyboard.press('Enter')

    const newest = statements.at(-1)!
    const card = page.getByTestId('pay-statement')
    await expect(card).toBeVisible()
    await expect(card.getByTestId('statement-gross')).toHaveText(
      formatCents(newest.statement.gross_pay?.amount ?? 0),
    )
    await page.getByRole('button', { name: 'Back to the pay history' }).click()
    await expect(page.getByTestId('pay-history-row').first()).toBeVisible()

    // The export is named for the person and gives each statement's type in words.
    const named = largeco.directory.find((entry) => entry.id === person)!
    const history = await downloadExport(page, 'Export pay history', 'CSV')
    const { rows } = await readSpreadsheet(history.bytes, 'csv')
    expect(history.download.suggestedFilename()).toMatch(
      new RegExp(
        `^${LARGECO} - ${named.first_name} ${named.last_name} pay history \\d{4}-\\d{2}-\\d{2}\\.csv$`,
      ),
    )
    expect(rows[0]?.[1]).toBe('Statement type')
    const types = (list: (string | null | undefined)[]) => [...new Set(list)].sort()
    expect(types(rows.slice(1).map((row) => row[1] as string))).toEqual(
      types(statements.map(({ statement }) => finchTermWords(statement.type ?? ''))),
    )
    expect(rows.slice(1).map((row) => row[1])).not.toContain('regular_payroll')
  })

  test('shows the person’s year to date with net equal to gross less taxes and deductions', async () => {
    const person = await openFirstPersonOfYear(page, LARGECO, largeco)
    const year = newestYear(largeco)
    const ytd = page.locator('.ytd-panel')
    await ytd.getByTestId('ytd-year').fill(String(year))
    const statements = largeco.payments
      .filter((payment) => payment.pay_date?.startsWith(String(year)))
      .flatMap((payment) => largeco.payStatements(payment.id) ?? [])
      .filter((statement) => statement.individual_id === person)
    const sum = (cents: (s: (typeof statements)[number]) => number) =>
      statements.reduce((total, statement) => total + cents(statement), 0)
    const deductions = (preTax: boolean) =>
      sum((s) =>
        (s.employee_deductions ?? [])
          .filter((line) => line !== null && (line.pre_tax === true) === preTax)
          .reduce((total, line) => total + (line?.amount ?? 0), 0),
      )

    const cents = async (testId: string) =>
      Number(await ytd.getByTestId(testId).getAttribute('data-cents'))
    await expect(ytd.getByTestId('ytd-gross')).toHaveAttribute(
      'data-cents',
      String(sum((s) => s.gross_pay?.amount ?? 0)),
    )
    await expect(ytd.getByTestId('ytd-post-tax')).toHaveAttribute(
      'data-cents',
      String(deductions(false)),
    )
    await expect(ytd.getByTestId('ytd-pre-tax')).toHaveAttribute(
      'data-cents',
      String(deductions(true)),
    )
    expect(
      (await cents('ytd-gross')) -
        (await cents('ytd-taxes')) -
        (await cents('ytd-pre-tax')) -
        (await cents('ytd-post-tax')),
    ).toBe(await cents('ytd-computed-net'))
    expect((await cents('ytd-computed-net')) - (await cents('ytd-net'))).toBe(
      await cents('ytd-unexplained'),
    )
    await expect(ytd.getByTestId('ytd-adds-up')).toBeVisible()
    await ytd.screenshot({ path: `${SCREENSHOTS}/person-ytd.png` })
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation in the ${colorScheme} theme`, async () => {
      await page.emulateMedia({ colorScheme })
      await openFirstPersonOfYear(page, LARGECO, largeco)
      await expect(page.getByTestId('pay-history-row').first()).toBeVisible()
      await page.waitForTimeout(300)

      const results = await new AxeBuilder({ page }).analyze()
      const suffix = colorScheme === 'light' ? '' : '-dark'
      await page.screenshot({ path: `${SCREENSHOTS}/person${suffix}.png`, fullPage: true })

      const blocking = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      )
      expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
    })
  }

  test('shows a hostile company’s person as text, with nothing run', async () => {
    await page.emulateMedia({ colorScheme: 'light' })
    await openFirstPersonOfYear(page, HOSTILE, hostile)
    await expect(page.getByTestId('person-record')).toBeVisible()
    await expect(page.getByTestId('pay-history-count')).toHaveText(/pay statements/)

    const results = await new AxeBuilder({ page }).analyze()
    await page.screenshot({ path: `${SCREENSHOTS}/person-hostile.png`, fullPage: true })

    expect(dialogs).toEqual([])
    expect(
      results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id),
    ).toEqual([])
  })
})

/** Connects a sandbox company with every product the form offers, SSNs included. */
async function connectWithSsns(page: Page, customerName: string, username: string) {
  await page.getByRole('button', { name: 'Connect a company' }).click()
  await page.getByLabel(/client company name/i).fill(customerName)
  await page.getByLabel('SSNs', { exact: true }).check()
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open Finch Connect' }).click()
  const connect = await popupOpened
  await connect.locator('#continue').click()
  await connect.locator('#provider-gusto').click()
  await connect.locator('#username').fill(username)
  await connect.locator('#password').fill('letmein')
  await connect.locator('#sign-in').click()
  await expect(page.getByTestId('directory-row').first()).toBeVisible({ timeout: 90_000 })
}

function newestYear(dataset: CompanyDataset): number {
  return Number(dataset.payments.at(-1)?.pay_date?.slice(0, 4))
}

/**
 * Opens the company, shows the newest year's per-person totals and opens the first person with
 * Enter. Returns that person's Finch id, found in the dataset by the name the page shows.
 */
async function openFirstPersonOfYear(
  page: Page,
  company: string,
  dataset: CompanyDataset,
): Promise<string> {
  await openCompany(page, company)
  const ytd = page.locator('.ytd-panel')
  await ytd.getByTestId('ytd-year').fill(String(newestYear(dataset)))
  const row = ytd.getByTestId('ytd-person-row').first()
  await row.locator('[data-cell]').first().click()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('person-record')).toBeVisible()

  const shown = (await page.getByTestId('person-name').textContent()) ?? ''
  const match = dataset.directory.find((entry) => {
    const individual = dataset.individual(entry.id)
    const name = [individual?.first_name, individual?.middle_name, individual?.last_name]
      .filter((part) => part && part.trim() !== '')
      .join(' ')
    return name === shown
  })
  return match?.id ?? ''
}

/** The audit trail's actions for a company, read through the app's own bridge. */
async function auditActions(page: Page, company: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const bridge = (
      globalThis as unknown as {
        payrollDesk: { invoke: (channel: string, args?: unknown) => Promise<unknown> }
      }
    ).payrollDesk
    const connections = (await bridge.invoke('connections.list')) as {
      value: { connectionId: string; companyName: string | null }[]
    }
    const connection = connections.value.find((entry) => entry.companyName === name)
    const page = (await bridge.invoke('audit.page', {
      connectionId: connection?.connectionId,
      offset: 0,
      limit: 100,
    })) as { value: { rows: { action: string }[] } }
    return page.value.rows.map((row) => row.action)
  }, company)
}

function formatCents(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)
}
