/**
 * One sync of one connection while it runs: the Finch client, the staging snapshot it writes,
 * the plan, and one `ProductRun` per product that counts requests, reports progress, records
 * per-item errors and, at the end, the product's freshness. Product readers share it.
 */
import type Finch from '@tryfinch/finch-api'
import type { SyncProgress } from '../../shared/domain'
import type { ItemErrorRecord, ProductFreshness, StagingSnapshot } from '../cache/staging-snapshot'
import type { FreshnessStatus } from '../cache/staging-snapshot'
import { itemFailure } from './finch-checks'
import type { FinchAnswer, FinchRequest, FinchRequester, RequestCounters } from './finch-requester'
import type { MalformedData } from './sync-errors'
import { FinchRefusal, boundedMessage, safeName } from './sync-errors'
import type { SyncPlan } from './sync-plan'
import type { SyncSettings } from './sync-settings'

export type ProductState = NonNullable<SyncProgress['state']>

/** At most one progress event per product this often, except when its state changes. */
const PROGRESS_INTERVAL_MS = 200

export interface SyncRunOptions {
  connectionId: string
  finch: Finch
  staging: StagingSnapshot
  requester: FinchRequester
  plan: SyncPlan
  settings: SyncSettings
  signal: AbortSignal
  granted: ReadonlySet<string>
  onProgress: (progress: SyncProgress) => void
  /** Stops every other reader of this sync: called with the first failure. */
  abort: (reason: unknown) => void
}

export type WholeAnswer<T> =
  { kind: 'data'; body: T } | { kind: 'pending' } | { kind: 'unavailable' }

export class SyncRun {
  readonly connectionId: string
  readonly finch: Finch
  readonly staging: StagingSnapshot
  readonly plan: SyncPlan
  readonly settings: SyncSettings
  readonly signal: AbortSignal
  private readonly products = new Map<string, ProductRun>()

  constructor(private readonly options: SyncRunOptions) {
    this.connectionId = options.connectionId
    this.finch = options.finch
    this.staging = options.staging
    this.plan = options.plan
    this.settings = options.settings
    this.signal = options.signal
  }

  granted(product: string): boolean {
    if (this.options.granted.has(product)) return true
    // Finch still accepts `deduction` as the old name of `benefits`.
    return product === 'benefits' && this.options.granted.has('deduction')
  }

  product(name: string): ProductRun {
    let product = this.products.get(name)
    if (!product) {
      product = new ProductRun(name, this)
      this.products.set(name, product)
    }
    return product
  }

  allProducts(): ProductRun[] {
    return [...this.products.values()]
  }

  nowIso(): string {
    return this.settings.now().toISOString()
  }

  /** Runs a write unless the sync was stopped meanwhile, so nothing lands after a cancel. */
  write<T>(work: () => T): T {
    this.signal.throwIfAborted()
    return work()
  }

  /** Lets the event loop breathe between large writes. */
  async breathe(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    this.signal.throwIfAborted()
  }

  /** Runs readers side by side; the first failure stops the others, and all are awaited. */
  async together(tasks: readonly Promise<unknown>[]): Promise<void> {
    const results = await Promise.allSettled(
      tasks.map((task) =>
        task.catch((error: unknown) => {
          this.options.abort(error)
          throw error
        }),
      ),
    )
    const failed = results.find((result) => result.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
  }

  request<T>(request: FinchRequest<T>): Promise<FinchAnswer<T>> {
    return this.options.requester.request(request)
  }

  /**
   * Reads an answer that stands for a whole product. A 202 records the product as pending (its
   * previous data is carried); a refusal that means "not available here" (403, 404, 501)
   * records it as unavailable. Any other failure stops the sync.
   */
  async readWhole<T>(
    product: ProductRun,
    request: Omit<FinchRequest<T>, 'counters'>,
  ): Promise<WholeAnswer<T>> {
    try {
      const answer = await this.request({ ...request, counters: product.counters })
      if (answer.kind === 'pending') {
        product.markPending(null, answer.finchCode, answer.message)
        return { kind: 'pending' }
      }
      return { kind: 'data', body: answer.body }
    } catch (error) {
      if (error instanceof FinchRefusal && error.productUnavailable) {
        product.markUnavailable(error)
        return { kind: 'unavailable' }
      }
      throw error
    }
  }

  /** Tells the UI how far a product got; `waitingMs` while it waits for Finch's rate limit. */
  emit(product: ProductRun, waitingMs?: number): void {
    this.options.onProgress({
      connectionId: this.connectionId,
      product: product.name,
      done: product.done,
      total: product.total,
      requests: product.counters.requests,
      retries: product.counters.retries,
      state: product.state,
      ...(waitingMs === undefined ? {} : { waitingMs: Math.round(waitingMs) }),
    })
  }
}

export class ProductRun {
  readonly counters: RequestCounters = {
    requests: 0,
    retries: 0,
    rateLimited: 0,
    freshness: null,
    onRateLimitWait: (waitMs) => this.run.emit(this, waitMs),
  }
  done = 0
  total: number | null = null
  state: ProductState = 'running'
  private status: FreshnessStatus | null = null
  private lastEmitAt = 0

