/**
 * Starting the local Finch sandbox: the one place that builds its stores from the options,
 * binds the HTTP server to 127.0.0.1 and hands back the handle tests and the app steer it with.
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { CompanyDataset } from '../data/dataset'
import type {
  FaultOptions,
  RunningSandbox,
  SandboxClient,
  SandboxOptions,
} from '../sandbox-options'
import { AutomatedJobs } from './automated-jobs'
import { ConnectSessions } from './connect-sessions'
import { ConnectionRegistry } from './connection-registry'
import { DatasetCache } from './dataset-cache'
import { FaultPlan } from './fault-plan'
import { loadFixtureLogins } from './fixture-logins'
import { OneTimeCodes } from './one-time-codes'
import { FINCH_PRODUCT_LIMITS, FINCH_RATE_WINDOW_MS, RateLimiter } from './rate-limiter'
import { answerRequest } from './request-pipeline'
import { RequestLog } from './request-log'
import { ALL_ROUTES } from './routes/all-routes'
import { CODE_LIFETIME_MS } from './routes/exchange-code'
import type { SandboxContext } from './sandbox-context'

const OAUTH_TICKET_LIFETIME_MS = 10 * 60_000

export interface StartDependencies {
  defaultClients: SandboxClient[]
  defaultDatasets: (seed: number | undefined) => Promise<(scenario: string) => CompanyDataset>
}

function rateLimiter(options: SandboxOptions, now: () => number): RateLimiter | null {
  if (options.rateLimits === false) return null
  const overrides = typeof options.rateLimits === 'object' ? options.rateLimits : {}
  return new RateLimiter(
    { ...FINCH_PRODUCT_LIMITS, ...overrides },
    options.rateLimitWindowMs ?? FINCH_RATE_WINDOW_MS,
    now,
  )
}

export async function startSandbox(
  options: SandboxOptions,
  dependencies: StartDependencies,
): Promise<RunningSandbox> {
  const now = options.now ?? Date.now
  const datasetFor = options.datasetFor ?? (await dependencies.defaultDatasets(options.seed))
  const fixtureLogins = await loadFixtureLogins(options.fixtureFolders)

  const context: SandboxContext = {
    baseUrl: 'http://127.0.0.1',
    now,
    signingKey: options.signingKey ?? randomBytes(32).toString('base64url'),
    clients: options.clients ?? dependencies.defaultClients,
    sessions: new ConnectSessions(now),
    codes: new OneTimeCodes(CODE_LIFETIME_MS, now),
    oauthLogins: new OneTimeCodes(OAUTH_TICKET_LIFETIME_MS, now),
    connections: new ConnectionRegistry(options.stateFile),
    datasets: new DatasetCache(
      (scenario) => fixtureLogins.datasets.get(scenario) ?? datasetFor(scenario),
    ),
    fixtureLogins,
    rateLimiter: rateLimiter(options, now),
    jobs: new AutomatedJobs(now),
    dataRequests: new Map(),
    issuedTokens: [],
  }
  let faults = new FaultPlan(options.faults)
  const log = new RequestLog()
  const pipeline = { routes: ALL_ROUTES, context, faults: () => faults, log }

  const server = createServer((message, response) => {
    answerRequest(pipeline, message, response).catch((error: unknown) => {
      console.error('[sandbox] could not answer:', error instanceof Error ? error.message : error)
      response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  context.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // Closing twice (a test's own close, then its cleanup) must not fail the second time.
  let closing: Promise<void> | null = null
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    }))

  return {
    url: context.baseUrl,
    close,
    requestLog: () => log.all(),
    requestSummary: () => log.summary(),
    issuedTokens: () => [...context.issuedTokens],
    revokeConnection: (connectionId) => context.connections.revoke(connectionId, now()),
    setFaults: (next: FaultOptions) => {
      faults = new FaultPlan(next)
    },
  }
}
