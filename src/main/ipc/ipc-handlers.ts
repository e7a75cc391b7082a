/**
 * The handlers behind every IPC channel. Arguments arrive already validated by the router;
 * results are what the UI may see: no token, no secret, masked identifiers.
 */
import { AppError } from '../../shared/app-error'
import type { DisconnectOutcome, StartupNotice } from '../../shared/domain'
import type { PayrollCache } from '../cache/payroll-cache'
import type { ConnectFlow } from '../connect/connect-flow'
import { createConnectionHandlers } from '../connections/connection-handlers'
import type { ConnectionStore } from '../connections/connection-store'
import type { EventSink } from '../app-services'
import type { ExportService } from '../export/export-service'
import type { DirectoryQueries } from '../review/directory-queries'
import type { PayrollReviewQueries } from '../review/payroll-queries'
import type { YtdQueries } from '../review/ytd-queries'
import type { PersonQueries } from '../review/person-queries'
import { revealSsn } from '../review/person-queries'
import type { DashboardQueries } from '../dashboard/dashboard-queries'
import { exportChartImage } from '../dashboard/chart-image'
import type { ConnectionFreshness } from '../../shared/review'
import { createSettingsHandlers } from '../settings/settings-handlers'
import type { SettingsStore } from '../settings/settings-store'
import type { ConnectionSync } from '../sync/sync-connection'
import type { SecretVault } from '../vault/secret-vault'
import { readAuditPage } from '../checks/audit-trail-queries'
import { buildChecksPdf, checksPdfFileName } from '../checks/checks-pdf'
import { readReconciliation } from '../checks/reconciliation-checks'
import { recordAuditEvent } from '../review/audit-trail'
import { readRunVariance } from '../checks/run-variance'
import { readMatchedPeople } from '../checks/people-matching'
import { exportYearEnd } from '../checks/year-end-export'
import { readYearEndPage } from '../checks/year-end-summary'
import type { IpcHandlers } from './ipc-router'

export interface HandlerServices {
  settings: SettingsStore
  vault: SecretVault
  cache: PayrollCache
  connectFlow: ConnectFlow
  /** Client companies, connection introspection and purges. */
  connections: ConnectionStore
  disconnect: (request: { connectionId: string; purge: boolean }) => Promise<DisconnectOutcome>
  sync: ConnectionSync
  isDemo: () => boolean
  version: string
  /** What opening the cache had to recover from, for the UI to show once at start. */
  notices?: StartupNotice[]
  emit: EventSink
  /** The review workspace's read queries. */
  review: {
    directory: DirectoryQueries
    payroll: PayrollReviewQueries
    ytd: YtdQueries
    person: PersonQueries
    freshness: (connectionId: string) => ConnectionFreshness
  }
  exports: ExportService
  /** The client dashboard's aggregated reads. */
  dashboard: DashboardQueries
}