  constructor(
    readonly name: string,
    private readonly run: SyncRun,
  ) {}

  progress(done: number, total: number | null = this.total): void {
    this.done = done
    this.total = total
    const now = Date.now()
    if (now - this.lastEmitAt < PROGRESS_INTERVAL_MS && done !== total) return
    this.lastEmitAt = now
    this.run.emit(this)
  }

  /** One item Finch answered with an error inside a batch (or a refusal of its own request). */
  itemFailed(itemId: string | null, code: number | null, body: unknown): void {
    const failure = itemFailure(body)
    this.recordErrors([
      {
        product: this.name,
        itemId,
        statusCode: code,
        name: safeName(failure.name),
        finchCode: safeName(failure.finchCode),
        message: boundedMessage(failure.message),
      },
    ])
  }

  /** One item whose body is not the shape Finch documents; it is left out, and said so. */
  itemMalformed(itemId: string | null, error: MalformedData): void {
    this.recordErrors([
      {
        product: this.name,
        itemId,
        statusCode: null,
        name: 'malformed_item',
        finchCode: null,
        message: `${error.path} is not ${error.expected}.`,
      },
    ])
  }

  /** One item (or, with a null id, the whole product) Finch is still collecting. */
  markPending(itemId: string | null, finchCode: string | null, message: string | null): void {
    this.run.write(() =>
      this.run.staging.recordPending(this.name, itemId, finchCode, message, this.run.nowIso()),
    )
    if (itemId === null) this.finish('pending')
  }

  markUnavailable(refusal: FinchRefusal): void {
    this.recordErrors([
      {
        product: this.name,
        itemId: null,
        statusCode: refusal.status,
        name: refusal.errorName,
        finchCode: refusal.finchCode,
        message: null,
      },
    ])
    this.finish('unavailable')
  }

  /** Ends the product's run: `fresh` (read now), `carried`, `pending`, or `unavailable`. */
  finish(status: FreshnessStatus): void {
    if (this.status === 'pending' || this.status === 'unavailable') return
    this.status = status
    this.state =
      status === 'fresh'
        ? 'done'
        : status === 'pending'
          ? 'pending'
          : status === 'unavailable'
            ? 'unavailable'
            : 'skipped'
    this.run.emit(this)
  }

  /** The freshness row the snapshot keeps for this product. */
  freshness(): ProductFreshness {
    const base = this.run.staging.baseFreshness(this.name)
    const status = this.status ?? 'fresh'
    const readNow = status === 'fresh' || status === 'unavailable'
    const headers = this.counters.freshness
    return {
      product: this.name,
      status,
      itemCount: readNow ? this.done : (base?.itemCount ?? null),
      requests: this.counters.requests,
      retries: this.counters.retries,
      rateLimited: this.counters.rateLimited,
      dataRetrievedAt: headers?.dataRetrievedAt ?? base?.dataRetrievedAt ?? null,
      lastAttemptedUpdateAt: headers?.lastAttemptedUpdateAt ?? base?.lastAttemptedUpdateAt ?? null,
      lastAttemptedUpdateResult:
        headers?.lastAttemptedUpdateResult ?? base?.lastAttemptedUpdateResult ?? null,
      syncedAt: readNow ? this.run.nowIso() : (base?.syncedAt ?? null),
    }
  }

  get finished(): boolean {
    return this.status !== null
  }

  private recordErrors(errors: ItemErrorRecord[]): void {
    this.run.write(() => this.run.staging.recordItemErrors(errors, this.run.nowIso()))
  }
}

/** Whether the live snapshot holds a product as read in full, so a sync may read only news. */
export function baseIsComplete(run: SyncRun, product: string): boolean {
  return run.plan.mode === 'incremental' && run.staging.baseFreshness(product)?.status === 'fresh'
}

/** A body to stream; an answer without one is as broken as a cut-off one. */
export function bodyOf(response: Response): AsyncIterable<Uint8Array> {
  if (!response.body) throw new SyntaxError('The answer has no body.')
  return response.body as unknown as AsyncIterable<Uint8Array>
}

/** An item's own server error, worth asking again; 501 says the provider cannot, ever. */
export function isServerError(code: number): boolean {
  return code >= 500 && code !== 501
}

/** Finch's `finch_code` and message of an item still being collected (202). */
export function pendingOf(body: unknown): [string | null, string | null] {
  const failure = itemFailure(body)
  return [safeName(failure.finchCode), boundedMessage(failure.message)]
}
