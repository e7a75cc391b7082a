/**
 * Syncs one connection's granted products from Finch into a staging snapshot of the cache and
 * swaps it in when everything was read, so the previous snapshot stays whole and readable until
 * that instant and whenever the sync fails or is cancelled (which is recorded in `sync_run`).
 * Products are read side by side, each through the shared rate limiter; the first failure stops
 * the others.
 */
import type Finch from '@tryfinch/finch-api'
import { SqliteError } from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../shared/app-error'
import type { SyncProgress, SyncSummary } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import type { StagingSnapshot, SyncRunRecord } from '../cache/staging-snapshot'
import { insertSyncRun } from '../cache/staging-snapshot'
import { noteCacheDamage } from '../cache/clean-close'
import type { ReplaceableProduct } from '../cache/staging-snapshot'
import { finchForConnection, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'
import { syncBenefits } from './benefits-sync'
import { syncCompany } from './company-sync'
import { FinchRequester } from './finch-requester'
import { syncPayGroups } from './pay-groups-sync'
import { syncPayroll } from './payroll-sync'
import { syncPeople } from './people-sync'
import { RequestRateLimiter } from './request-rate-limiter'
import { FinchRefusal, MalformedData, RetriesExhausted, SyncCancelled } from './sync-errors'
import type { RequestedMode, SyncPlan } from './sync-plan'
import { planSync } from './sync-plan'
import { SyncRun } from './sync-run'
import type { SyncSettings } from './sync-settings'
import { syncSettings } from './sync-settings'

/** What the cache records, and the UI says, when the accountant stops a sync. */
export const SYNC_CANCELLED_MESSAGE = 'Sync cancelled — previous data kept.'

export interface SyncDeps {
  /** The base URL of the Finch that issued this connection's token. */
  baseURL: (connectionId: string) => Promise<string>
  /** Where the connection's access token is kept. */
  vault: Pick<SecretVault, 'read'>
  cache: PayrollCache
  logger: Logger
  onProgress: (progress: SyncProgress) => void
  onConnectionsChanged: (reason: string) => void
  settings?: Partial<SyncSettings>
}

export interface SyncRequest {
  /** `auto` (the default) reads incrementally when the live snapshot allows it. */
  mode?: RequestedMode
}

/** Which granted products feed each product table; pay groups come with `payment`. */
const PRODUCT_GRANTS: readonly [ReplaceableProduct, string][] = [
  ['company', 'company'],
  ['directory', 'directory'],
  ['individual', 'individual'],
  ['employment', 'employment'],
  ['payment', 'payment'],
  ['pay_statement', 'pay_statement'],
  ['benefits', 'benefits'],
  ['pay_group', 'payment'],
]

export class ConnectionSync {
  private readonly running = new Map<string, AbortController>()
  private readonly settings: SyncSettings
  /** One limiter for every connection: Finch counts requests per application. */
  private readonly limiter: RequestRateLimiter

  constructor(private readonly deps: SyncDeps) {
    this.settings = syncSettings(deps.settings)
    this.limiter = new RequestRateLimiter(this.settings.rateLimits)
  }

  /** Stops the connection's running sync; false when none is running. */
  cancel(connectionId: string): boolean {
    const controller = this.running.get(connectionId)
    if (!controller || controller.signal.aborted) return false
    controller.abort(new SyncCancelled())
    return true
  }

  async sync(connectionId: string, request: SyncRequest = {}): Promise<SyncSummary> {
    const connection = this.deps.cache.getConnection(connectionId)
    if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
    if (this.running.has(connectionId)) {
      throw new AppError('sync_in_progress', 'This connection is already syncing.')
    }
    const controller = new AbortController()
    this.running.set(connectionId, controller)
    const startedAt = this.now()
    const started = performance.now()
    let staging: StagingSnapshot | null = null
    let run: SyncRun | null = null
    let plan: SyncPlan | null = null

    try {
      const token = await this.deps.vault.read(VAULT_ACCOUNTS.connectionToken(connectionId))
      if (!token) {
        throw new AppError(
          'finch_reauthenticate',
          'This connection has no access token on this computer; reconnect it.',
        )
      }
      const finch = finchForConnection(await this.deps.baseURL(connectionId), token)
      controller.signal.throwIfAborted()

      const { snapshots } = this.deps.cache
      plan = planSync(
        snapshots.live(connectionId),
        this.settings,
        request.mode ?? 'auto',
        this.settings.now(),
      )
      staging = snapshots.begin(connectionId, { ...plan, now: startedAt })
      run = this.startRun(connectionId, finch, staging, plan, connection.products, controller)
      await this.readEverything(run)

      // Past this point nothing awaits: a cancel either came before, or comes too late.
      controller.signal.throwIfAborted()
      const counts = staging.counts()
      const finishedAt = this.now()
      const totals = totalsOf(run)
      staging.swap(
        {
          ...totals,
          startedAt,
          finishedAt,
          status: 'succeeded',
          errorCode: null,
          errorMessage: null,
          failureKind: null,
          counts,
          mode: plan.mode,
        },
        finishedAt,
      )
      this.deps.logger.info(
        `${connectionId}: ${plan.mode} sync in ${seconds(started)} s, ${totals.requests} requests, ` +
          `${totals.retries} retries: ${JSON.stringify(counts)}`,
      )
      this.deps.onConnectionsChanged('synced')
      await snapshots.purgeRemovedGradually(connectionId).catch((error: unknown) => {
        // The rows are hidden already; the next open or sync purges what is left.
        this.deps.logger.warn(
          `${connectionId}: purging the previous snapshot failed: ${String(error)}`,
        )
      })
      return {
        connectionId,
        status: 'succeeded',
        startedAt,
        finishedAt,
        counts,
        mode: plan.mode,
        requests: totals.requests,
        retries: totals.retries,
      }
    } catch (thrown) {
      const error = controller.signal.aborted ? (controller.signal.reason as unknown) : thrown
      noteCacheDamage(thrown)
      this.abandonQuietly(connectionId, staging)
      return this.failed(connectionId, startedAt, plan, run, error)
    } finally {
      this.running.delete(connectionId)
    }
  }

  private startRun(
    connectionId: string,
    finch: Finch,
    staging: StagingSnapshot,
    plan: SyncPlan,
    products: string[],
    controller: AbortController,
  ): SyncRun {
    const requester = new FinchRequester({
      limiter: this.limiter,
      retry: this.settings.retry,
      timeoutMs: this.settings.requestTimeoutMs,
      signal: controller.signal,
    })
    return new SyncRun({
      connectionId,
      finch,
      staging,
      requester,
      plan,
      settings: this.settings,
      signal: controller.signal,
      granted: new Set(products),
      onProgress: this.deps.onProgress,
      abort: (reason) => {
        if (!controller.signal.aborted) controller.abort(reason)
      },
    })
  }

  /** Reads every granted product, then writes each product's freshness into the snapshot. */
  private async readEverything(run: SyncRun): Promise<void> {
    const tasks: Promise<void>[] = []
    if (run.granted('company')) tasks.push(syncCompany(run))
    if (run.granted('directory') || run.granted('individual') || run.granted('employment')) {
      tasks.push(syncPeople(run))
    }
    if (run.granted('payment') || run.granted('pay_statement')) tasks.push(syncPayroll(run))
    if (run.granted('benefits')) tasks.push(syncBenefits(run))
    if (run.granted('payment')) tasks.push(syncPayGroups(run))
    await run.together(tasks)

    const now = run.nowIso()
    run.write(() => {
      for (const [product, grant] of PRODUCT_GRANTS) {
        if (run.granted(grant)) continue
        // Data of a product the employer no longer grants is not kept.
        run.staging.replaceAll(product)
        run.staging.recordFreshness({
          product,
          status: 'not_granted',
          itemCount: null,
          requests: 0,
          retries: 0,
          rateLimited: 0,
          dataRetrievedAt: null,
          lastAttemptedUpdateAt: null,
          lastAttemptedUpdateResult: null,
          syncedAt: now,
        })
      }
      for (const product of run.allProducts()) run.staging.recordFreshness(product.freshness())
      run.staging.finalize()
    })
  }

  /**
   * A rollback can fail for the reason the sync did (a full disk); the sync's own failure is the
   * one to report, and the staging rows left behind are rolled back by the next sync or start.
   */
  private abandonQuietly(connectionId: string, staging: StagingSnapshot | null): void {
    try {
      staging?.abandon()
    } catch (error) {
      this.deps.logger.error(`${connectionId}: rolling back the staging snapshot failed`, error)
    }
  }

  /** Records why the sync stopped; a cancel resolves, every other failure throws. */
  private failed(
    connectionId: string,
    startedAt: string,
    plan: SyncPlan | null,
    run: SyncRun | null,
    error: unknown,
  ): SyncSummary {
    const finishedAt = this.now()
    const totals = run ? totalsOf(run) : { requests: 0, retries: 0, rateLimited: 0 }
    const cancelled = error instanceof SyncCancelled
    const { appError, failureKind } = cancelled
      ? { appError: null, failureKind: 'cancelled' }
      : describeFailure(error)
    const record: SyncRunRecord = {
      ...totals,
      startedAt,
      finishedAt,
      status: cancelled ? 'cancelled' : 'failed',
      errorCode: cancelled ? 'sync_cancelled' : appError!.code,
      errorMessage: cancelled ? SYNC_CANCELLED_MESSAGE : appError!.message,
      failureKind,
      mode: plan?.mode ?? 'full',
      counts: {},
    }
    try {
      insertSyncRun(this.deps.cache.database, connectionId, null, record)
    } catch (recordError) {
      // On a full disk even this row may not fit; the typed error below still reaches the UI.
      this.deps.logger.error(`${connectionId}: the failed sync could not be recorded`, recordError)
    }

    if (cancelled) {
      this.deps.logger.info(`${connectionId}: sync cancelled; the previous data was kept`)
      return { connectionId, status: 'cancelled', startedAt, finishedAt, counts: {} }
    }
    if (appError!.code === 'finch_reauthenticate') {
      this.deps.cache.setConnectionStatus(connectionId, 'needs_reauthentication')
      this.deps.onConnectionsChanged('needs_reauthentication')
    }
    this.deps.logger.error(`${connectionId}: sync failed (${failureKind})`, error)
    throw appError!
  }

  private now(): string {
    return this.settings.now().toISOString()
  }
}

function totalsOf(run: SyncRun): { requests: number; retries: number; rateLimited: number } {
  const totals = { requests: 0, retries: 0, rateLimited: 0 }
  for (const product of run.allProducts()) {
    totals.requests += product.counters.requests
    totals.retries += product.counters.retries
    totals.rateLimited += product.counters.rateLimited
  }
  return totals
}

/** The typed error the UI sees, and the finer reason `sync_run.failure_kind` keeps. */
function describeFailure(error: unknown): { appError: AppError; failureKind: string } {
  if (error instanceof FinchRefusal) {
    const appError = toAppError(error.cause, `read ${error.product}`)
    return {
      appError,
      failureKind: appError.code === 'finch_reauthenticate' ? 'reauthenticate' : 'refused',
    }
  }
  if (error instanceof RetriesExhausted) {
    const malformed = error.reason === 'malformed' || error.reason === 'truncated'
    const message = malformed
      ? `Finch kept sending ${error.product} this app cannot read (${error.detail}); the previous data was kept.`
      : `Finch could not be reached to read ${error.product} after ${error.attempts} attempts; the previous data was kept.`
    return {
      appError: new AppError(malformed ? 'finch_malformed_data' : 'finch_unreachable', message, {
        cause: error,
      }),
      failureKind: error.reason === 'malformed' ? 'malformed_response' : error.reason,
    }
  }
  if (error instanceof MalformedData) {
    return {
      appError: new AppError(
        'finch_malformed_data',
        `Finch sent data this app cannot read (${error.message}); the previous data was kept.`,
        { cause: error },
      ),
      failureKind: 'malformed_response',
    }
  }
  if (error instanceof SqliteError) {
    return {
      appError: new AppError('storage_failed', 'The payroll cache could not be written.', {
        cause: error,
      }),
      failureKind: 'storage',
    }
  }
  const appError = toAppError(error, 'sync')
  return { appError, failureKind: appError.code }
}

function seconds(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1)
}
