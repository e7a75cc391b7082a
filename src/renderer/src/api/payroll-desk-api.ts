/**
 * The renderer's typed client over the bridge the preload puts on `window.payrollDesk`: one
 * method per contract channel, resolving with the channel's result or throwing an `ApiError`.
 */
import type {
  IpcArguments,
  IpcChannel,
  IpcEvent,
  IpcEventPayloads,
  IpcResult,
  PayrollDeskBridge,
} from '../../../shared/ipc-contract'
import { ApiError, apiErrorFrom } from './api-error'

export { ApiError } from './api-error'

type ConnectionArgument = IpcArguments<'sync.run'>

export interface PayrollDeskApi {
  app: {
    status(): Promise<IpcResult<'app.status'>>
  }
  settings: {
    get(): Promise<IpcResult<'settings.get'>>
    update(change: IpcArguments<'settings.update'>): Promise<IpcResult<'settings.update'>>
    removeClientSecret(): Promise<IpcResult<'settings.removeClientSecret'>>
    policy(): Promise<IpcResult<'settings.policy'>>
  }
  clients: {
    list(): Promise<IpcResult<'clients.list'>>
  }
  connections: {
    list(): Promise<IpcResult<'connections.list'>>
    get(target: IpcArguments<'connections.get'>): Promise<IpcResult<'connections.get'>>
    disconnect(
      request: IpcArguments<'connections.disconnect'>,
    ): Promise<IpcResult<'connections.disconnect'>>
  }
  connect: {
    start(request: IpcArguments<'connect.start'>): Promise<IpcResult<'connect.start'>>
    reauthenticate(
      request: IpcArguments<'connect.reauthenticate'>,
    ): Promise<IpcResult<'connect.reauthenticate'>>
    cancel(): Promise<IpcResult<'connect.cancel'>>
  }
  sync: {
    run(target: ConnectionArgument): Promise<IpcResult<'sync.run'>>
    /** Stops the connection's running sync; the previous data stays as it was. */
    cancel(target: ConnectionArgument): Promise<IpcResult<'sync.cancel'>>
  }
  company: {
    get(target: IpcArguments<'company.get'>): Promise<IpcResult<'company.get'>>
  }
  directory: {
    page(query: IpcArguments<'directory.page'>): Promise<IpcResult<'directory.page'>>
    query(query: IpcArguments<'directory.query'>): Promise<IpcResult<'directory.query'>>
    facets(target: IpcArguments<'directory.facets'>): Promise<IpcResult<'directory.facets'>>
  }
  org: {
    reports(query: IpcArguments<'org.reports'>): Promise<IpcResult<'org.reports'>>
  }
  review: {
    freshness(target: IpcArguments<'review.freshness'>): Promise<IpcResult<'review.freshness'>>
  }
  payroll: {
    payGroups(target: IpcArguments<'payroll.payGroups'>): Promise<IpcResult<'payroll.payGroups'>>
    runs(query: IpcArguments<'payroll.runs'>): Promise<IpcResult<'payroll.runs'>>
    registerSummary(
      target: IpcArguments<'payroll.registerSummary'>,
    ): Promise<IpcResult<'payroll.registerSummary'>>
    register(query: IpcArguments<'payroll.register'>): Promise<IpcResult<'payroll.register'>>
    statement(target: IpcArguments<'payroll.statement'>): Promise<IpcResult<'payroll.statement'>>
  }
  ytd: {
    summary(query: IpcArguments<'ytd.summary'>): Promise<IpcResult<'ytd.summary'>>
    people(query: IpcArguments<'ytd.people'>): Promise<IpcResult<'ytd.people'>>
  }
  checks: {
    reconciliation(
      target: IpcArguments<'checks.reconciliation'>,
    ): Promise<IpcResult<'checks.reconciliation'>>
    variance(query: IpcArguments<'checks.variance'>): Promise<IpcResult<'checks.variance'>>
    pdf(target: IpcArguments<'checks.pdf'>): Promise<IpcResult<'checks.pdf'>>
    yearEnd(query: IpcArguments<'checks.yearEnd'>): Promise<IpcResult<'checks.yearEnd'>>
    yearEndExport(
      request: IpcArguments<'checks.yearEndExport'>,
    ): Promise<IpcResult<'checks.yearEndExport'>>
    people(query: IpcArguments<'checks.people'>): Promise<IpcResult<'checks.people'>>
  }
  audit: {
    page(query: IpcArguments<'audit.page'>): Promise<IpcResult<'audit.page'>>
  }
  person: {
    profile(target: IpcArguments<'person.profile'>): Promise<IpcResult<'person.profile'>>
    payHistory(query: IpcArguments<'person.payHistory'>): Promise<IpcResult<'person.payHistory'>>
    revealSsn(request: IpcArguments<'person.revealSsn'>): Promise<IpcResult<'person.revealSsn'>>
  }
  exports: {
    table(request: IpcArguments<'export.table'>): Promise<IpcResult<'export.table'>>
    image(request: IpcArguments<'export.image'>): Promise<IpcResult<'export.image'>>
  }
  dashboard: {
    get(query: IpcArguments<'dashboard.get'>): Promise<IpcResult<'dashboard.get'>>
    attention(
      target: IpcArguments<'dashboard.attention'>,
    ): Promise<IpcResult<'dashboard.attention'>>
  }
  /** Subscribes to a back-end event; call the returned function to stop listening. */
  onEvent<E extends IpcEvent>(
    event: E,
    listener: (payload: IpcEventPayloads[E]) => void,
  ): () => void
}

