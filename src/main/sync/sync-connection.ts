/**
 * Syncs one connection's granted products from Finch into the cache. Everything is read first and
 * then written in one transaction, so the previous snapshot stays whole if Finch fails midway.
 */
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import { AppError } from '../../shared/app-error'
import type { SyncProgress, SyncSummary } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import { finchForConnection, toAppError } from '../finch/finch-gateway'
import type { Logger } from '../log/logger'
import type { SecretVault } from '../vault/secret-vault'
import { VAULT_ACCOUNTS } from '../vault/secret-vault'

export interface SyncDeps {
  /** The base URL of the Finch that issued this connection's token. */
  baseURL: (connectionId: string) => Promise<string>
  vault: SecretVault
  cache: PayrollCache
  logger: Logger
  onProgress: (progress: SyncProgress) => void
  onConnectionsChanged: (reason: string) => void
}

const DIRECTORY_PAGE_SIZE = 100

export class ConnectionSync {
  private readonly running = new Set<string>()

  constructor(private readonly deps: SyncDeps) {}

  async sync(connectionId: string): Promise<SyncSummary> {
    const connection = this.deps.cache.getConnection(connectionId)
    if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
    if (this.running.has(connectionId)) {
      throw new AppError('sync_in_progress', 'This connection is already syncing.')
    }
    this.running.add(connectionId)
    const startedAt = new Date().toISOString()
    const counts: Record<string, number> = {}

    try {
      const token = await this.deps.vault.read(VAULT_ACCOUNTS.connectionToken(connectionId))
      if (!token) {
        throw new AppError(
          'finch_reauthenticate',
          'This connection has no access token on this computer; reconnect it.',
        )
      }
      const finch = finchForConnection(await this.deps.baseURL(connectionId), token)
      const granted = new Set(connection.products)

      let company: Company | null = null
      if (granted.has('company')) {
        company = await finch.hris.company.retrieve().catch((error: unknown) => {
          throw toAppError(error, 'read the company')
        })
        counts.company = 1
        this.deps.onProgress({ connectionId, product: 'company', done: 1, total: 1 })
      }

      let directory: IndividualInDirectory[] | null = null
      if (granted.has('directory')) {
        directory = []
        try {
          for await (const person of finch.hris.directory.list({ limit: DIRECTORY_PAGE_SIZE })) {
            directory.push(person)
            if (directory.length % DIRECTORY_PAGE_SIZE === 0) {
              this.deps.onProgress({
                connectionId,
                product: 'directory',
                done: directory.length,
                total: null,
              })
            }
          }
        } catch (error) {
          throw toAppError(error, 'read the directory')
        }
        counts.directory = directory.length
        this.deps.onProgress({
          connectionId,
          product: 'directory',
          done: directory.length,
          total: directory.length,
        })
      }

      const finishedAt = new Date().toISOString()
      this.deps.cache.replaceCompanySnapshot({
        connectionId,
        company,
        directory,
        retrievedAt: finishedAt,
      })
      this.deps.cache.recordSyncRun({
        connectionId,
        startedAt,
        finishedAt,
        status: 'succeeded',
        counts,
      })
      this.deps.logger.info(
        `${connectionId}: ${JSON.stringify(counts)} in ${Date.parse(finishedAt) - Date.parse(startedAt)} ms`,
      )
      this.deps.onConnectionsChanged('synced')
      return { connectionId, status: 'succeeded', startedAt, finishedAt, counts }
    } catch (error) {
      const appError = toAppError(error, 'sync')
      if (appError.code === 'finch_reauthenticate') {
        this.deps.cache.setConnectionStatus(connectionId, 'needs_reauthentication')
        this.deps.onConnectionsChanged('needs_reauthentication')
      }
      this.deps.cache.recordSyncRun({
        connectionId,
        startedAt,
        finishedAt: new Date().toISOString(),
        status: 'failed',
        errorCode: appError.code,
        errorMessage: appError.message,
        counts,
      })
      this.deps.logger.error(`${connectionId}: sync failed`, error)
      throw appError
    } finally {
      this.running.delete(connectionId)
    }
  }
}
