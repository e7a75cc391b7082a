/**
 * How the sandbox answers one HTTP request: injected fault and latency, routing, Finch's error
 * bodies, `Finch-Request-Id`, the write (or a cut-short one) and the log entry. Bodies, queries
 * and headers are never logged: they may hold codes, secrets or tokens.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

import type { FaultKind } from '../sandbox-options'
import type { FaultPlan } from './fault-plan'
import {
  badGateway,
  FinchError,
  methodNotAllowed,
  notFound,
  rateLimited,
  serverError,
} from './finch-error'
import { readBody } from './request-body'
import type { RequestLog } from './request-log'
import { errorReply, type Reply } from './reply'
import { matchRoute, type Route } from './router'
import type { SandboxContext } from './sandbox-context'

export interface Pipeline {
  routes: readonly Route[]
  context: SandboxContext
  faults: () => FaultPlan
  log: RequestLog
}

const FAULT_ERRORS: Partial<Record<FaultKind, (plan: FaultPlan) => FinchError>> = {
  server_error: () => serverError(),
  bad_gateway: () => badGateway(),
  rate_limit_burst: (plan) => rateLimited('upstream_rate_limit_exceeded', plan.retryAfterSeconds),
}

export async function answerRequest(
  pipeline: Pipeline,
  message: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { context, log } = pipeline
  const startedAt = context.now()
  const startedClock = performance.now()
  const requestId = randomUUID()
  const method = message.method ?? 'GET'
  const url = new URL(message.url ?? '/', context.baseUrl)
  const match = matchRoute(pipeline.routes, method, url.pathname)
  const endpoint = `${method} ${match.kind === 'found' ? match.route.pattern : url.pathname}`

  const decision = pipeline.faults().decide(url.pathname)
  if (decision.latencyMs > 0) await sleep(decision.latencyMs)

  const record = (status: number): void =>
    log.add({
      at: startedAt,
      requestId,
      method,
      path: url.pathname,
      endpoint,
      status,
      fault: decision.fault,
      durationMs: Math.round(performance.now() - startedClock),
    })

  if (decision.fault === 'dropped') {
    message.socket.destroy()
    record(0)
    return
  }

  const reply = await replyFor(pipeline, message, url, match, decision.fault)
  writeReply(response, reply, requestId, decision.fault === 'truncated')
  record(reply.status)
}

async function replyFor(
  pipeline: Pipeline,
  message: IncomingMessage,
  url: URL,
  match: ReturnType<typeof matchRoute>,
  fault: FaultKind | null,
): Promise<Reply> {
  try {
    const faultError = fault ? FAULT_ERRORS[fault] : undefined
    if (faultError) throw faultError(pipeline.faults())
    if (match.kind === 'unknown') throw notFound('item_not_found', 'No such endpoint.')
    if (match.kind === 'wrong_method') throw methodNotAllowed(match.allowed)

    const body = await readBody(message)
    const request = {
      method: match.route.method,
      url,
      headers: message.headers,
      body,
      params: match.params,
    }
    return await match.route.handle(request, pipeline.context)
  } catch (error) {
    if (error instanceof FinchError) return errorReply(error)
    console.error('[sandbox] a route failed:', error instanceof Error ? error.message : error)
    return errorReply(serverError())
  }
}

function writeReply(
  response: ServerResponse,
  reply: Reply,
  requestId: string,
  truncate: boolean,
): void {
  const headers: Record<string, string> = {
    ...reply.headers,
    'Finch-Request-Id': requestId,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }

  if (truncate) {
    // No Content-Length: the client sees a complete 200 whose JSON stops halfway.
    response.writeHead(reply.status, headers)
    response.end(reply.body.slice(0, Math.floor(reply.body.length / 2)))
    return
  }

  headers['Content-Length'] = String(Buffer.byteLength(reply.body))
  response.writeHead(reply.status, headers)
  response.end(reply.body)
}
