/**
 * The end-to-end harness: the browser host (the real back end behind the IPC contract over
 * loopback) configured for real Finch mode against a local sandbox, with credentials made for
 * this run, and a record of every IPC response and event the page received.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BrowserHost, BrowserHostOptions } from '../../src/main/browser-host/browser-host'
import { startBrowserHost } from '../../src/main/browser-host/browser-host'
import { VAULT_ACCOUNTS } from '../../src/main/vault/secret-vault'
import type { SandboxClient } from '../../src/sandbox'
import { keytar } from '../support/test-keychain'

export interface HarnessOptions {
  dataDir: string
  keychainService: string
  /** The sandbox to use as Finch; its address may be dead (offline runs). */
  finchBaseUrl: string
  client: SandboxClient
  /** More browser-host options: an `openExternal` double, a `policyFile`, another keytar. */
  host?: Partial<Pick<BrowserHostOptions, 'openExternal' | 'policyFile' | 'keytar'>>
}

export interface Harness {
  host: BrowserHost
  /** Every IPC response and event body the page received, as sent. */
  observed: string[]
  close(): Promise<void>
}

export function makeClient(): SandboxClient {
  return {
    clientId: `e2e-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
  }
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  mkdirSync(options.dataDir, { recursive: true })
  writeFileSync(
    join(options.dataDir, 'settings.json'),
    JSON.stringify({
      mode: 'finch',
      clientId: options.client.clientId,
      redirectUri: 'http://localhost/payroll-desk/connect-callback',
      finchBaseUrl: options.finchBaseUrl,
    }),
  )
  await keytar.setPassword(
    options.keychainService,
    VAULT_ACCOUNTS.clientSecret,
    options.client.clientSecret,
  )

  const observed: string[] = []
  const host = await startBrowserHost({
    dataDir: options.dataDir,
    rendererDir: resolve('out/renderer'),
    keytar,
    keychainService: options.keychainService,
    version: 'e2e',
    observe: (_kind, body) => observed.push(body),
    // No machine policy unless a test brings one, whatever this computer has in /etc.
    policyFile: join(options.dataDir, 'no-policy.json'),
    ...options.host,
  })
  return { host, observed, close: () => host.close() }
}