export function createPayrollDeskApi(bridge: PayrollDeskBridge): PayrollDeskApi {
  async function call<C extends IpcChannel>(
    channel: C,
    args?: IpcArguments<C>,
  ): Promise<IpcResult<C>> {
    let response: unknown
    try {
      response =
        args === undefined ? await bridge.invoke(channel) : await bridge.invoke(channel, args)
    } catch (cause) {
      throw new ApiError('internal', 'The app did not answer. Restart it and try again.', { cause })
    }

    if (!isEnvelope(response)) {
      throw new ApiError('internal', 'The app sent an answer it could not read.')
    }
    if (!response.ok) throw apiErrorFrom(response.error)
    // Main's handlers are typed against the same contract, so the value is the channel's result.
    return response.value as IpcResult<C>
  }

  return {
    app: { status: () => call('app.status') },
    settings: {
      get: () => call('settings.get'),
      update: (change) => call('settings.update', change),
      removeClientSecret: () => call('settings.removeClientSecret'),
      policy: () => call('settings.policy'),
    },
    clients: { list: () => call('clients.list') },
    connections: {
      list: () => call('connections.list'),
      get: (target) => call('connections.get', target),
      disconnect: (request) => call('connections.disconnect', request),
    },
    connect: {
      start: (request) => call('connect.start', request),
      reauthenticate: (request) => call('connect.reauthenticate', request),
      cancel: () => call('connect.cancel'),
    },
    sync: {
      run: (target) => call('sync.run', target),
      cancel: (target) => call('sync.cancel', target),
    },
    company: { get: (target) => call('company.get', target) },
    directory: {
      page: (query) => call('directory.page', query),
      query: (query) => call('directory.query', query),
      facets: (target) => call('directory.facets', target),
    },
    org: { reports: (query) => call('org.reports', query) },
    review: { freshness: (target) => call('review.freshness', target) },
    payroll: {
      payGroups: (target) => call('payroll.payGroups', target),
      runs: (query) => call('payroll.runs', query),
      registerSummary: (target) => call('payroll.registerSummary', target),
      register: (query) => call('payroll.register', query),
      statement: (target) => call('payroll.statement', target),
    },
    ytd: {
      summary: (query) => call('ytd.summary', query),
      people: (query) => call('ytd.people', query),
    },
    checks: {
      reconciliation: (target) => call('checks.reconciliation', target),
      variance: (query) => call('checks.variance', query),
      pdf: (target) => call('checks.pdf', target),
      yearEnd: (query) => call('checks.yearEnd', query),
      yearEndExport: (request) => call('checks.yearEndExport', request),
      people: (query) => call('checks.people', query),
    },
    audit: { page: (query) => call('audit.page', query) },
    person: {
      profile: (target) => call('person.profile', target),
      payHistory: (query) => call('person.payHistory', query),
      revealSsn: (request) => call('person.revealSsn', request),
    },
    exports: {
      table: (request) => call('export.table', request),
      image: (request) => call('export.image', request),
    },
    dashboard: {
      get: (query) => call('dashboard.get', query),
      attention: (target) => call('dashboard.attention', target),
    },
    onEvent(event, listener) {
      return bridge.on(event, (payload) => listener(payload as IpcEventPayloads[typeof event]))
    },
  }
}

/** The bridge on `window.payrollDesk`, or null when the page was opened without a preload. */
export function findBridge(host: object): PayrollDeskBridge | null {
  const candidate = (host as { payrollDesk?: unknown }).payrollDesk
  if (typeof candidate !== 'object' || candidate === null) return null

  const { invoke, on } = candidate as Partial<Record<keyof PayrollDeskBridge, unknown>>
  return typeof invoke === 'function' && typeof on === 'function'
    ? (candidate as PayrollDeskBridge)
    : null
}

function isEnvelope(
  value: unknown,
): value is { ok: true; value: unknown } | { ok: false; error: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  )
}
