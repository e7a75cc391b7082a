/**
 * The public shapes of the local Finch sandbox: how to start it, what it answers with, and what
 * a test or the app's demo mode can observe and steer while it runs.
 */
import type { CompanyDataset } from './data/dataset'
import type { Product } from './server/product'

export type { Product }

/** Application credentials the sandbox accepts, like a Finch client id and secret. */
export interface SandboxClient {
  clientId: string
  clientSecret: string
}

/**
 * Failures the sandbox injects on purpose, so the app's retry and recovery paths can be
 * exercised. Draws come from one seeded generator, so the same seed and the same sequence of
 * requests fail the same way on every run.
 */
export interface FaultOptions {
  /** Seed of the fault generator; runs with the same seed and requests repeat exactly. */
  seed?: number
  /** Path prefixes faults apply to; defaults to the data endpoints (`/employer/`). */
  paths?: string[]
  /** Share of requests (0..1) answered 500 `server_error`. */
  serverErrorRate?: number
  /** Share of requests (0..1) answered 502 `bad_gateway_error`. */
  badGatewayRate?: number
  /** Share of requests (0..1) that start a burst of 429 `upstream_rate_limit_exceeded`. */
  rateLimitBurstRate?: number
  /** How many consecutive requests one 429 burst answers; 3 when absent. */
  rateLimitBurstLength?: number
  /** The `Retry-After` seconds a fault 429 carries; 1 when absent. */
  retryAfterSeconds?: number
  /** Delay added before answering: a fixed number of ms or a [min, max] range drawn per request. */
  latencyMs?: number | [number, number]
  /** Share of requests (0..1) whose socket is destroyed without any answer. */
  dropRate?: number
  /** Share of requests (0..1) whose body is cut in half (the status line still says 200). */
  truncateRate?: number
}

export type FaultKind =
  'server_error' | 'bad_gateway' | 'rate_limit_burst' | 'dropped' | 'truncated'

export interface SandboxOptions {
  /** 0 (the default) picks a free port. The sandbox only ever listens on 127.0.0.1. */
  port?: number
  /** Accepted application credentials; defaults to the demo client alone. */
  clients?: SandboxClient[]
  /** HMAC key of the self-contained access tokens; random when absent (tokens die on restart). */
  signingKey?: string
  /** JSON file that keeps connections, revocations and disconnections across restarts. */
  stateFile?: string
  /** Where a scenario's company comes from; defaults to the seeded data generators. */
  datasetFor?: (scenario: string) => CompanyDataset
  /** Seed handed to the default data generators; ignored when `datasetFor` is given. */
  seed?: number
  /**
   * Extra Connect logins, username → fixture folder (as `writeFixtureDataset` writes one), so a
   * reported case replays exactly. The password is the sandbox's; a folder that does not load
   * fails the start with the `FixtureError` that names the file.
   */
  fixtureFolders?: Record<string, string>
  /**
   * Finch's per-product application limits (requests per window). `false` turns them off; an
   * object overrides single products and keeps Finch's numbers for the rest.
   */
  rateLimits?: boolean | Partial<Record<Product, number>>
  /** Length of the rolling rate-limit window; Finch's is 60 seconds. */
  rateLimitWindowMs?: number
  faults?: FaultOptions
  /** Clock in epoch ms, so tests can move time (code expiry, rate windows, job progress). */
  now?: () => number
}

export interface RequestLogEntry {
  /** When the request arrived, from the sandbox clock. */
  at: number
  requestId: string
  method: string
  /** The path without its query string, which may hold session ids or codes. */
  path: string
  /** The route pattern that answered (`GET /employer/benefits/{benefit_id}`), or the path. */
  endpoint: string
  /** 0 when the connection was dropped on purpose. */
  status: number
  fault: FaultKind | null
  durationMs: number
}

/** Requests per endpoint (`GET /employer/directory`) and status (`'200'`, `'429'`). */
export type RequestSummary = Record<string, Record<string, number>>

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string
  close(): Promise<void>
  requestLog(): RequestLogEntry[]
  requestSummary(): RequestSummary
  /** Every access token issued since start, so tests can search logs and files for leaks. */
  issuedTokens(): string[]
  /** Makes the connection's existing tokens answer 401 `reauthenticate_user`. */
  revokeConnection(connectionId: string): void
  setFaults(faults: FaultOptions): void
}
