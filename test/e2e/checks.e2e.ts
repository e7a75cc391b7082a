/**
 * The accountant checks in Chromium. Against the sandbox's discrepancies company: every planted
 * problem is on screen and nothing else is flagged, the year-end summary adds up, the audit trail
 * tells every kind of event in words, and no tab has a serious or critical axe violation in
 * either theme. Against the provider-move pair, connected as one client: the people who moved
 * show once with both records, and the look-alikes do not.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { CacheDatabase } from '../../src/main/cache/open-database'
import { openDatabase } from '../../src/main/cache/open-database'
import { recordAuditEvent } from '../../src/main/review/audit-trail'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import type { CompanyDataset, PlantedDiscrepancy } from '../../src/sandbox/data'
import { createProviderMove, createScenario, plantedDiscrepancies } from '../../src/sandbox/data'
import type { Harness } from '../harness/start-harness'
import { makeClient, startHarness } from '../harness/start-harness'
import { makeTempDir } from '../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../support/test-keychain'
import { connectCompany, readSpreadsheet } from './review-session'

type Planted<K extends PlantedDiscrepancy['kind']> = Extract<PlantedDiscrepancy, { kind: K }>

const dataset = createScenario('discrepancies')
const planted = plantedDiscrepancies(dataset)
const latestPaymentId = [...dataset.payments].sort((a, b) =>
  (a.pay_date ?? '') === (b.pay_date ?? '')
    ? a.id.localeCompare(b.id)
    : (a.pay_date ?? '').localeCompare(b.pay_date ?? ''),
)[dataset.payments.length - 1]!.id

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

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

/** `Nov 20, 2026 · Hourly Biweekly`: a run's date in the page's American locale and its groups. */
function payRunLabel(paymentId: string): string {
  const payment = dataset.payments.find((candidate) => candidate.id === paymentId)!
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${payment.pay_date}T00:00:00Z`),
  )
  const groups = (payment.pay_group_ids ?? []).map(
    (id) => dataset.payGroups.find((group) => group.id === id)!.name,
  )
  return [date, ...groups].join(' · ')
}

/** `$1,234.56` or `-$0.03` as whole cents; the page is in an American locale. */
function cents(text: string): number {
  return Number(text.replace(/[^0-9-]/g, ''))
}

/** The year's gross pay and people, summed straight from the sandbox's own statements. */
function yearFromDataset(company: CompanyDataset, year: number) {
  let grossCents = 0
  const people = new Set<string>()
  for (const payment of company.payments) {
    if (!(payment.pay_date ?? '').startsWith(`${year}-`)) continue
    for (const statement of company.payStatements(payment.id) as PayStatement[]) {
      grossCents += statement.gross_pay?.amount ?? 0
      people.add(statement.individual_id!)
    }
  }
  return { grossCents, people: people.size }
}

interface ChecksSession {
  sandbox: RunningSandbox
  harness: Harness
  context: BrowserContext
  page: Page
  /** Opens the app's cache beside the app, as another part of the app would write to it. */
  withCache<T>(use: (db: CacheDatabase) => T): Promise<T>
  close(): Promise<void>
}

/** A sandbox, the browser host and a page of their own, with the keychain the cache key is in. */
async function startChecksSession(browser: Browser): Promise<ChecksSession> {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-checks-')
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
  // AxeBuilder opens a page of its own, so the page lives in a context made here.
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[page] ${message.text()}`)
  })
  await page.goto(harness.host.launchUrl)
  const session: ChecksSession = {
    sandbox,
    harness,
    context,
    page,
    async withCache(use) {
      const keyHex = await keytar.getPassword(keychainService, VAULT_ACCOUNTS.databaseKey)
      const db = openDatabase({ path: harness.host.services.databaseFile, keyHex: keyHex! })
      try {
        return use(db)
      } finally {
        db.close()
      }
    },
    async close() {
      await context.close()
      await harness.close()
      await sandbox.close().catch(() => undefined)
      await clearKeychainService(keychainService)
      dataDir.remove()
    },
  }
  return session
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Checks' }).getByRole('tab', { name }).click()
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