export function createIpcHandlers(services: HandlerServices): IpcHandlers {
  const { settings, vault, cache, connectFlow, sync } = services

  function requireConnection(connectionId: string): void {
    if (!cache.getConnection(connectionId))
      throw new AppError('not_found', 'That connection is not in the cache.')
  }

  return {
    'app.status': () => ({
      mode: services.isDemo() ? 'demo' : 'finch',
      version: services.version,
      notices: services.notices ?? [],
    }),

    ...createSettingsHandlers({ settings, vault, isDemo: services.isDemo }),

    'connections.list': () => cache.listConnections(),

    ...createConnectionHandlers({
      store: services.connections,
      connectFlow,
      disconnect: services.disconnect,
      emit: services.emit,
    }),

    'sync.run': ({ connectionId }) => {
      // Without a token a sync would mark the connection for reconnecting, which it is not.
      if (cache.getConnection(connectionId)?.status === 'disconnected') {
        throw new AppError(
          'not_found',
          'This connection was disconnected; its cached data stays readable but cannot be synced.',
        )
      }
      return sync.sync(connectionId).then((summary) => {
        recordAuditEvent(cache.database, {
          action: 'sync',
          connectionId,
          subject: summary.mode ?? 'full',
          detail: { status: summary.status, counts: summary.counts },
        })
        // The dashboard's totals are summed now, not on the first visit. A failure only costs
        // that visit the time: the dashboard sums whatever is missing itself.
        if (summary.status === 'succeeded') {
          void services.dashboard.prepare(connectionId).catch(() => undefined)
        }
        return summary
      })
    },

    'sync.cancel': ({ connectionId }) => ({ cancelled: sync.cancel(connectionId) }),

    'company.get': ({ connectionId }) => {
      requireConnection(connectionId)
      return cache.companyProfile(connectionId)
    },

    'directory.page': (query) => {
      requireConnection(query.connectionId)
      return cache.directoryPage(query)
    },

    'directory.query': (query) => {
      requireConnection(query.connectionId)
      return services.review.directory.page(query)
    },

    'directory.facets': ({ connectionId }) => {
      requireConnection(connectionId)
      return services.review.directory.facets(connectionId)
    },

    'org.reports': (query) => {
      requireConnection(query.connectionId)
      return services.review.directory.reports(query)
    },

    'review.freshness': ({ connectionId }) => {
      requireConnection(connectionId)
      return services.review.freshness(connectionId)
    },

    'export.table': (request) => services.exports.export(request),

    'payroll.payGroups': ({ connectionId }) => {
      requireConnection(connectionId)
      return services.review.payroll.payGroups(connectionId)
    },

    'payroll.runs': (query) => {
      requireConnection(query.connectionId)
      return services.review.payroll.payRuns(query)
    },

    'payroll.registerSummary': ({ connectionId, paymentId }) => {
      requireConnection(connectionId)
      return services.review.payroll.registerSummary(connectionId, paymentId)
    },

    'payroll.register': (query) => {
      requireConnection(query.connectionId)
      return services.review.payroll.registerPage(query)
    },

    'payroll.statement': ({ connectionId, statementRow }) => {
      requireConnection(connectionId)
      return services.review.payroll.statement(connectionId, statementRow)
    },

    'ytd.summary': (query) => {
      requireConnection(query.connectionId)
      return services.review.ytd.summary(query)
    },

    'ytd.people': (query) => {
      requireConnection(query.connectionId)
      return services.review.ytd.people(query)
    },

    'checks.reconciliation': ({ connectionId, ...options }) => {
      requireConnection(connectionId)
      return readReconciliation(cache.database, connectionId, options)
    },

    'checks.variance': (query) => {
      requireConnection(query.connectionId)
      return readRunVariance(cache.database, query)
    },

    'checks.pdf': async ({ connectionId }) => {
      const connection = cache.getConnection(connectionId)
      if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
      const companyName = connection.companyName ?? connection.customerName
      const date = new Date()
      const outcome = await services.exports.exportFile({
        fileName: checksPdfFileName(companyName, date),
        contentType: 'application/pdf',
        filter: { name: 'PDF document', extensions: ['pdf'] },
        bytes: await buildChecksPdf(cache.database, connectionId, companyName, date),
      })
      if (outcome.outcome !== 'cancelled') {
        recordAuditEvent(cache.database, {
          action: 'export',
          connectionId,
          subject: 'checks',
          detail: { format: 'pdf' },
        })
      }
      return outcome
    },

    'checks.yearEnd': (query) => {
      requireConnection(query.connectionId)
      return readYearEndPage(cache.database, query)
    },

    'checks.yearEndExport': async (request) => {
      const connection = cache.getConnection(request.connectionId)
      if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
      const companyName = connection.companyName ?? connection.customerName
      return exportYearEnd(services.exports, cache.database, request, companyName)
    },

    'checks.people': (query) => {
      requireConnection(query.connectionId)
      return readMatchedPeople(cache.database, query)
    },

    'audit.page': (query) => {
      requireConnection(query.connectionId)
      return readAuditPage(cache.database, query)
    },

    'dashboard.get': ({ connectionId, period }) => {
      requireConnection(connectionId)
      return services.dashboard.read(connectionId, period)
    },

    'dashboard.attention': ({ connectionId }) => {
      requireConnection(connectionId)
      return services.dashboard.attention(connectionId)
    },

    'export.image': (request) => exportChartImage(services.exports, request),

    'person.profile': ({ connectionId, individualId }) => {
      requireConnection(connectionId)
      return services.review.person.profile(connectionId, individualId)
    },

    'person.payHistory': (query) => {
      requireConnection(query.connectionId)
      return services.review.person.payHistory(query)
    },

    'person.revealSsn': ({ connectionId, individualId }) => {
      requireConnection(connectionId)
      return revealSsn(cache.database, { connectionId, individualId })
    },
  }
}
