/**
 * `npm run bench`: the sync's benchmarks, each against a baseline measured in the same run.
 *
 * 1. Requests: a full sync of `scale-1000-52` against the fewest requests Finch's paging and
 *    batch limits allow, and against one-person-one-payment-per-request fetching.
 * 2. Rate limits: the same sandbox enforces Finch's per-product limits; no 429 may come back,
 *    even when small batches make the sync ask for more than a window allows.
 * 3. Ingest: rows per second of the write path against a bare INSERT loop.
 * 4. Memory: peak RSS of a sync of `scale-10000-26` running in its own process, bundled into one
 *    file as the app's main process is (with esbuild, which tsx already brings along), so tsx's
 *    own loader thread does not count; without esbuild it runs under tsx and says so.
 *
 * Finch's rate-limit window (a minute) is shortened by WINDOW_FACTOR on both sides, the
 * sandbox's and the client's, so the run takes minutes rather than hours. Results also go to
 * bench/results/ as JSON. `npm run bench -- pacing ingest` runs only the sections named
 * (requests, pacing, ingest, memory).
 */
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FINCH_RATE_LIMITS } from '../../src/main/sync/sync-settings'
import type { RequestLogEntry } from '../../src/sandbox'
import { createScenario } from '../../src/sandbox/data'
import type { Rate } from './ingest'
import { measureIngest } from './ingest'
import {
  fewestRequests,
  oneByOneRequests,
  productOfPath,
  statementCounts,
  total,
} from './request-floors'
import type { RequestCounts } from './request-floors'
import type { SandboxOrder } from './sandbox-process'
import { connect } from './sandbox-connection'
import type { SyncOrders, SyncReport } from './sync-process'

const WINDOW_FACTOR = 60
/**
 * The pacing check needs a window long enough that small batches exceed a limit however slow
 * the machine is: 40 sequential requests must fit in less than one window.
 */
const PACING_WINDOW_FACTOR = 5
const RSS_LIMIT_BYTES = 300 * 1024 * 1024
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

interface Check {
  name: string
  measured: string
  baseline: string
  ratio: number
  target: string
  pass: boolean
}

const checks: Check[] = []
const results: Record<string, unknown> = {}
const scratch = mkdtempSync(join(tmpdir(), 'payroll-desk-bench-'))

function check(entry: Check): void {
  checks.push(entry)
  console.log(
    `  ${entry.pass ? 'PASS' : 'FAIL'}  ${entry.name}: ${entry.measured} vs ${entry.baseline} ` +
      `= ${entry.ratio.toFixed(3)}× (target ${entry.target})`,
  )
}

function table(rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {})
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)))
  const line = (cells: string[]) =>
    '  ' + cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ')
  console.log(line(columns))
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))))
}

