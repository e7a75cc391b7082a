/**
 * Reading and decoding request bodies. Finch's API takes JSON only; the token endpoint and the
 * Connect forms also take `application/x-www-form-urlencoded`, as OAuth clients and browsers send.
 */
import type { IncomingMessage } from 'node:http'

import { invalidRequest, payloadTooLarge } from './finch-error'
import { headerValue, type SandboxRequest } from './sandbox-request'

/** Large enough for a 10,000-id individual batch, small enough to refuse a runaway upload. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024

export async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0

  for await (const chunk of message) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > BODY_LIMIT_BYTES) throw payloadTooLarge(BODY_LIMIT_BYTES)
    chunks.push(buffer)
  }

  return Buffer.concat(chunks)
}

function mediaType(request: SandboxRequest): string {
  return (headerValue(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/** The JSON body of a request, or an empty object when it has none. */
export function jsonBody(request: SandboxRequest): unknown {
  if (request.body.length === 0) return {}
  if (mediaType(request) !== 'application/json') {
    throw invalidRequest('Request bodies must be JSON (Content-Type: application/json).')
  }

  try {
    return JSON.parse(request.body.toString('utf8')) as unknown
  } catch {
    throw invalidRequest('The request body is not valid JSON.')
  }
}

/** A flat body sent either as JSON or as an HTML/OAuth form. */
export function fieldsBody(request: SandboxRequest): Record<string, unknown> {
  if (mediaType(request) === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(request.body.toString('utf8')))
  }

  const body = jsonBody(request)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object.')
  }
  return body as Record<string, unknown>
}
