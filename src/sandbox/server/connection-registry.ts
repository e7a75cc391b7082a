/**
 * What the sandbox knows about connections beyond their tokens: who they are, so a
 * re-authentication can reopen one, and when they were revoked or disconnected. Tokens issued
 * at or before such a moment are refused and later ones work, so re-authenticating keeps the id.
 */
import type { AccessTokenClaims } from './access-token'
import { readStateFile, writeStateFile } from './state-file'

export interface ConnectionInfo {
  connectionId: string
  clientId: string
  scenario: string
  providerId: string
  customerId: string | null
  customerName: string | null
  customerEmail: string | null
  username: string
  manual: boolean
  products: string[]
}

interface ConnectionEnding {
  revokedAt?: number
  disconnectedAt?: number
}

export type ConnectionStanding = 'active' | 'revoked' | 'disconnected'

interface StateFileContents {
  version: 1
  connections: ConnectionInfo[]
  endings: Record<string, ConnectionEnding>
}

export class ConnectionRegistry {
  private readonly infos = new Map<string, ConnectionInfo>()
  private readonly endings = new Map<string, ConnectionEnding>()
  private readonly latestIssue = new Map<string, number>()

  constructor(private readonly stateFile?: string) {
    if (stateFile) this.load(stateFile)
  }

  info(connectionId: string): ConnectionInfo | undefined {
    return this.infos.get(connectionId)
  }

  /** Learns a connection from a token it issued or verified, so restarts without a file cope. */
  remember(claims: AccessTokenClaims): void {
    const known = this.infos.get(claims.connectionId)
    if (known && known.products.join(' ') === claims.products.join(' ')) return

    this.infos.set(claims.connectionId, {
      connectionId: claims.connectionId,
      clientId: claims.clientId,
      scenario: claims.scenario,
      providerId: claims.providerId,
      customerId: claims.customerId,
      customerName: claims.customerName,
      customerEmail: claims.customerEmail,
      username: claims.username,
      manual: claims.manual,
      products: [...claims.products],
    })
    this.save()
  }

  revoke(connectionId: string, now: number): void {
    const revokedAt = this.endingTime(connectionId, now)
    this.endings.set(connectionId, { ...this.endings.get(connectionId), revokedAt })
    this.save()
  }

  disconnect(connectionId: string, now: number): void {
    const disconnectedAt = this.endingTime(connectionId, now)
    this.endings.set(connectionId, { ...this.endings.get(connectionId), disconnectedAt })
    this.save()
  }

  standing(claims: AccessTokenClaims): ConnectionStanding {
    const ending = this.endings.get(claims.connectionId)
    if (ending?.disconnectedAt !== undefined && claims.issuedAt <= ending.disconnectedAt) {
      return 'disconnected'
    }
    if (ending?.revokedAt !== undefined && claims.issuedAt <= ending.revokedAt) return 'revoked'
    return 'active'
  }

  /**
   * The issue time of a new token for this connection: now, but always after its last
   * revocation or disconnection, so a clock frozen by a test cannot mint a dead token.
   */
  issueTime(connectionId: string, now: number): number {
    const ending = this.endings.get(connectionId)
    const issuedAt = Math.max(
      now,
      (ending?.revokedAt ?? -Infinity) + 1,
      (ending?.disconnectedAt ?? -Infinity) + 1,
    )
    this.latestIssue.set(connectionId, issuedAt)
    return issuedAt
  }

  /** An ending must cover every token issued so far, even one pushed ahead of a frozen clock. */
  private endingTime(connectionId: string, now: number): number {
    return Math.max(now, this.latestIssue.get(connectionId) ?? -Infinity)
  }

  private load(path: string): void {
    const contents = readStateFile(path)
    if (contents === undefined) return
    if (!isStateFileContents(contents)) {
      throw new Error(
        `[sandbox] state file ${path} has an unknown shape; move it away to start fresh`,
      )
    }

    for (const info of contents.connections) this.infos.set(info.connectionId, info)
    for (const [id, ending] of Object.entries(contents.endings)) this.endings.set(id, ending)
  }

  private save(): void {
    if (!this.stateFile) return
    const contents: StateFileContents = {
      version: 1,
      connections: [...this.infos.values()],
      endings: Object.fromEntries(this.endings),
    }
    writeStateFile(this.stateFile, contents)
  }
}

function isStateFileContents(value: unknown): value is StateFileContents {
  if (typeof value !== 'object' || value === null) return false
  const raw = value as Record<string, unknown>
  return (
    raw.version === 1 &&
    Array.isArray(raw.connections) &&
    raw.connections.every((c) => typeof c === 'object' && c !== null && 'connectionId' in c) &&
    typeof raw.endings === 'object' &&
    raw.endings !== null
  )
}
