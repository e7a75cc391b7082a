/**
 * Serves the real renderer to a browser and carries the IPC contract over HTTP on 127.0.0.1,
 * with the same back-end services the Electron shell runs. Used where Electron's binary is not
 * installed (`npm start` falls back to it) and by the end-to-end tests in Chromium.
 *
 * Only the page that opened the one-time launch URL can call it: that visit sets an HttpOnly,
 * SameSite=Strict session cookie holding a per-run secret, and every IPC request must carry it
 * and come from the host's own origin (and Host header, against DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IpcEvent, IpcEventPayloads, IpcResponse } from '../../shared/ipc-contract'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import type { AppServices, AppServicesOptions } from '../app-services'
import { createAppServices } from '../app-services'
import { sendExportDownload } from '../export/export-download'
import { BrowserConnectPresenter } from './browser-connect-presenter'

export interface BrowserHostOptions extends Omit<
  AppServicesOptions,
  'presenter' | 'emit' | 'redirectUriOverride'
> {
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  port?: number
  /** Sees every IPC response and event the page receives (tests search them for secrets). */
  observe?: (kind: 'response' | 'event', body: string) => void
}

export interface BrowserHost {
  /** The one-time launch address: open it to get a session. */
  launchUrl: string
  origin: string
  services: AppServices
  close(): Promise<void>
}

