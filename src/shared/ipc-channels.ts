/**
 * The names of every IPC channel and event, with no schema library attached, so the preload
 * can allow-list them while staying tiny.
 */
export const IPC_CHANNELS = [
  'app.status',
  'settings.get',
  'settings.update',
  'connections.list',
  'connect.start',
  'connect.cancel',
  'connect.reauthenticate',
  'clients.list',
  'connections.get',
  'connections.disconnect',
  'settings.removeClientSecret',
  'settings.policy',
  'sync.run',
  'sync.cancel',
  'company.get',
  'directory.page',
  'directory.query',
  'directory.facets',
  'org.reports',
  'review.freshness',
  'export.table',
  'payroll.payGroups',
  'payroll.runs',
  'payroll.registerSummary',
  'payroll.register',
  'payroll.statement',
  'ytd.summary',
  'ytd.people',
  'checks.reconciliation',
  'checks.variance',
  'audit.page',
  'checks.pdf',
  'checks.yearEnd',
  'checks.yearEndExport',
  'checks.people',
  'dashboard.get',
  'dashboard.attention',
  'export.image',
  'person.profile',
  'person.payHistory',
  'person.revealSsn',
] as const

export type IpcChannel = (typeof IPC_CHANNELS)[number]

export const IPC_EVENTS = ['connections.changed', 'sync.progress', 'connect.presenting'] as const

export type IpcEvent = (typeof IPC_EVENTS)[number]

/** The one Electron IPC channel that carries every contract call. */
export const ELECTRON_INVOKE_CHANNEL = 'payroll-desk:invoke'

/** The Electron IPC channel main sends contract events on. */
export const ELECTRON_EVENT_CHANNEL = 'payroll-desk:event'

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value)
}

export function isIpcEvent(value: unknown): value is IpcEvent {
  return typeof value === 'string' && (IPC_EVENTS as readonly string[]).includes(value)
}
