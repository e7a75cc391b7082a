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
  }
  connections: {
    list(): Promise<IpcResult<'connections.list'>>
  }
  connect: {
    start(request: IpcArguments<'connect.start'>): Promise<IpcResult<'connect.start'>>
    cancel(): Promise<IpcResult<'connect.cancel'>>
  }
  sync: {
    run(target: ConnectionArgument): Promise<IpcResult<'sync.run'>>
  }
  company: {
    get(target: IpcArguments<'company.get'>): Promise<IpcResult<'company.get'>>
  }
  directory: {
    page(query: IpcArguments<'directory.page'>): Promise<IpcResult<'directory.page'>>
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
    },
    connections: { list: () => call('connections.list') },
    connect: {
      start: (request) => call('connect.start', request),
      cancel: () => call('connect.cancel'),
    },
    sync: { run: (target) => call('sync.run', target) },
    company: { get: (target) => call('company.get', target) },
    directory: { page: (query) => call('directory.page', query) },
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