function child(file: string): ChildProcess {
  const bundled = file.endsWith('.mjs')
  return fork(bundled ? file : here(file), [], {
    execArgv: bundled ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

/**
 * The sync process as one bundled file, like the app's built main process; null when esbuild
 * is not installed. It is written inside the repository so the native SQLite module resolves.
 */
async function bundledSyncProcess(): Promise<string | null> {
  try {
    const { build } = await import('esbuild')
    const outfile = fileURLToPath(new URL('../results/.build/sync-process.mjs', import.meta.url))
    await build({
      entryPoints: [here('./sync-process.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    })
    return outfile
  } catch {
    return null
  }
}

function nextMessage<T>(process: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== kind) return
      process.off('message', onMessage)
      process.off('exit', onExit)
      resolve(message as T)
    }
    const onExit = (code: number | null) =>
      reject(new Error(`child exited (${code}) before ${kind}`))
    process.on('message', onMessage)
    process.once('exit', onExit)
  })
}

class SandboxProcess {
  readonly client = { clientId: 'bench', clientSecret: randomBytes(24).toString('base64url') }
  private readonly process = child('./sandbox-process.ts')
  url = ''

  /** Finch's limits over a window `windowFactor` times shorter than a minute. */
  constructor(readonly windowFactor: number) {}

  get windowMs(): number {
    return FINCH_RATE_LIMITS.windowMs / this.windowFactor
  }

  async start(): Promise<void> {
    const started = nextMessage<{ url: string }>(this.process, 'started')
    this.send({ kind: 'start', client: this.client, rateLimitWindowMs: this.windowMs })
    this.url = (await started).url
  }

  async log(): Promise<RequestLogEntry[]> {
    const reply = nextMessage<{ log: RequestLogEntry[] }>(this.process, 'log')
    this.send({ kind: 'log' })
    return (await reply).log
  }

  close(): void {
    this.send({ kind: 'close' })
  }

  private send(order: SandboxOrder): void {
    this.process.send(order)
  }
}

interface SyncRun {
  report: SyncReport
  log: RequestLogEntry[]
  sampledPeakRssBytes: number
}

/** Runs one full sync in a child process, sampling its RSS, and returns its requests. */
async function syncInChild(
  sandbox: SandboxProcess,
  username: string,
  options: Pick<SyncOrders, 'limiter' | 'settings'>,
  program = './sync-process.ts',
): Promise<SyncRun> {
  const connection = await connect(sandbox.url, sandbox.client, username)
  const before = (await sandbox.log()).length
  const worker = child(program)
  let sampledPeakRssBytes = 0
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      sampledPeakRssBytes = Math.max(sampledPeakRssBytes, kb * 1024)
    } catch {
      // Not Linux, or the process is gone: the child's own peak (getrusage) still counts.
    }
  }, 20)
  const reported = nextMessage<SyncReport>(worker, 'synced')
  worker.send({
    baseURL: sandbox.url,
    token: connection.token,
    connectionId: connection.connectionId,
    products: connection.products,
    databasePath: join(scratch, `${username}-${randomBytes(4).toString('hex')}.db`),
    keyHex: randomBytes(32).toString('hex'),
    windowFactor: sandbox.windowFactor,
    ...options,
  } satisfies SyncOrders)
  const report = await reported
  clearInterval(sampler)
  const log = (await sandbox.log()).slice(before).filter((e) => e.path.startsWith('/employer/'))
  return { report, log, sampledPeakRssBytes }
}

function requestsByProduct(log: RequestLogEntry[]): RequestCounts {
  const counts: RequestCounts = {}
  for (const entry of log) {
    const product = productOfPath(entry.path)
    counts[product] = (counts[product] ?? 0) + 1
  }
  return counts
}

