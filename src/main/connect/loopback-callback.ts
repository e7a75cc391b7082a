/**
 * The one-shot listener behind "Connect in my browser": Finch Connect, opened in the system
 * browser, redirects to `http://127.0.0.1:<port>/callback` and this takes that redirect back to
 * the app, as RFC 8252 (OAuth for native apps, section 7.3) describes for loopback redirects.
 *
 * It listens on 127.0.0.1 only and only while the attempt runs. It accepts exactly one
 * well-formed callback that carries the attempt's `state`, answers with a page that sends the
 * user back to the app, and closes. Anything else (another path or method, a wrong or missing
 * `state`, a second callback, another Host, a peer that is not this computer) is refused and the
 * attempt keeps waiting, so a stray or hostile request can neither end it nor slip a code in.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../shared/app-error'
import type { Logger } from '../log/logger'

export const CALLBACK_PATH = '/callback'

export interface CallbackRequest {
  method: string | undefined
  /** The request target as sent: a path with its query. */
  target: string | undefined
  host: string | undefined
  remoteAddress: string | undefined
}

export type CallbackVerdict =
  { accept: true } | { accept: false; status: number; reason: CallbackRefusal }

export type CallbackRefusal =
  | 'peer_not_loopback'
  | 'wrong_host'
  | 'wrong_path'
  | 'wrong_method'
  | 'wrong_state'
  | 'malformed'
  | 'already_answered'

export interface LoopbackCallback {
  redirectUri: string
  port: number
  /** The accepted callback's full URL; rejects with the attempt's reason when it ends first. */
  received: Promise<string>
  /** Stops listening and drops open sockets; resolves once the port is free again. */
  close(): Promise<void>
}

export interface LoopbackCallbackOptions {
  /** 0 picks a free port; a fixed one is for redirect URIs registered with Finch. */
  port: number
  expectedState: string
  signal: AbortSignal
  logger: Logger
}

const CODE_PATTERN = /^[A-Za-z0-9._~+/=-]{1,2048}$/
const ERROR_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/

/** Decides one request on its own; exported so every refusal can be tested without a socket. */
export function judgeCallback(
  request: CallbackRequest,
  expected: { host: string; state: string },
): CallbackVerdict {
  if (!isLoopbackPeer(request.remoteAddress)) return refuse(403, 'peer_not_loopback')
  // Against DNS rebinding: a page on another name that resolves here is not Connect's redirect.
  if (request.host !== expected.host) return refuse(421, 'wrong_host')
  const target = request.target ?? ''
  if (!target.startsWith('/')) return refuse(400, 'malformed')

  const url = new URL(target, `http://${expected.host}`)
  if (url.pathname !== CALLBACK_PATH) return refuse(404, 'wrong_path')
  if (request.method !== 'GET') return refuse(405, 'wrong_method')

  const params = url.searchParams
  const states = params.getAll('state')
  if (states.length !== 1 || !sameSecret(states[0]!, expected.state)) {
    return refuse(400, 'wrong_state')
  }
  const codes = params.getAll('code')
  const errors = params.getAll('error')
  if (codes.length + errors.length !== 1) return refuse(400, 'malformed')
  if (codes.length === 1 && !CODE_PATTERN.test(codes[0]!)) return refuse(400, 'malformed')
  if (errors.length === 1 && !ERROR_PATTERN.test(errors[0]!)) return refuse(400, 'malformed')
  return { accept: true }
}

export async function listenForCallback(
  options: LoopbackCallbackOptions,
): Promise<LoopbackCallback> {
  if (options.signal.aborted) throw options.signal.reason as Error
  const log = options.logger
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000 })
  await listen(server, options.port)
  const port = (server.address() as AddressInfo).port
  const host = `127.0.0.1:${port}`

  let answered = false
  let settle: { resolve: (url: string) => void; reject: (error: Error) => void } | null = null
  const received = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // The flow may stop waiting (cancel, timeout) before anyone awaits this.
  received.catch(() => undefined)

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }

  const onAbort = () => {
    settle?.reject(
      (options.signal.reason as Error) ??
        new AppError('connect_cancelled', 'Connecting was cancelled.'),
    )
    void close()
  }
  options.signal.addEventListener('abort', onAbort, { once: true })
  server.on('close', () => options.signal.removeEventListener('abort', onAbort))

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const verdict: CallbackVerdict = answered
      ? { accept: false, status: 409, reason: 'already_answered' }
      : judgeCallback(
          {
            method: request.method,
            target: request.url,
            host: request.headers.host,
            remoteAddress: request.socket.remoteAddress,
          },
          { host, state: options.expectedState },
        )

    if (!verdict.accept) {
      // The target is not logged: it may carry a code meant for this attempt.
      log.warn(`refused a request to the browser callback (${verdict.reason})`)
      answer(response, verdict.status, REFUSED_PAGE)
      return
    }

    answered = true
    log.info('received the browser callback')
    answer(response, 200, RETURN_PAGE, () => void close())
    settle?.resolve(`http://${host}${request.url ?? ''}`)
  })

  return { redirectUri: `http://${host}${CALLBACK_PATH}`, port, received, close }
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new AppError(
            'connect_port_busy',
            `Port ${port} on this computer is already in use, so Finch Connect could not return to Payroll Desk there. Close the program using it, or choose another port in Settings, then try again.`,
          ),
        )
        return
      }
      reject(
        new AppError(
          'connect_failed',
          `Payroll Desk could not listen on port ${port} of this computer for Finch Connect's answer (${error.code ?? 'unknown error'}).`,
        ),
      )
    })
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve())
  })
}

function answer(
  response: ServerResponse,
  status: number,
  page: string,
  afterward?: () => void,
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  })
  response.end(page, afterward)
}

function isLoopbackPeer(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1'
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function refuse(status: number, reason: CallbackRefusal): CallbackVerdict {
  return { accept: false, status, reason }
}

const PAGE_STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;color:#1f2933;',
  'max-width:32rem;margin:15vh auto;padding:0 1rem}',
].join('')

/** A static page: nothing from the request is echoed, and it loads nothing. */
function page(title: string, heading: string, text: string): string {
  return [
    '<!doctype html><html lang="en"><meta charset="utf-8">',
    `<title>${title}</title><style>${PAGE_STYLE}</style>`,
    `<main><h1>${heading}</h1><p>${text}</p></main></html>`,
  ].join('')
}

const RETURN_PAGE = page(
  'Return to Payroll Desk',
  'Return to Payroll Desk',
  'Finch Connect has finished. Go back to Payroll Desk to see the connection; you can close this tab.',
)

const REFUSED_PAGE = page(
  'Payroll Desk',
  'Not accepted',
  'This address only takes Finch Connect’s answer for the connection Payroll Desk is waiting for.',
)