const SESSION_COOKIE = 'payroll_desk_session'
const MAX_IPC_BODY_BYTES = 1024 * 1024
const CALLBACK_PATH = '/connect-callback'
/** The page reports here that the Connect pop-up it opened was closed. */
const CONNECT_CLOSED_PATH = '/__connect-closed'
/** Exports wait here for one fetch by the page's session: `/__export/<one-time id>`. */
const EXPORT_PATH = '/__export/'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = randomBytes(32).toString('base64url')
  const firstLaunchToken = randomBytes(32).toString('base64url')
  let launchToken: string | null = firstLaunchToken
  const streams = new Set<ServerResponse>()
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const broadcast = (event: string, payload: unknown) => {
    const body = JSON.stringify({ event, payload })
    options.observe?.('event', body)
    for (const stream of streams) stream.write(`data: ${body}\n\n`)
  }
  const presenter = new BrowserConnectPresenter((popUp) => broadcast('host.open-connect', popUp))
  const services = await createAppServices({
    ...options,
    presenter,
    redirectUriOverride: `${origin}${CALLBACK_PATH}`,
    // In a browser tab, "Connect in my browser" is a new tab of the same browser.
    openExternal:
      options.openExternal ?? (async (url: string) => broadcast('host.open-connect', { url })),
    emit: <E extends IpcEvent>(event: E, payload: IpcEventPayloads[E]) => broadcast(event, payload),
  })
  const log = services.logger.child('browser-host')
  const bridgeScript = readFileSync(fileURLToPath(new URL('./browser-bridge.js', import.meta.url)))

  server.on('request', (request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('request failed', error)
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error')
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    if (request.headers.host !== new URL(origin).host) {
      send(response, 421, 'text/plain', 'Misdirected request')
      return
    }

    if (url.pathname === '/' && url.searchParams.has('launch')) {
      // The launch token opens one session, once; the session cookie holds a different secret,
      // so the printed address is worthless after its first use.
      if (hasSession(request, secret)) {
        // The tab that already holds the session may follow the link again.
        response.writeHead(303, { location: '/', 'cache-control': 'no-store' })
        response.end()
        return
      }
      if (launchToken === null || !sameSecret(url.searchParams.get('launch') ?? '', launchToken)) {
        send(response, 403, 'text/plain', 'This launch link is not valid or was already used.')
        return
      }
      launchToken = null
      response.writeHead(303, {
        location: '/',
        'set-cookie': `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      })
      response.end()
      return
    }

    if (url.pathname === CALLBACK_PATH) {
      const accepted = presenter.receiveRedirect(url.toString())
      send(
        response,
        accepted ? 200 : 409,
        'text/html; charset=utf-8',
        `<!doctype html><title>Payroll Desk</title><p>${
          accepted
            ? 'Done. You can close this window and return to Payroll Desk.'
            : 'No connection attempt is waiting.'
        }</p><script>window.close()</script>`,
        { 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'" },
      )
      return
    }

    if (url.pathname === CONNECT_CLOSED_PATH) {
      if (
        request.method !== 'POST' ||
        !hasSession(request, secret) ||
        !sameOriginRequest(request, origin)
      ) {
        send(response, 403, 'text/plain', 'This page is not allowed to use Payroll Desk.')
        return
      }
      const body = await readBody(request, 1024)
      if (body === null) {
        response.setHeader('connection', 'close')
        response.on('finish', () => request.destroy())
      }
      const attempt = readAttempt(body)
      if (attempt !== null && presenter.popUpClosed(attempt)) {
        log.info('the Finch Connect pop-up was closed; the attempt was cancelled')
      }
      response.writeHead(204, { 'cache-control': 'no-store' })
      response.end()
      return
    }

    if (url.pathname === '/__ipc' || url.pathname === '/__events') {
      if (!hasSession(request, secret) || !sameOriginRequest(request, origin)) {
        send(response, 403, 'application/json', JSON.stringify(forbidden()))
        return
      }
      if (url.pathname === '/__events') openEventStream(response)
      else await answerIpc(request, response)
      return
    }

    if (url.pathname.startsWith(EXPORT_PATH)) {
      if (!hasSession(request, secret) || !sameOriginRequest(request, origin)) {
        send(response, 403, 'text/plain', 'This page is not allowed to use Payroll Desk.')
        return
      }
      await sendExportDownload(
        services.exports,
        url.pathname.slice(EXPORT_PATH.length),
        response,
        { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
        log,
      )
      return
    }

    if (url.pathname === '/__bridge.js') {
      send(response, 200, contentTypes['.js']!, bridgeScript)
      return
    }

    serveRenderer(url.pathname, response)
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    streams.add(response)
    response.on('close', () => streams.delete(response))
  }

  async function answerIpc(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let result: IpcResponse
    const body = await readBody(request, MAX_IPC_BODY_BYTES)
    if (body === null) {
      response.setHeader('connection', 'close')
      response.on('finish', () => request.destroy())
      result = {
        ok: false,
        error: { code: 'invalid_argument', message: 'The request is too large.' },
      }
    } else {
      let message: { channel?: unknown; args?: unknown } = {}
      try {
        message = JSON.parse(body) as typeof message
      } catch {
        message = {}
      }
      result = await services.router.dispatch(message?.channel, message?.args)
    }
    const text = JSON.stringify(result)
    options.observe?.('response', text)
    send(response, 200, 'application/json', text)
  }

  function serveRenderer(pathname: string, response: ServerResponse): void {
    let relative: string
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    } catch {
      send(response, 400, 'text/plain', 'Bad request')
      return
    }
    const file = normalize(join(options.rendererDir, relative))
    if (!file.startsWith(normalize(options.rendererDir) + sep)) {
      send(response, 404, 'text/plain', 'Not found')
      return
    }
    let content: Buffer
    try {
      content = readFileSync(file)
    } catch {
      send(response, 404, 'text/plain', 'Not found')
      return
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream'
    if (relative === 'index.html') {
      // The bridge must exist before the app's module script runs.
      content = Buffer.from(
        content.toString('utf8').replace('<head>', '<head><script src="/__bridge.js"></script>'),
      )
    }
    send(response, 200, type, content)
  }

  return {
    launchUrl: `${origin}/?launch=${firstLaunchToken}`,
    origin,
    services,
    async close() {
      for (const stream of streams) stream.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // The page's event stream and keep-alive sockets would hold the server open.
      server.closeAllConnections()
      await closed
      await services.close()
    },
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...headers,
  })
  response.end(body)
}

function forbidden(): IpcResponse {
  return {
    ok: false,
    error: { code: 'forbidden_sender', message: 'This page is not allowed to use Payroll Desk.' },
  }
}

function hasSession(request: IncomingMessage, secret: string): boolean {
  const cookies = (request.headers.cookie ?? '').split(';').map((c) => c.trim())
  const value = cookies
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1)
  return value !== undefined && sameSecret(value, secret)
}

/** Browsers send Origin on POST and on EventSource; a request from another page's origin fails here. */
function sameOriginRequest(request: IncomingMessage, origin: string): boolean {
  const sent = request.headers.origin
  if (sent !== undefined) return sent === origin
  const fetchSite = request.headers['sec-fetch-site']
  return request.method === 'GET' && (fetchSite === undefined || fetchSite === 'same-origin')
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The attempt id of a closed-pop-up report, `{ "attempt": "<id>" }`; null for anything else. */
function readAttempt(body: string | null): string | null {
  if (body === null) return null
  try {
    const attempt = (JSON.parse(body) as { attempt?: unknown } | null)?.attempt
    return typeof attempt === 'string' && /^[\w-]{1,64}$/.test(attempt) ? attempt : null
  } catch {
    return null
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      // Stop reading an oversized body at once; the answer closes the connection.
      tooLarge = true
      request.pause()
      resolve(null)
    })
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
