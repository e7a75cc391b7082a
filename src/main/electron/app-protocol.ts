/**
 * The `app://` protocol the window loads the renderer from: only files of the built renderer and
 * the shell's own error page, each answered with the strict Content-Security-Policy header. A
 * custom standard scheme keeps the app's origin distinct from `file://`, which would grant every
 * local file the same origin.
 * See https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import { SHELL_PAGES_PATH, shellPage } from './error-page'

export const APP_SCHEME = 'app'
export const APP_HOST = 'payroll-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** Must run before the app is ready. No `bypassCSP`: the policy applies to `app://` too. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl)
  if (url.host !== APP_HOST) return null
  const relative =
    url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
  const file = normalize(join(rendererDir, relative))
  return file.startsWith(normalize(rendererDir) + sep) ? file : null
}

/** Answers `app://` requests on the default session, the app window's; Connect's never see it. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request))
}

export async function answerAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') return reply(405, 'text/plain', 'Method not allowed')

  const url = new URL(request.url)
  if (url.host === APP_HOST && url.pathname.startsWith(SHELL_PAGES_PATH)) {
    const page = shellPage(url)
    return page ? reply(200, page.contentType, page.body) : reply(404, 'text/plain', 'Not found')
  }

  const file = resolveAppFile(rendererDir, request.url)
  if (!file) return reply(404, 'text/plain', 'Not found')
  try {
    const body = await readFile(file)
    return reply(200, contentTypes[extname(file)] ?? 'application/octet-stream', body)
  } catch {
    return reply(404, 'text/plain', 'Not found')
  }
}

function reply(status: number, contentType: string, body: string | Buffer): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  })
}
