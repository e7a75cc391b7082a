/**
 * `npm run sandbox`: runs the local Finch sandbox in a terminal and prints its address and the
 * demo client id. Options: `--port <n>` (default: a free port), `--seed <n>` for the data
 * generators, `--state-file <path>` to keep connections across restarts and `--signing-key`
 * so tokens stay valid across restarts too.
 */
import { parseArgs } from 'node:util'

import { DEMO_CLIENT, startSandbox } from './index'

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) {
    console.error(`[sandbox] --${name} must be a whole number, not "${value}"`)
    process.exit(2)
  }
  return Number(value)
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    'state-file': { type: 'string' },
    'signing-key': { type: 'string' },
  },
})

const sandbox = await startSandbox({
  port: wholeNumber('port', values.port),
  seed: wholeNumber('seed', values.seed),
  stateFile: values['state-file'],
  signingKey: values['signing-key'],
})

console.log(`[sandbox] Finch sandbox listening at ${sandbox.url}`)
console.log(`[sandbox] demo client: ${DEMO_CLIENT.clientId} (secret: DEMO_CLIENT in index.ts)`)
console.log(
  '[sandbox] Connect logins: smallco, largeco, assisted, reauth, empty, hostile or',
  'scale-<people>-<runs>; password letmein',
)

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
