/**
 * Self-contained, HMAC-signed access tokens (`sbx_<base64url claims>.<base64url HMAC-SHA256>`)
 * that verify after a restart with the same key, without any stored table of tokens. The demo
 * mode depends on it: it restarts the sandbox every launch and keeps tokens in the keychain.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'

export interface AccessTokenClaims {
  /** Unique per token (a UUID, as introspection's `id` is), so no two tokens ever collide. */
  tokenId: string
  connectionId: string
  scenario: string
  products: string[]
  /** Epoch ms; revocations and disconnections end every token issued at or before them. */
  issuedAt: number
  clientId: string
  providerId: string
  customerId: string | null
  customerName: string | null
  customerEmail: string | null
  username: string
  /** Assisted (manual) connections sync weekly and answer 202 until their data is ready. */
  manual: boolean
  /** Issued by a re-authentication session, which the `reauth` scenario no longer cuts off. */
  reauthenticated: boolean
}

const PREFIX = 'sbx_'
const CLAIMS_VERSION = 1

export function newTokenId(): string {
  return randomUUID()
}

function signature(claimsPart: string, signingKey: string): Buffer {
  return createHmac('sha256', signingKey).update(claimsPart).digest()
}

export function signAccessToken(claims: AccessTokenClaims, signingKey: string): string {
  const claimsPart = Buffer.from(JSON.stringify({ v: CLAIMS_VERSION, ...claims })).toString(
    'base64url',
  )
  return `${PREFIX}${claimsPart}.${signature(claimsPart, signingKey).toString('base64url')}`
}

/** The token's claims when its signature holds, otherwise null. */
export function verifyAccessToken(token: string, signingKey: string): AccessTokenClaims | null {
  if (!token.startsWith(PREFIX)) return null

  const [claimsPart, signaturePart, extra] = token.slice(PREFIX.length).split('.')
  if (!claimsPart || !signaturePart || extra !== undefined) return null

  const expected = signature(claimsPart, signingKey)
  const presented = Buffer.from(signaturePart, 'base64url')
  // Node's decoder skips stray characters; insist on the canonical spelling so one token has
  // exactly one accepted form.
  if (presented.toString('base64url') !== signaturePart) return null
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null

  try {
    return claimsFrom(JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')))
  } catch {
    return null
  }
}

function claimsFrom(value: unknown): AccessTokenClaims | null {
  if (typeof value !== 'object' || value === null) return null
  const raw = value as Record<string, unknown>

  const strings = ['tokenId', 'connectionId', 'scenario', 'clientId', 'providerId', 'username']
  const nullableStrings = ['customerId', 'customerName', 'customerEmail']
  if (raw.v !== CLAIMS_VERSION) return null
  if (!strings.every((key) => typeof raw[key] === 'string')) return null
  if (!nullableStrings.every((key) => raw[key] === null || typeof raw[key] === 'string')) {
    return null
  }
  if (!Array.isArray(raw.products) || !raw.products.every((p) => typeof p === 'string')) return null
  if (typeof raw.issuedAt !== 'number' || !Number.isFinite(raw.issuedAt)) return null
  if (typeof raw.manual !== 'boolean' || typeof raw.reauthenticated !== 'boolean') return null

  return {
    tokenId: raw.tokenId as string,
    connectionId: raw.connectionId as string,
    scenario: raw.scenario as string,
    products: raw.products as string[],
    issuedAt: raw.issuedAt,
    clientId: raw.clientId as string,
    providerId: raw.providerId as string,
    customerId: raw.customerId as string | null,
    customerName: raw.customerName as string | null,
    customerEmail: raw.customerEmail as string | null,
    username: raw.username as string,
    manual: raw.manual,
    reauthenticated: raw.reauthenticated,
  }
}
