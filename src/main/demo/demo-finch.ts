/**
 * Demo mode's Finch: the local sandbox, run in-process on 127.0.0.1, with credentials and a
 * token-signing key made for this installation and kept in the keychain, so demo connections
 * keep working across restarts and no secret is ever a constant in the code.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startSandbox } from '../../sandbox'
import type { RunningSandbox } from '../../sandbox'
import type { FinchApplication } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'

export const DEMO_CLIENT_ID = 'payroll-desk-demo'

export interface DemoFinch {
  application: FinchApplication
  close(): Promise<void>
}

export async function startDemoFinch(options: {
  vault: SecretVault
  dataDir: string
  logger: Logger
}): Promise<DemoFinch> {
  const clientSecret = await options.vault.readOrCreate(VAULT_ACCOUNTS.demoClientSecret, () =>
    randomBytes(32).toString('base64url'),
  )
  const signingKey = await options.vault.readOrCreate(VAULT_ACCOUNTS.demoSigningKey, () =>
    randomBytes(32).toString('base64url'),
  )

  const sandbox: RunningSandbox = await startSandbox({
    clients: [{ clientId: DEMO_CLIENT_ID, clientSecret }],
    signingKey,
    stateFile: join(options.dataDir, 'demo-sandbox-state.json'),
  })
  options.logger.info(`demo Finch sandbox listening on ${sandbox.url}`)

  return {
    application: { baseURL: sandbox.url, clientId: DEMO_CLIENT_ID, clientSecret },
    close: () => sandbox.close(),
  }
}