/** Axe in the light and the dark theme: no serious or critical violation on what is open. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.waitForTimeout(200)
    const results = await new AxeBuilder({ page }).analyze()
    for (const violation of results.violations) {
      console.log(`[axe] ${name} ${colorScheme}: ${violation.impact} ${violation.id}`)
    }
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      }))
    expect(blocking, `${name} in the ${colorScheme} theme`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

async function downloadFrom(page: Page, group: Locator, button: string): Promise<Buffer> {
  const downloaded = page.waitForEvent('download')
  await group.getByRole('button', { name: button, exact: true }).click()
  return readFileSync(await (await downloaded).path())
}

test.describe.configure({ mode: 'serial' })

test.describe('the accountant checks', () => {
  let session: ChecksSession
  let page: Page

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    session = await startChecksSession(browser)
    page = session.page
    await connectCompany(page, 'Discrepancies Inc', 'discrepancies')
    await page.getByRole('button', { name: 'Checks' }).click()
    await expect(page.getByTestId('checks-title')).toBeVisible()
  })

  test.afterAll(async () => {
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

  test('names each disagreeing payment by its pay date and pay group, never by id', async () => {
    const rows = page.getByTestId('check-payment-mismatch')
    await expect(rows).toHaveCount(2)

    const labels = await rows.evaluateAll((all) =>
      all.map((row) => row.querySelector('td')?.textContent ?? ''),
    )

    for (const label of labels) expect(label).not.toMatch(UUID)
    for (const kind of ['payment_totals_mismatch', 'company_debit_mismatch'] as const) {
      const { paymentId } = one(kind)
      await expect(page.locator(`[data-payment-id="${paymentId}"]`).first()).toContainText(
        payRunLabel(paymentId),
      )
    }
  })

  test('has no serious accessibility violation on the reconciliation tab', async () => {
    await expectAccessible(page, 'reconciliation')
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
      await openTab(page, 'Pay run variance')
      const variance = page.getByTestId('check-variance')

      await variance.getByRole('combobox', { name: 'Run', exact: true }).selectOption(paymentId)

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

  test('names pay runs by date and pay group, never by id', async () => {
    await openTab(page, 'Pay run variance')
    const picker = page
      .getByTestId('check-variance')
      .getByRole('combobox', { name: 'Run', exact: true })

    const labels = await picker.locator('option').allTextContents()

    expect(labels.length).toBe(dataset.payments.length)
    for (const label of labels) expect(label).not.toMatch(UUID)
    expect(labels.some((label) => label.includes('Hourly Biweekly'))).toBe(true)
    expect(labels.some((label) => label.includes('Salaried Semimonthly'))).toBe(true)
    expect(labels[0]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 2026 · /)
    await expectAccessible(page, 'pay run variance')
  })

  test('sums the year per person and for the company, and exports it', async () => {
    const expected = yearFromDataset(dataset, 2026)
    await openTab(page, 'Year-end')
    const yearEnd = page.getByTestId('check-year-end')
    const rows = yearEnd.getByTestId('year-end-row')

    await expect(rows).toHaveCount(expected.people)
    await expect(yearEnd.getByRole('combobox', { name: 'Year', exact: true })).toHaveValue('2026')
    const grossOfRows = await rows.evaluateAll((all) =>
      all.map((row) => row.querySelector('td')!.textContent ?? ''),
    )
    const total = yearEnd.getByTestId('year-end-total')
    const totalGross = cents((await total.locator('td').first().textContent()) ?? '')
    expect(totalGross).toBe(expected.grossCents)
    expect(grossOfRows.map(cents).reduce((sum, value) => sum + value, 0)).toBe(totalGross)
    await expect(total).toContainText(`Company total, ${expected.people} people`)

    const exports = page.getByRole('group', { name: 'Export year-end summary' })
    const csv = (await downloadFrom(page, exports, 'Export CSV')).toString('utf8')
    const lines = csv.trim().split(/\r?\n/)
    expect(lines).toHaveLength(1 + expected.people + 1)
    expect(lines.at(-1)).toMatch(/^Company total,,/)
    const pdf = await downloadFrom(page, exports, 'Export PDF')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await expectAccessible(page, 'year-end')
    await page.screenshot({ path: 'test-results/screenshots/checks-year-end.png' })
  })

  test('finds no one twice in a client with one connection', async () => {
    await openTab(page, 'People across connections')

    await expect(page.getByTestId('check-people-none')).toContainText(
      `among the ${dataset.directory.length} people`,
    )
    await expect(page.getByTestId('check-people-connections')).toContainText('1 connection')
    await expectAccessible(page, 'people across connections')
  })

  test('exports the findings as CSV and PDF and records both beside the sync', async () => {
    const csv = (
      await downloadFrom(page, page.getByRole('group', { name: 'Export findings' }), 'Export CSV')
    ).toString('utf8')
    const variance = readRunVarianceCount()

    // One statement, two payment figures, and the latest run's planted changes.
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + 1 + 2 + variance)
    expect(csv).toContain(`Payment totals,`)

    const pdfDownloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    const pdf = readFileSync(await (await pdfDownloaded).path())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await openTab(page, 'Audit trail')
    const rows = page.getByTestId('audit-row')
    // The sync, the two year-end exports, and these two.
    await expect(rows).toHaveCount(5)
    const actions = await rows.evaluateAll((all) =>
      all.map((row) => row.getAttribute('data-action')),
    )
    expect(actions.sort()).toEqual(['export', 'export', 'export', 'export', 'sync'])
    await expect(rows.filter({ hasText: 'Year-end summary' }).first()).toContainText(
      'PDF, year 2026',
    )
    await expect(rows.filter({ hasText: 'Accountant checks' }).first()).toContainText('PDF')
    await expect(rows.filter({ hasText: 'Synced' })).toContainText('Succeeded:')
  })

  test('tells every kind of event in words, a revealed SSN included', async () => {
    const person = dataset.directory[0]!
    await session.withCache((db) => {
      const { connection_id: connectionId } = db
        .prepare('SELECT connection_id FROM connection')
        .get() as { connection_id: string }
      recordAuditEvent(db, { action: 'reveal_ssn', connectionId, subject: person.id })
    })

    // The trail is read when its tab opens, so leave it and come back to see the new entry.
    await openTab(page, 'Reconciliation')
    await openTab(page, 'Audit trail')

    const rows = page.getByTestId('audit-row')
    await expect(rows).toHaveCount(6)
    const reveal = rows.first()
    await expect(reveal).toHaveAttribute('data-action', 'reveal_ssn')
    await expect(reveal).toContainText('Revealed an SSN')
    await expect(reveal).toContainText(`${person.first_name} ${person.last_name}`)
    for (const text of await rows.allTextContents()) {
      expect(text).not.toMatch(/[{}"]|reveal_ssn|rowCount/)
      expect(text).not.toMatch(UUID)
    }
    await expectAccessible(page, 'audit trail')
  })

  test('moves between tabs with the arrow keys, one tab stop for the row', async () => {
    await openTab(page, 'Reconciliation')
    const tabs = page.getByRole('tablist', { name: 'Checks' })

    await tabs.getByRole('tab', { name: 'Reconciliation' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect(tabs.getByRole('tab', { name: 'Pay run variance' })).toBeFocused()
    await expect(page.getByTestId('check-variance')).toBeVisible()
    await page.keyboard.press('End')
    await expect(tabs.getByRole('tab', { name: 'Audit trail' })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await page.keyboard.press('ArrowRight')
    await expect(tabs.getByRole('tab', { name: 'Reconciliation' })).toBeFocused()
    await expect(tabs.locator('[role="tab"][tabindex="0"]')).toHaveCount(1)
  })

  test('shows the checks page', async () => {
    await openTab(page, 'Pay run variance')
    await page
      .getByTestId('check-variance')
      .getByRole('combobox', { name: 'Run', exact: true })
      .selectOption(latestPaymentId)
    await expect(page.getByTestId('check-variance-finding').first()).toBeVisible()

    // The view scrolls inside the window, so a tall window shows every section at once.
    await page.setViewportSize({ width: 1280, height: 2400 })
    await page.screenshot({ path: 'test-results/screenshots/checks.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})

/** Signs in through the sandbox's Connect pop-up and waits for the company's synced people. */
async function signIn(
  page: Page,
  open: () => Promise<void>,
  provider: string,
  username: string,
): Promise<void> {
  const popupOpened = page.waitForEvent('popup')
  await open()
  const connect = await popupOpened
  await connect.locator('#continue').click()
  await connect.locator(`#provider-${provider}`).click()
  await connect.locator('#username').fill(username)
  await connect.locator('#password').fill('letmein')
  await connect.locator('#sign-in').click()
  await expect(page.getByTestId('directory-row').first()).toBeVisible({ timeout: 60_000 })
}

