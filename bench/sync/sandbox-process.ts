/**
 * The local Finch sandbox in a process of its own, so the sync under measurement shares neither
 * its event loop nor its memory. Orders arrive over IPC: start (with Finch's limits over a
 * shortened window), hand over the request log, close.
 */
import type { RunningSandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'

export type SandboxOrder =
  | { kind: 'start'; client: { clientId: string; clientSecret: string }; rateLimitWindowMs: number }
  | { kind: 'log' }
  | { kind: 'close' }

let sandbox: RunningSandbox | null = null

process.on('message', (order: SandboxOrder) => {
  void (async () => {
    if (order.kind === 'start') {
      sandbox = await startSandbox({
        clients: [order.client],
        rateLimits: true,
        rateLimitWindowMs: order.rateLimitWindowMs,
      })
      process.send?.({ kind: 'started', url: sandbox.url })
    } else if (order.kind === 'log') {
      process.send?.({ kind: 'log', log: sandbox?.requestLog() ?? [] })
    } else {
      await sandbox?.close()
      process.exit(0)
    }
  })()
})
