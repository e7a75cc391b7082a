/**
 * The payroll review in Chromium against the local sandbox: the pay runs list, a register whose
 * totals equal the payment's own and the sum of its statements in the sandbox's dataset, one
 * statement in full, and hostile names shown as text. Each view is saved as a screenshot.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { createScenario } from '../../src/sandbox/data'
import type { ReviewSession } from './review-session'
import {
  connectCompany,
  downloadExport,
  openCompany,
  readSpreadsheet,
  startReviewSession,
} from './review-session'

const SCREENSHOTS = 'test-results/screenshots'
const largeco = createScenario('largeco')
const hostile = createScenario('hostile')
const LARGECO = largeco.company.legal_name ?? ''
const HOSTILE = hostile.company.legal_name ?? ''

test.describe.configure({ mode: 'serial' })

test.describe('the payroll review', () => {
  let session: ReviewSession
  let page: Page
  const dialogs: string[] = []

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000)
    session = await startReviewSession()
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(session.harness.host.launchUrl)
    await connectCompany(page, 'Large Co Holdings', 'largeco')
    await page.getByRole('button', { name: 'All clients' }).click()
    await connectCompany(page, 'Hostile Holdings', 'hostile')
  })

  test.afterAll(async () => {
    await page?.close()
    await session?.close()
  })

  test('lists pay runs newest first and narrows them by date and pay group', async () => {
    await openCompany(page, LARGECO)
    const runs = page.getByTestId('pay-runs-table')
    await expect(runs.getByTestId('pay-run-row').first()).toBeVisible()
    const inWindow = largeco.payments.filter((payment) => (payment.pay_date ?? '') >= '2025-01-01')
    await expect(page.getByTestId('pay-runs-count')).toHaveText(`${inWindow.length} pay runs`)
    await page.getByTestId('payroll-title').scrollIntoViewIfNeeded()
    await page.locator('.payroll-panel').screenshot({ path: `${SCREENSHOTS}/pay-runs.png` })

    await page.getByTestId('pay-runs-from').fill('2025-01-01')
    await page.getByTestId('pay-runs-to').fill('2025-12-31')
    const in2025 = largeco.payments.filter((p) => p.pay_date?.startsWith('2025'))
    await expect(page.getByTestId('pay-runs-count')).toHaveText(`${in2025.length} pay runs`)

    const group = largeco.payGroups[0]!
    await page.getByTestId('pay-runs-group').selectOption(group.id)
    const inGroup = in2025.filter((p) => p.pay_group_ids?.includes(group.id))
    await expect(page.getByTestId('pay-runs-count')).toHaveText(`${inGroup.length} pay runs`)

    await page.getByTestId('pay-runs-from').fill('')
    await page.getByTestId('pay-runs-to').fill('')
    await page.getByTestId('pay-runs-group').selectOption('')
  })

  test('tells runs on one pay date apart by pay group, with each period in full at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await openCompany(page, LARGECO)
    const groupName = new Map(largeco.payGroups.map((group) => [group.id, group.name]))
    const sameDay = largeco.payments.filter((payment) => payment.pay_date === '2026-08-14')
    expect(sameDay).toHaveLength(2)
    const rows = page.getByTestId('pay-run-row').filter({
      has: page.getByRole('rowheader', { name: 'Aug 14, 2026' }),
    })

    await expect(page.getByRole('columnheader', { name: 'Pay group' })).toBeVisible()
    await expect(rows).toHaveCount(2)
    const shown = await rows.locator('[aria-colindex="3"]').allTextContents()
    expect(shown.sort()).toEqual(
      sameDay
        .map((payment) => (payment.pay_group_ids ?? []).map((id) => groupName.get(id)).join(', '))
        .sort(),
    )
    const newest = largeco.payments[largeco.payments.length - 1]!
    const period = page.getByTestId('pay-run-row').first().locator('[aria-colindex="2"]')
    // Nov 16 – 30: the pay date beside it already says 2026.
    await expect(period).toHaveText(/^Nov 16\s–\s30$/)
    expect(newest.pay_period?.start_date).toBe('2026-11-16')
    const clipped = await page
      .getByTestId('pay-runs-table')
      .locator('[data-cell], thead th')
      .evaluateAll((cells) =>
        cells
          .filter((cell) => cell.scrollWidth > cell.clientWidth)
          .map((cell) => `${cell.textContent} ${cell.scrollWidth}/${cell.clientWidth}`),
      )
    expect(clipped).toEqual([])
    await page.locator('.payroll-panel').screenshot({ path: `${SCREENSHOTS}/pay-runs-1280.png` })
    await page.setViewportSize({ width: 1400, height: 1000 })
  })

  test('shows a register whose totals equal the payment and its statements', async () => {
    const newest = largeco.payments[largeco.payments.length - 1]!
    await openRun(page, 0)

    await expect(page.getByTestId('register-panel')).toHaveAttribute('data-payment-id', newest.id)
    const statements = largeco.payStatements(newest.id) ?? []
    const sum = (cents: (s: (typeof statements)[number]) => number) =>
      statements.reduce((total, statement) => total + cents(statement), 0)
    const taxes = (employer: boolean) =>
      sum((s) =>
        (s.taxes ?? [])
          .filter((tax) => tax !== null && Boolean(tax.employer) === employer)
          .reduce((total, tax) => total + (tax?.amount ?? 0), 0),
      )
    const expected = {
      gross: [newest.gross_pay?.amount, sum((s) => s.gross_pay?.amount ?? 0)],
      employee_taxes: [newest.employee_taxes?.amount, taxes(false)],
      employer_taxes: [newest.employer_taxes?.amount, taxes(true)],
      net: [newest.net_pay?.amount, sum((s) => s.net_pay?.amount ?? 0)],
    }
    for (const [field, [paymentCents, statementCents]] of Object.entries(expected)) {
      const row = page.getByTestId(`reconcile-${field}`)
      expect(paymentCents).toBe(statementCents)
      await expect(row.getByTestId('payment-cents')).toHaveAttribute(
        'data-cents',
        String(paymentCents),
      )
      await expect(row.getByTestId('register-cents')).toHaveAttribute(
        'data-cents',
        String(statementCents),
      )
    }
    await expect(page.getByTestId('register-matches')).toBeVisible()
    // The newest run is salaried: no statement gives hours, which is not zero hours.
    expect(statements.some((statement) => typeof statement.total_hours === 'number')).toBe(false)
    await expect(page.getByTestId('register-count')).toHaveText(
      `${statements.length} statements · no hours reported`,
    )

    // Rows in name order: last name, first name, then id, without regard to case.
    const firstTwo = inRegisterOrder(largeco, newest.id)
      .slice(0, 2)
      .map((statement) => personName(largeco, statement.individual_id))
    const headers = page.getByTestId('register-row').getByRole('rowheader')
    await expect(headers.first()).toHaveText(firstTwo[0]!)
    expect((await headers.allTextContents()).slice(0, 2)).toEqual(firstTwo)

    const { download } = await downloadExport(page, 'Export register', 'CSV')
    expect(download.suggestedFilename()).toBe(
      `Harborline Outfitters, Inc. register ${newest.pay_date} ${(newest.pay_group_ids ?? [])
        .map((id) => largeco.payGroups.find((group) => group.id === id)?.name)
        .join(' ')}.csv`,
    )
    await page.locator('.payroll-panel').screenshot({ path: `${SCREENSHOTS}/register.png` })
  })

  test('opens one statement with its earnings, taxes, deductions and contributions', async () => {
    await openFirstStatement(page)

    const first = inRegisterOrder(largeco, largeco.payments[largeco.payments.length - 1]!.id)[0]!
    const statement = page.getByTestId('pay-statement')
    await expect(statement.getByTestId('statement-gross')).not.toHaveText('—')
    const earningLines = (first.earnings ?? []).filter((line) => line !== null)
    await expect(statement.getByTestId('statement-earnings').locator('tbody tr')).toHaveCount(
      Math.max(1, earningLines.length),
    )
    await page.locator('.payroll-panel').screenshot({ path: `${SCREENSHOTS}/statement.png` })
  })

  test('exports the open statement, its figures and every line to the cent', async () => {
    const first = inRegisterOrder(largeco, largeco.payments[largeco.payments.length - 1]!.id)[0]!
    const amounts = (
      list: readonly ({ amount?: number | null; employer?: boolean | null } | null)[] | null,
      keep: (line: { employer?: boolean | null }) => boolean = () => true,
    ) => (list ?? []).filter((line) => line !== null && keep(line)).map((line) => line!.amount)
    const expectedLines: Record<string, (number | null | undefined)[]> = {
      Earning: amounts(first.earnings),
      'Employee tax': amounts(first.taxes, (tax) => tax.employer !== true),
      'Employer tax': amounts(first.taxes, (tax) => tax.employer === true),
      'Employee deduction': amounts(first.employee_deductions),
      'Employer contribution': amounts(first.employer_contributions),
    }
    const cents = (value: unknown) =>
      value === null || value === undefined || value === '' ? null : Math.round(Number(value) * 100)
    const person = await page.getByTestId('statement-person').textContent()

    for (const format of ['CSV', 'Excel'] as const) {
      const kind = format === 'CSV' ? 'csv' : 'xlsx'
      const { download, bytes } = await downloadExport(page, 'Export pay statement', format)
      const { rows, formulaCells } = await readSpreadsheet(bytes, kind)
      const figure = (name: string) => rows.find((row) => row[0] === 'Statement' && row[1] === name)

      expect(download.suggestedFilename()).toBe(
        `${LARGECO} - ${person} pay statement ${largeco.payments.at(-1)!.pay_date}.${kind}`,
      )
      expect(formulaCells).toEqual([])
      expect(rows[0]).toEqual(['Kind', 'Name', 'Type', 'Detail', 'Hours', 'Rate', 'Amount'])
      expect(figure('Person')?.[3]).toBe(person)
      expect(cents(figure('Gross')?.[6])).toBe(first.gross_pay?.amount)
      expect(cents(figure('Net')?.[6])).toBe(first.net_pay?.amount)
      // Hours go out to the hundredth, as the register shows them.
      expect(cents(figure('Hours')?.[4])).toBe(
        typeof first.total_hours === 'number' ? Math.round(first.total_hours * 100) : null,
      )
      for (const [lineKind, expected] of Object.entries(expectedLines)) {
        const exported = rows.filter((row) => row[0] === lineKind).map((row) => cents(row[6]))
        expect(exported, lineKind).toEqual(expected.map((amount) => amount ?? null))
      }
    }
  })

  test('shows 2025 year to date equal to the sum of that year’s statements', async () => {
    const statements = largeco.payments
      .filter((payment) => payment.pay_date?.startsWith('2025'))
      .flatMap((payment) => largeco.payStatements(payment.id) ?? [])
    const sum = (cents: (s: (typeof statements)[number]) => number) =>
      statements.reduce((total, statement) => total + cents(statement), 0)
    const lines = <T extends { amount?: number | null } | null>(
      list: readonly T[] | null | undefined,
      keep: (line: NonNullable<T>) => boolean,
    ) =>
      (list ?? [])
        .filter((line): line is NonNullable<T> => line !== null && keep(line))
        .reduce((total, line) => total + (line.amount ?? 0), 0)

    await page.getByTestId('ytd-year').fill('2025')

    const totals = page.getByTestId('ytd-totals')
    const statementCount = new Intl.NumberFormat('en-US').format(statements.length)
    await expect(totals).toContainText(`${statementCount} statements`)
    const expected = {
      'ytd-gross': sum((s) => s.gross_pay?.amount ?? 0),
      'ytd-taxes': sum((s) => lines(s.taxes, (tax) => !tax.employer)),
      'ytd-employer-taxes': sum((s) => lines(s.taxes, (tax) => Boolean(tax.employer))),
      'ytd-pre-tax': sum((s) => lines(s.employee_deductions, (d) => d.pre_tax === true)),
      'ytd-post-tax': sum((s) => lines(s.employee_deductions, (d) => d.pre_tax !== true)),
      'ytd-net': sum((s) => s.net_pay?.amount ?? 0),
    }
    for (const [testId, cents] of Object.entries(expected)) {
      await expect(totals.getByTestId(testId)).toHaveAttribute('data-cents', String(cents))
    }
    // The company's statements add up: gross less taxes and deductions is net, to the cent.
    await expect(totals.getByTestId('ytd-unexplained')).toHaveAttribute('data-cents', '0')
    await page.locator('.ytd-panel').screenshot({ path: `${SCREENSHOTS}/ytd.png` })

    // A year without pay runs has nothing to add up, and says so instead of showing zeros.
    await page.getByTestId('ytd-year').fill('1999')
    await expect(page.getByTestId('ytd-nothing-paid')).toHaveText('Nothing was paid in 1999.')
    await expect(page.getByTestId('ytd-totals')).toHaveCount(0)
    await expect(page.getByTestId('ytd-adds-up')).toHaveCount(0)
  })

  test('shows hostile names in the register and statement as text', async () => {
    await openCompany(page, HOSTILE)
    await openRun(page, 0)
    const newest = hostile.payments[hostile.payments.length - 1]!
    const firstStatement = inRegisterOrder(hostile, newest.id)[0]!
    const person = hostile.directory.find((entry) => entry.id === firstStatement.individual_id)!

    const firstRow = page.getByTestId('register-row').first()
    // In name order the first is ` Padded `, whose first name is blank: its last name shows.
    const shownName = [person.first_name, person.last_name].join(' ').trim()
    await expect(firstRow.getByRole('rowheader')).toContainText(shownName)
    await openFirstStatement(page)
    await expect(page.getByTestId('statement-person')).toContainText(shownName)

    expect(dialogs).toEqual([])
    expect(await page.locator('script:not([src])').count()).toBe(0)
    await page
      .locator('.payroll-panel')
      .screenshot({ path: `${SCREENSHOTS}/statement-hostile.png` })
  })
})

/** Opens the pay run on row `index` of the list from the keyboard, as the grid expects. */
async function openRun(page: Page, index: number): Promise<void> {
  const row = page.getByTestId('pay-run-row').nth(index)
  await row.locator('[data-cell]').first().click()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('register-reconciliation')).toBeVisible()
  await expect(page.getByTestId('register-row').first()).toBeVisible()
}

async function openFirstStatement(page: Page): Promise<void> {
  await page.getByTestId('register-row').first().locator('[data-cell]').first().click()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('pay-statement')).toBeVisible()
}

type Scenario = ReturnType<typeof createScenario>

function personName(dataset: Scenario, individualId: string): string {
  const person = dataset.directory.find((entry) => entry.id === individualId)
  return [person?.first_name, person?.last_name].filter(Boolean).join(' ')
}

/** A run's statements as the register lists them: last name, first name, id, any case. */
function inRegisterOrder(dataset: Scenario, paymentId: string) {
  const key = (individualId: string) => {
    const person = dataset.directory.find((entry) => entry.id === individualId)
    return [person?.last_name ?? '', person?.first_name ?? '', individualId].map((part, index) =>
      index < 2 ? part.toLowerCase() : part,
    )
  }
  const compare = (a: string[], b: string[]) => {
    for (let index = 0; index < a.length; index++) {
      if (a[index]! !== b[index]!) return a[index]! < b[index]! ? -1 : 1
    }
    return 0
  }
  return [...(dataset.payStatements(paymentId) ?? [])].sort((a, b) =>
    compare(key(a.individual_id), key(b.individual_id)),
  )
}
