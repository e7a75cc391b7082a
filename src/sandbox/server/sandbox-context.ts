/**
 * Everything a route may use, built once per running sandbox: the stores, the clock and the
 * options that shape Finch's rules. Routes receive it instead of reaching for globals, so two
 * sandboxes in one test process never share state.
 */
import type { SandboxClient } from '../sandbox-options'
import type { AutomatedJobs } from './automated-jobs'
import type { ConnectSessions } from './connect-sessions'
import type { ConnectionRegistry } from './connection-registry'
import type { DatasetCache } from './dataset-cache'
import type { FixtureLogins } from './fixture-logins'
import type { OneTimeCodes } from './one-time-codes'
import type { Product } from './product'
import type { RateLimiter } from './rate-limiter'

/** What an authorization code stands for until the app exchanges it for a token. */
export interface ConnectGrant {
  clientId: string
  redirectUri: string | null
  connectionId: string
  scenario: string
  providerId: string
  products: Product[]
  customerId: string | null
  customerName: string | null
  customerEmail: string | null
  username: string
  manual: boolean
  reauthenticated: boolean
}

/** A login finished in the OAuth pop-up, waiting for the opener to pick it up. */
export interface OAuthLogin {
  sessionId: string
  state: string | null
  providerId: string
  username: string
}

export interface SandboxContext {
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  baseUrl: string
  now: () => number
  signingKey: string
  clients: readonly SandboxClient[]
  sessions: ConnectSessions
  codes: OneTimeCodes<ConnectGrant>
  oauthLogins: OneTimeCodes<OAuthLogin>
  connections: ConnectionRegistry
  datasets: DatasetCache
  /** Connect usernames that log into a fixture folder's company. */
  fixtureLogins: FixtureLogins
  rateLimiter: RateLimiter | null
  jobs: AutomatedJobs
  /** Data requests per connection, for the assisted and reauth scenarios' behaviour. */
  dataRequests: Map<string, number>
  issuedTokens: string[]
}
