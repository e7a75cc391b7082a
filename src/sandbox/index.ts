/**
 * The local Finch sandbox: an offline stand-in for Finch's API and Connect pages, for tests and
 * the app's demo mode. Start it in-process with `startSandbox`, or from a terminal with
 * `npm run sandbox`.
 */
import { generatedDatasets } from './generated-datasets'
import type { RunningSandbox, SandboxClient, SandboxOptions } from './sandbox-options'
import { startSandbox as start } from './server/start-sandbox'

export type {
  FaultKind,
  FaultOptions,
  Product,
  RequestLogEntry,
  RequestSummary,
  RunningSandbox,
  SandboxClient,
  SandboxOptions,
} from './sandbox-options'

/**
 * The demo mode's application credentials. The secret is a fixed, public string on purpose: it
 * opens nothing but this local sandbox and is never valid against Finch.
 */
export const DEMO_CLIENT: SandboxClient = {
  clientId: 'payroll-desk-demo',
  clientSecret: 'sandbox-secret-payroll-desk-demo',
}

export function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return start(options, { defaultClients: [DEMO_CLIENT], defaultDatasets: generatedDatasets })
}
