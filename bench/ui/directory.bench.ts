/**
 * How the people table performs with 10,000 people, in Chromium through the browser host and
 * the local sandbox: the first paint of the directory after opening the company, and frame
 * times while scrolling it end to end. Each number is printed beside its target and beside a
 * baseline measured in the same run (the same page for a company whose directory is empty, and
 * the same page's frames while nothing scrolls), so a slow machine shows as a slow baseline.
 *
 * Run with `npm run bench:ui` after `npx electron-vite build`. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import { startSandbox } from '../../src/sandbox'
import { makeClient, startHarness } from '../../test/harness/start-harness'
import { makeTempDir } from '../../test/support/temp-dir'
import { clearKeychainService, testKeychainService } from '../../test/support/test-keychain'

const PEOPLE = 10_000
const FIRST_PAINT_TARGET_MS = 200
const FRAME_TARGET_MS = 16.7
const RUNS = 7
const SCROLL_FRAMES = 240
const SYNC_TIMEOUT_MS = 15 * 60_000

/** The browser globals the in-page measurements use; this file compiles without the DOM library. */
interface InPageElement {
  textContent: string | null
  scrollTop: number
  readonly scrollHeight: number
  readonly clientHeight: number
  click(): void
  getAttribute(name: string): string | null
  querySelector(selector: string): InPageElement | null
  querySelectorAll(selector: string): Iterable<InPageElement> & { length: number }
}

interface InPage {
  document: InPageElement
  requestAnimationFrame(callback: (now: number) => void): number
}

/** Products left unticked on Connect: the directory needs only Company and Directory. */
const UNNEEDED_PRODUCTS = ['Individuals', 'Employment', 'Payments', 'Pay statements', 'Benefits']

async function main(): Promise<void> {
  const keychainService = testKeychainService()
  const dataDir = makeTempDir('payroll-desk-bench-')
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Frames are not held to the display's refresh, so a frame's length is the work it took.
    args: ['--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  })

  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // tsx keeps function names with a `__name` helper, which the in-page functions also call.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
    await page.goto(harness.host.launchUrl)

    let started = Date.now()
    await connect(page, 'Empty Co', 'empty', 0)
    console.log(`[bench] empty company connected in ${Date.now() - started} ms`)
    started = Date.now()
    await connect(page, 'Scale Co', `scale-${PEOPLE}-1`, PEOPLE)
    console.log(
      `[bench] ${PEOPLE} people synced in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )

    const baselinePaints: number[] = []
    const paints: number[] = []
    for (let run = 0; run < RUNS; run++) {
      baselinePaints.push(await timeFirstPaint(page, 'Empty Co', '.empty-row'))
      paints.push(await timeFirstPaint(page, 'Scale Co', '[data-testid="directory-row"]'))
    }

    await openCompany(page, 'Scale Co', '[data-testid="directory-row"]')
    const idleFrames = await frameTimes(page, false)
    const scrollFrames = await frameTimes(page, true)

    report('first paint of the directory', paints, baselinePaints, FIRST_PAINT_TARGET_MS, 'median')
    report('scroll frame time', scrollFrames.frames, idleFrames.frames, FRAME_TARGET_MS, 'p95')
    console.log(
      `[bench] scrolled rows 1 to ${scrollFrames.lastRow} of ${PEOPLE}; at most ${scrollFrames.mostRows} rows in the DOM`,
    )
  } finally {
    await browser.close()
    await harness.close()
    await sandbox.close()
    await clearKeychainService(keychainService)
    dataDir.remove()
  }
}

/** Connects a sandbox login with only Company and Directory, and waits for its people. */
async function connect(page: Page, name: string, username: string, people: number): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
  await page.getByRole('button', { name: 'Connect a company' }).click()
  await page.getByLabel(/client company name/i).fill(name)
  for (const product of UNNEEDED_PRODUCTS) await page.getByLabel(product, { exact: true }).uncheck()
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open Finch Connect' }).click()
  const connectPage = await popupOpened
  await connectPage.locator('#continue').click()
  await connectPage.locator('#provider-gusto').click()
  await connectPage.locator('#username').fill(username)
  await connectPage.locator('#password').fill('letmein')
  await connectPage.locator('#sign-in').click()

  const count =
    people === 1 ? '1 person' : `${new Intl.NumberFormat('en-US').format(people)} people`
  await page
    .getByTestId('people-count')
    .filter({ hasText: count })
    .waitFor({ timeout: SYNC_TIMEOUT_MS })
}

/** Clicks the company on the Clients view and waits, inside the page, for `ready` to appear. */
async function timeFirstPaint(page: Page, company: string, ready: string): Promise<number> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Clients' })
    .click()
  await page.getByTestId('connection-row').first().waitFor()
  return page.evaluate(
    ({ company, ready }) =>
      new Promise<number>((resolve) => {
        const { document, requestAnimationFrame } = globalThis as unknown as InPage
        const row = [...document.querySelectorAll('[data-testid="connection-row"]')].find((r) =>
          r.textContent?.includes(company),
        )
        const started = performance.now()
        row?.querySelector('button')?.click()
        // The frame after the element exists is the one that painted it.
        const check = () => {
          if (document.querySelector(ready)) {
            requestAnimationFrame(() => resolve(performance.now() - started))
          } else requestAnimationFrame(check)
        }
        check()
      }),
    { company, ready },
  )
}

async function openCompany(page: Page, company: string, ready: string): Promise<void> {
  await timeFirstPaint(page, company, ready)
}

/** Frame lengths over `SCROLL_FRAMES` frames, scrolling the table end to end or standing still. */
async function frameTimes(
  page: Page,
  scrolling: boolean,
): Promise<{ frames: number[]; lastRow: number; mostRows: number }> {
  return page.evaluate(
    ({ scrolling, count }) =>
      new Promise<{ frames: number[]; lastRow: number; mostRows: number }>((resolve) => {
        const { document, requestAnimationFrame } = globalThis as unknown as InPage
        const scroller = document.querySelector('[data-testid="directory-table"]') as InPageElement
        scroller.scrollTop = 0
        const distance = scroller.scrollHeight - scroller.clientHeight
        const frames: number[] = []
        let mostRows = 0
        let previous = 0
        let frame = 0
        const step = (now: number) => {
          if (previous) frames.push(now - previous)
          previous = now
          mostRows = Math.max(
            mostRows,
            scroller.querySelectorAll('tbody tr:not(.spacer-row)').length,
          )
          if (frame === count) {
            const rows = [...scroller.querySelectorAll('tbody tr[aria-rowindex]')]
            const lastRow = Math.max(
              ...rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 1),
            )
            resolve({ frames, lastRow, mostRows })
            return
          }
          frame++
          if (scrolling) scroller.scrollTop = (distance * frame) / count
          requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
    { scrolling, count: SCROLL_FRAMES },
  )
}

function report(
  what: string,
  samples: number[],
  baseline: number[],
  targetMs: number,
  statistic: 'median' | 'p95',
): void {
  const measure = statistic === 'median' ? percentile(samples, 50) : percentile(samples, 95)
  const base = statistic === 'median' ? percentile(baseline, 50) : percentile(baseline, 95)
  const verdict = measure < targetMs ? 'meets' : 'MISSES'
  console.log(
    `[bench] ${what}: ${statistic} ${measure.toFixed(1)} ms (p95 ${percentile(samples, 95).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}, n=${samples.length}); ` +
      `baseline ${statistic} ${base.toFixed(1)} ms; target < ${targetMs} ms: ${verdict}`,
  )
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

await main()