test.describe('people across a client’s connections', () => {
  const move = createProviderMove()
  let session: ChecksSession
  let page: Page

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    session = await startChecksSession(browser)
    page = session.page
    await page.getByRole('button', { name: 'Connect a company' }).click()
    await page.getByLabel(/client company name/i).fill('Larkspur Moving')
    await signIn(
      page,
      () => page.getByRole('button', { name: 'Open Finch Connect' }).click(),
      'paychex_flex',
      'moveco-old',
    )
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Clients' })
      .click()
    const client = page.getByRole('region', { name: 'Larkspur Moving' })
    await client.getByRole('button', { name: 'Add another connection for Larkspur Moving' }).click()
    await signIn(
      page,
      () => client.getByRole('button', { name: 'Open Finch Connect' }).click(),
      'gusto',
      'moveco-new',
    )
    await page.getByRole('button', { name: 'Checks' }).click()
    await openTab(page, 'People across connections')
  })

  test.afterAll(async () => {
    await session?.close()
  })

  test('lists each person who moved once, with both records, and none of the look-alikes', async () => {
    const people = page.getByTestId('matched-person')
    const samePeople = move.pairs.filter((pair) => pair.samePerson)

    await expect(people).toHaveCount(samePeople.length)
    await expect(page.getByTestId('check-people-connections')).toContainText('2 connections')
    for (const pair of samePeople) {
      const person = people.filter({
        has: page.locator(`[data-individual-id="${pair.afterIndividualId}"]`),
      })
      await expect(person.getByTestId('matched-record')).toHaveCount(2)
      await expect(
        person.locator(`[data-individual-id="${pair.beforeIndividualId}"]`),
      ).toContainText('Paychex Flex')
      await expect(
        person.locator(`[data-individual-id="${pair.afterIndividualId}"]`),
      ).toContainText('Gusto')
    }
    for (const pair of move.pairs.filter((candidate) => !candidate.samePerson)) {
      await expect(page.locator(`[data-individual-id="${pair.afterIndividualId}"]`)).toHaveCount(0)
      await expect(page.locator(`[data-individual-id="${pair.beforeIndividualId}"]`)).toHaveCount(0)
    }
  })

  test('adds each person’s year at both providers, showing each part', async () => {
    const people = page.getByTestId('matched-person')

    for (const person of await people.all()) {
      const parts = person.getByTestId('matched-record')
      const combined = person.getByTestId('matched-combined')
      for (const column of [0, 1, 4]) {
        const values = await parts.evaluateAll(
          (rows, index) => rows.map((row) => row.querySelectorAll('td')[index + 1]!.textContent),
          column,
        )
        const together = await combined.locator('td').nth(column).textContent()
        expect(values.map((value) => cents(value ?? '')).reduce((a, b) => a + b, 0)).toBe(
          cents(together ?? ''),
        )
        expect(values.every((value) => cents(value ?? '') > 0)).toBe(true)
      }
    }
    await expectAccessible(page, 'people across two connections')
    await page.screenshot({ path: 'test-results/screenshots/checks-people.png', fullPage: true })
  })

  test('exports every matched person with each record’s year, as the screen adds it', async () => {
    const samePeople = move.pairs.filter((pair) => pair.samePerson)
    const screen = page.getByTestId('matched-person')
    const grossOnScreen = new Map<string, number>()
    for (const record of await screen.getByTestId('matched-record').all()) {
      grossOnScreen.set(
        (await record.getAttribute('data-individual-id')) ?? '',
        cents((await record.locator('td').nth(1).textContent()) ?? ''),
      )
    }
    const exports = page.getByRole('group', { name: 'Export people across connections' })

    for (const [button, kind] of [
      ['Export CSV', 'csv'],
      ['Export Excel', 'xlsx'],
    ] as const) {
      const bytes = await downloadFrom(page, exports, button)
      const { rows, formulaCells } = await readSpreadsheet(bytes, kind)
      const [header, ...body] = rows
      const column = (name: string) => header!.indexOf(name)
      const records = body.filter((row) => row[column('Record')] !== 'Combined')
      const exportedCents = (row: unknown[]) => Math.round(Number(row[column('Gross pay')]) * 100)

      // Two records and a combined row for each person, whatever page the screen is on.
      expect(formulaCells).toEqual([])
      expect(body).toHaveLength(samePeople.length * 3)
      for (const pair of samePeople) {
        for (const id of [pair.beforeIndividualId, pair.afterIndividualId]) {
          const row = records.find((candidate) => candidate[column('Finch individual ID')] === id)
          expect(row, id).toBeDefined()
          expect(exportedCents(row!)).toBe(grossOnScreen.get(id))
        }
      }
    }
  })
})