/** Accepted requests per product in the busiest rolling window. */
function busiestWindow(log: RequestLogEntry[], windowMs: number): RequestCounts {
  const times = new Map<string, number[]>()
  for (const entry of log) {
    if (entry.status === 429 || entry.status === 0) continue
    const bucket = productOfPath(entry.path).replace('pay_group', 'payment')
    times.set(bucket, [...(times.get(bucket) ?? []), entry.at])
  }
  const busiest: RequestCounts = {}
  for (const [bucket, at] of times) {
    busiest[bucket] = Math.max(
      ...at.map((t) => at.filter((u) => u >= t && u < t + windowMs).length),
    )
  }
  return busiest
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const perSecond = (rows: number) => `${Math.round(rows).toLocaleString('en-US')} rows/s`

async function benchRequests(sandbox: SandboxProcess): Promise<void> {
  console.log('\n1. Requests for a full sync of scale-1000-52 (1,000 people, 52 pay runs)')
  const dataset = createScenario('scale', { people: 1_000, payRuns: 52 })
  const counts = statementCounts(dataset)
  const floor = fewestRequests(dataset, counts)
  const naive = oneByOneRequests(dataset, counts)

  const run = await syncInChild(sandbox, 'scale-1000-52', { limiter: true, settings: {} })

  const made = requestsByProduct(run.log)
  table(
    Object.keys(floor).map((product) => ({
      product,
      made: made[product] ?? 0,
      fewest: floor[product]!,
      'one by one': naive[product]!,
    })),
  )
  const ours = run.log.length
  console.log(
    `  ${ours} requests in ${(run.report.elapsedMs / 1000).toFixed(1)} s; ` +
      `${run.report.summary.counts.pay_statement} statements`,
  )
  check({
    name: 'requests / fewest the limits allow',
    measured: `${ours}`,
    baseline: `${total(floor)}`,
    ratio: ours / total(floor),
    target: '≤ 1.1',
    pass: ours <= 1.1 * total(floor),
  })
  check({
    name: 'one-by-one requests / ours',
    measured: `${total(naive)}`,
    baseline: `${ours}`,
    ratio: total(naive) / ours,
    target: '≥ 20',
    pass: total(naive) / ours >= 20,
  })
  const throttled = run.log.filter((entry) => entry.status === 429).length
  check({
    name: '429 answers (Finch limits enforced)',
    measured: `${throttled}`,
    baseline: `${ours} requests`,
    ratio: throttled / ours,
    target: '= 0',
    pass: throttled === 0,
  })
  results.requests = { made, floor, naive, total: ours, elapsedMs: run.report.elapsedMs }
}

async function benchPacing(): Promise<void> {
  const sandbox = new SandboxProcess(PACING_WINDOW_FACTOR)
  await sandbox.start()
  console.log(
    `\n2. Rate limits: small batches ask for more than one window allows ` +
      `(Finch's 60 s window shortened to ${sandbox.windowMs} ms on both sides)`,
  )
  const smallBatches = { peoplePerRequest: 5, paymentsPerStatementRequest: 1 }
  const paced = await syncInChild(sandbox, 'scale-200-30', {
    limiter: true,
    settings: smallBatches,
  })
  const unpaced = await syncInChild(sandbox, 'scale-200-30', {
    limiter: false,
    settings: smallBatches,
  })

  sandbox.close()
  const limits: RequestCounts = { ...FINCH_RATE_LIMITS.perProduct }
  const busy = busiestWindow(paced.log, sandbox.windowMs)
  table(
    ['individual', 'employment', 'pay_statement', 'benefits'].map((bucket) => ({
      product: bucket,
      requests: requestsByProduct(paced.log)[bucket] ?? 0,
      'busiest window': busy[bucket] ?? 0,
      'Finch limit': limits[bucket]!,
    })),
  )
  const throttledPaced = paced.log.filter((e) => e.status === 429).length
  const throttledUnpaced = unpaced.log.filter((e) => e.status === 429).length
  console.log(
    `  with the client limiter: ${paced.log.length} requests, ${throttledPaced} answered 429, ` +
      `${(paced.report.elapsedMs / 1000).toFixed(1)} s`,
  )
  console.log(
    `  without it (control):   ${unpaced.log.length} requests, ${throttledUnpaced} answered 429 ` +
      `(each waited out through Retry-After), ${(unpaced.report.elapsedMs / 1000).toFixed(1)} s`,
  )
  const withinLimits = Object.entries(busy).every(([bucket, n]) => n <= (limits[bucket] ?? 20))
  check({
    name: '429 answers with the limiter (control without it in the baseline)',
    measured: `${throttledPaced}`,
    baseline: `${throttledUnpaced}`,
    ratio: throttledPaced / Math.max(1, throttledUnpaced),
    target: '= 0, busiest windows within the limits',
    pass: throttledPaced === 0 && withinLimits,
  })
  results.pacing = {
    windowMs: sandbox.windowMs,
    paced: { requests: paced.log.length, throttled: throttledPaced, busiest: busy },
    unpaced: { requests: unpaced.log.length, throttled: throttledUnpaced },
  }
}

function benchIngest(): void {
  console.log(
    '\n3. Ingest: pay statements of scale-1000-52 and their lines, written to a fresh cache',
  )
  const dataset = createScenario('scale', { people: 1_000, payRuns: 52 })
  const ingest = measureIngest(dataset, 3, scratch)
  const rate = (r: Rate) => `${perSecond(r.wall)} (${perSecond(r.cpu)} of CPU)`
  table([
    { path: 'bare prepared INSERT loop, one transaction', speed: rate(ingest.bareInsert) },
    { path: 'sync write path: checks, mapping, writes', speed: rate(ingest.writePath) },
    { path: 'sync write path without the checks', speed: rate(ingest.writesOnly) },
  ])
  console.log(
    `  ${ingest.statements} statements + ${ingest.lines} lines per run; the write path commits ` +
      `every ${ingest.statementsPerTransaction} statements (one piece of body); medians of ` +
      `${ingest.rounds} back-to-back rounds; CPU-time ratio ${ingest.ratio.cpu.toFixed(3)}×`,
  )
  check({
    name: 'write path / bare INSERT loop (rows per second)',
    measured: perSecond(ingest.writePath.wall),
    baseline: perSecond(ingest.bareInsert.wall),
    ratio: ingest.ratio.wall,
    target: '≥ 0.5',
    pass: ingest.ratio.wall >= 0.5,
  })
  results.ingest = ingest
}

async function benchMemory(sandbox: SandboxProcess): Promise<void> {
  console.log(
    '\n4. Memory: a full sync of scale-10000-26 (10,000 people, 26 pay runs) in its own process',
  )
  const bundle = await bundledSyncProcess()
  const run = await syncInChild(
    sandbox,
    'scale-10000-26',
    { limiter: true, settings: {} },
    bundle ?? './sync-process.ts',
  )
  const peak = Math.max(run.sampledPeakRssBytes, run.report.maxRssBytes)
  console.log(
    `  the sync process ran ${bundle ? 'bundled, as the app ships it' : 'under tsx (no esbuild)'}; ` +
      `${run.log.length} requests, ${run.report.summary.counts.pay_statement} statements in ` +
      `${(run.report.elapsedMs / 1000).toFixed(1)} s; peak RSS sampled ` +
      `${megabytes(run.sampledPeakRssBytes)}, getrusage ${megabytes(run.report.maxRssBytes)}`,
  )
  check({
    name: 'peak RSS of the syncing process / 300 MB',
    measured: megabytes(peak),
    baseline: megabytes(RSS_LIMIT_BYTES),
    ratio: peak / RSS_LIMIT_BYTES,
    target: '< 1',
    pass: peak < RSS_LIMIT_BYTES,
  })
  results.memory = {
    bundled: bundle !== null,
    sampledPeakRssBytes: run.sampledPeakRssBytes,
    maxRssBytes: run.report.maxRssBytes,
    requests: run.log.length,
    elapsedMs: run.report.elapsedMs,
    counts: run.report.summary.counts,
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  console.log(
    `[bench] sync benchmarks on ${cpus().length} cores (load ${loadavg()[0]!.toFixed(1)}); ` +
      `Finch's rate-limit window shortened ${WINDOW_FACTOR}× to ` +
      `${FINCH_RATE_LIMITS.windowMs / WINDOW_FACTOR} ms on both sides, ` +
      `${PACING_WINDOW_FACTOR}× for the pacing check`,
  )
  const wanted = process.argv.slice(2)
  const runs = (section: string) => wanted.length === 0 || wanted.includes(section)
  const sandbox = new SandboxProcess(WINDOW_FACTOR)
  await sandbox.start()
  try {
    if (runs('requests')) await benchRequests(sandbox)
    if (runs('pacing')) await benchPacing()
    if (runs('ingest')) benchIngest()
    if (runs('memory')) await benchMemory(sandbox)
  } finally {
    sandbox.close()
    rmSync(scratch, { recursive: true, force: true })
  }

  const seconds = (performance.now() - started) / 1000
  const folder = fileURLToPath(new URL('../results/', import.meta.url))
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), seconds, windowFactor: WINDOW_FACTOR, checks, results },
      null,
      2,
    ),
  )
  console.log(
    `\n[bench] ${checks.filter((c) => c.pass).length}/${checks.length} checks pass in ${seconds.toFixed(0)} s; ${file}`,
  )
  if (checks.some((c) => !c.pass)) process.exitCode = 1
}

await main()
