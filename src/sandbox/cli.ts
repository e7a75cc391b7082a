/**
 * `npm run sandbox`: runs the local Finch sandbox in a terminal and prints its address and the
 * demo client id. Options: `--port <n>` (default: a free port), `--seed <n>` for the data
 * generators, `--state-file <path>` to keep connections across restarts, `--signing-key` so
 * tokens stay valid across restarts too, and `--fixture <username>=<folder>` (repeatable) to
 * serve a fixture folder to that Connect login. `--print-discrepancies` prints the problems
 * planted in the `discrepancies` company as JSON and exits without serving.
 */
import { parseArgs } from 'node:util'

import { DEMO_CLIENT, startSandbox } from './index'

function fail(message: string): never {
  console.error(`[sandbox] ${message}`)
  process.exit(2)
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, not "${value}"`)
  return Number(value)
}

function fixtureFolders(values: readonly string[] | undefined): Record<string, string> {
  const folders: Record<string, string> = {}
  for (const value of values ?? []) {
    const separator = value.indexOf('=')
    if (separator <= 0 || separator === value.length - 1) {
      fail(`--fixture takes <username>=<folder>, not "${value}"`)
    }
    folders[value.slice(0, separator)] = value.slice(separator + 1)
  }
  return folders
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    'state-file': { type: 'string' },
    'signing-key': { type: 'string' },
    fixture: { type: 'string', multiple: true },
    'print-discrepancies': { type: 'boolean' },
  },
})
const seed = wholeNumber('seed', values.seed)

if (values['print-discrepancies']) {
  const { createScenario, plantedDiscrepancies } = await import('./data')
  const dataset = createScenario('discrepancies', seed === undefined ? {} : { seed })
  console.log(JSON.stringify(plantedDiscrepancies(dataset), null, 2))
  process.exit(0)
}

const folders = fixtureFolders(values.fixture)
const sandbox = await startSandbox({
  port: wholeNumber('port', values.port),
  seed,
  stateFile: values['state-file'],
  signingKey: values['signing-key'],
  fixtureFolders: folders,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))

console.log(`[sandbox] Finch sandbox listening at ${sandbox.url}`)
console.log(`[sandbox] demo client: ${DEMO_CLIENT.clientId} (secret: DEMO_CLIENT in index.ts)`)
console.log(
  '[sandbox] Connect logins: smallco, largeco, assisted, reauth, empty, hostile, discrepancies',
  'or scale-<people>-<runs>; password letmein',
)
for (const [username, folder] of Object.entries(folders)) {
  console.log(`[sandbox] fixture login ${username}: ${folder}`)
}

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
