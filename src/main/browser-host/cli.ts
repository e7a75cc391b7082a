/**
 * Starts Payroll Desk in a browser tab instead of an Electron window, for machines without the
 * Electron binary: `npm start` falls back to this. Prints the one-time launch address.
 */
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { KeytarApi } from '../vault/secret-vault'
import { startBrowserHost } from './browser-host'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    demo: { type: 'boolean', default: false },
    'keychain-service': { type: 'string', default: 'Payroll Desk' },
  },
})

const keytar = createRequire(import.meta.url)('@github/keytar') as KeytarApi
const dataDir = resolve(
  values['data-dir'] ?? process.env.PAYROLL_DESK_DATA_DIR ?? join(homedir(), '.payroll-desk'),
)

const host = await startBrowserHost({
  dataDir,
  rendererDir: resolve('out/renderer'),
  keytar,
  keychainService: values['keychain-service'],
  version: process.env.npm_package_version ?? 'dev',
  forceDemo: values.demo,
  ...(values.port ? { port: Number(values.port) } : {}),
})

console.log(`Payroll Desk is running. Open this address in your browser:\n\n  ${host.launchUrl}\n`)
console.log(`Data folder: ${dataDir}\nPress Ctrl+C to stop.`)

const stop = () => {
  void host.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
