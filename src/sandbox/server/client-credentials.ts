/**
 * Checking application credentials, sent as HTTP Basic auth to `/connect/sessions` and in the
 * body to `/auth/token`. Secrets are compared in constant time, as a real server must.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

import type { SandboxClient } from '../sandbox-options'
import { headerValue, type SandboxRequest } from './sandbox-request'

function sameSecret(presented: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

export function findClient(
  clients: readonly SandboxClient[],
  clientId: unknown,
  clientSecret: unknown,
): SandboxClient | undefined {
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') return undefined
  const client = clients.find((candidate) => candidate.clientId === clientId)
  if (!client) return undefined
  return sameSecret(clientSecret, client.clientSecret) ? client : undefined
}

export function basicCredentials(
  request: SandboxRequest,
): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerValue(request, 'authorization') ?? '')
  if (!match) return null

  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) }
}
