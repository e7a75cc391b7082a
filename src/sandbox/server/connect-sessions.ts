/**
 * Connect sessions created by the app's back end: who is connecting, which products they are
 * asked for, and where Connect sends the browser back. They live in memory only; a session
 * outliving a restart is not something the app relies on.
 */
import { randomUUID } from 'node:crypto'

import type { Product } from './product'

export interface ConnectSession {
  id: string
  clientId: string
  customerId: string | null
  customerName: string | null
  customerEmail: string | null
  products: Product[]
  redirectUri: string | null
  manual: boolean
  /** Skips the provider list when the app already knows the employer's provider. */
  providerId: string | null
  expiresAt: number
  /** Set for re-authentication sessions: the connection whose identifiers must stay the same. */
  reauthentication: { connectionId: string; scenario: string } | null
}

export type SessionLookup =
  { ok: true; session: ConnectSession } | { ok: false; reason: 'unknown' | 'expired' }

export class ConnectSessions {
  private readonly sessions = new Map<string, ConnectSession>()

  constructor(private readonly now: () => number) {}

  create(fields: Omit<ConnectSession, 'id'>): ConnectSession {
    const session = { id: `sess_${randomUUID()}`, ...fields }
    this.sessions.set(session.id, session)
    return session
  }

  find(id: string | null): SessionLookup {
    const session = id ? this.sessions.get(id) : undefined
    if (!session) return { ok: false, reason: 'unknown' }
    if (this.now() >= session.expiresAt) return { ok: false, reason: 'expired' }
    return { ok: true, session }
  }
}
