/**
 * Every view of the app checked by axe-core in Chromium, in the light and the dark theme, with a
 * screenshot of each saved to `test-results/screenshots/` for a person to look at. A serious or
 * critical violation fails the run; lesser findings are printed.
 */
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { createScenario } from '../../src/sandbox/data'
import type { ReviewSession } from './review-session'
import { connectCompany, openCompany, startReviewSession } from './review-session'

const LARGECO = createScenario('largeco').company.legal_name ?? ''
const SCREENSHOTS = 'test-results/screenshots'

interface View {
  name: string
  open(page: Page): Promise<void>
}

const VIEWS: View[] = [
  {
    name: 'clients',
    open: async (page) => {
      await nav(page, 'Clients')
      await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
      await expect(page.getByRole('table')).toBeVisible()
    },
  },
  {
    name: 'company-people',
    open: async (page) => {
      await openCompany(page, LARGECO)
      await expect(page.getByTestId('people-count')).toBeVisible()
      await page
        .getByRole('heading', { name: 'People' })
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'org-chart',
    open: async (page) => {
      await openCompany(page, LARGECO)
      await page.getByRole('button', { name: 'Org chart' }).click()
      const top = page.getByRole('treeitem').first()
      await top.focus()
      await page.keyboard.press('ArrowRight')
      await expect(page.locator('[role="treeitem"][aria-level="2"]').first()).toBeVisible()
      await page
        .getByRole('heading', { name: 'People' })
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await nav(page, 'Settings')
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    },
  },
]

test.describe.configure({ mode: 'serial' })

test.describe('accessibility of every view', () => {
  let session: ReviewSession
  let context: BrowserContext
  let page: Page

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000)
    mkdirSync(SCREENSHOTS, { recursive: true })
    session = await startReviewSession()
    // AxeBuilder opens a page of its own, so the page lives in a context made here.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await page.goto(session.harness.host.launchUrl)
    await connectCompany(page, 'Large Co Holdings', 'largeco')
  })

  test.afterAll(async () => {
    await context?.close()
    await session?.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      test(`${view.name} has no serious or critical violation in the ${colorScheme} theme`, async () => {
        await page.emulateMedia({ colorScheme })
        await view.open(page)
        // Let the last page of rows and any transition settle before judging contrast.
        await page.waitForTimeout(300)

        const results = await new AxeBuilder({ page }).analyze()
        const suffix = colorScheme === 'light' ? '' : '-dark'
        // The app scrolls inside its main area, so the window is what a person sees.
        await page.screenshot({ path: `${SCREENSHOTS}/${view.name}${suffix}.png` })

        const blocking = results.violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        )
        for (const violation of results.violations) {
          console.log(
            `[axe] ${view.name} ${colorScheme}: ${violation.impact} ${violation.id} ×${violation.nodes.length}`,
          )
        }
        expect(
          blocking.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          })),
        ).toEqual([])
      })
    }
  }
})

test.describe('the theme chosen in Settings', () => {
  let session: ReviewSession

  test.beforeAll(async () => {
    session = await startReviewSession()
  })

  test.afterAll(async () => {
    await session?.close()
  })

  test('wins over the system’s, survives a reload, and hands back to the system', async ({
    page,
  }) => {
    // The canvas colour as the page resolves it: #f4f6f8 in the light theme, #12161c in the dark.
    const canvas = () =>
      page.locator('body').evaluate((body) => {
        const probe = body.ownerDocument.createElement('span')
        probe.style.color = 'var(--color-canvas)'
        body.append(probe)
        const color = body.ownerDocument.defaultView!.getComputedStyle(probe).color
        probe.remove()
        return color
      })
    const LIGHT = 'rgb(244, 246, 248)'
    const DARK = 'rgb(18, 22, 28)'

    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(session.harness.host.launchUrl)
    await nav(page, 'Settings')
    const theme = page.getByLabel('Theme')
    await expect(theme).toHaveValue('system')
    expect(await canvas()).toBe(LIGHT)

    await theme.selectOption({ label: 'Dark' })
    expect(await canvas()).toBe(DARK)
    await page.reload()
    await nav(page, 'Settings')
    await expect(page.getByLabel('Theme')).toHaveValue('dark')
    expect(await canvas()).toBe(DARK)

    await page.getByLabel('Theme').selectOption({ label: 'Match the system' })
    expect(await canvas()).toBe(LIGHT)
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await canvas()).toBe(DARK)
    await page.emulateMedia({ colorScheme: 'light' })
    await page.getByLabel('Theme').selectOption({ label: 'Light' })
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await canvas()).toBe(LIGHT)
  })
})

async function nav(page: Page, section: 'Clients' | 'Settings'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: section })
    .click()
}
