/**
 * The page the app window shows instead of going blank: when its own page fails to load, or the
 * renderer process behind it dies. It is served from `app://` like the app itself, under the same
 * Content-Security-Policy, and its one button reloads the app.
 */
import type { WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import type { Logger } from '../log/logger'

/** The shell's own pages live under this path of the app origin, apart from the renderer's. */
export const SHELL_PAGES_PATH = '/__shell/'

export type ErrorPageReason = 'load-failed' | 'renderer-gone'

const ERROR_PAGE = `${SHELL_PAGES_PATH}error.html`
const ERROR_SCRIPT = `${SHELL_PAGES_PATH}error-page.js`
const ERROR_STYLES = `${SHELL_PAGES_PATH}error-page.css`

/** Chromium's net::ERR_ABORTED: a load the app cancelled itself (navigation lock, a newer load). */
const ERR_ABORTED = -3

const explanations: Record<ErrorPageReason, { title: string; body: string }> = {
  'load-failed': {
    title: 'Payroll Desk could not load this window',
    body: 'The app’s own page did not load. Reload to try again; if this keeps happening, the installation may be damaged and reinstalling Payroll Desk will repair it.',
  },
  'renderer-gone': {
    title: 'This window stopped unexpectedly',
    body: 'The part of Payroll Desk that draws this window stopped, for example because the computer ran low on memory. Reload to carry on where you were.',
  },
}

export function errorPageUrl(appOrigin: string, reason: ErrorPageReason): string {
  return `${appOrigin}${ERROR_PAGE}?reason=${reason}`
}

export function isErrorPageUrl(url: string, appOrigin: string): boolean {
  return url.startsWith(`${appOrigin}${ERROR_PAGE}`)
}

/**
 * One of the shell's pages for a request under SHELL_PAGES_PATH, or null. The page text comes
 * from a fixed table keyed by the reason; nothing from the URL is written into the page.
 */
export function shellPage(url: URL): { body: string; contentType: string } | null {
  if (url.pathname === ERROR_PAGE) {
    const reason = url.searchParams.get('reason')
    const text = reason === 'renderer-gone' ? explanations[reason] : explanations['load-failed']
    return { body: errorPageHtml(text), contentType: 'text/html; charset=utf-8' }
  }
  if (url.pathname === ERROR_SCRIPT) {
    return { body: errorPageScript, contentType: 'text/javascript; charset=utf-8' }
  }
  if (url.pathname === ERROR_STYLES) {
    return { body: errorPageStyles, contentType: 'text/css; charset=utf-8' }
  }
  return null
}

/**
 * Replaces a failed or crashed app page with the error page. Loads the app cancelled itself are
 * not failures, and a failing error page is left alone rather than retried in a loop.
 */
export function showErrorPageOnFailure(
  contents: WebContents,
  appOrigin: string,
  logger: Logger,
): void {
  const show = (reason: ErrorPageReason) => {
    if (contents.isDestroyed()) return
    contents.loadURL(errorPageUrl(appOrigin, reason)).catch((error: unknown) => {
      logger.error('the error page did not load either', error)
    })
  }

  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || isErrorPageUrl(url, appOrigin)) return
    logger.error(`the app page did not load: ${errorDescription} (${errorCode})`)
    show('load-failed')
  })
  // A missing file is answered with a 404 page, which loads "successfully" but shows nothing.
  contents.on('did-navigate', (_event, url, httpResponseCode) => {
    if (httpResponseCode < 400 || isErrorPageUrl(url, appOrigin)) return
    logger.error(`the app page answered HTTP ${httpResponseCode}`)
    show('load-failed')
  })
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    logger.error(`the window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`)
    show('renderer-gone')
  })
}

/** A meta tag cannot carry frame-ancestors; the header sent with the page does. */
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ')

function errorPageHtml(text: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />
    <meta name="color-scheme" content="light dark" />
    <title>Payroll Desk</title>
    <link rel="stylesheet" href="${ERROR_STYLES}" />
    <script src="${ERROR_SCRIPT}" defer></script>
  </head>
  <body>
    <main role="alert" data-testid="shell-error-page">
      <h1>${text.title}</h1>
      <p>${text.body}</p>
      <p>Your payroll data is safe in the encrypted cache. Help → Open logs folder shows the log, which says what went wrong.</p>
      <button id="reload" type="button" autofocus>Reload</button>
    </main>
  </body>
</html>
`
}

const errorPageScript = `document.getElementById('reload').addEventListener('click', () => {
  location.replace('/index.html')
})
`

const errorPageStyles = `:root { font-family: system-ui, sans-serif; color-scheme: light dark; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
main { max-width: 34rem; padding: 2rem; line-height: 1.5; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 6px; border: 1px solid #1f5fbf;
  background: #1f5fbf; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #8ab4f8; outline-offset: 2px; }
`
