/**
 * The IPC handlers for client companies and their connections: listing them, connecting and
 * reconnecting through Finch Connect, and disconnecting. Results carry what Finch's
 * introspection said, never a token.
 */
import { AppError } from '../../shared/app-error'
import type { ConnectOpenIn, DisconnectOutcome } from '../../shared/domain'
import type { EventSink } from '../app-services'
import type { ConnectFlow } from '../connect/connect-flow'
import type { IpcHandlers } from '../ipc/ipc-router'
import type { ConnectionStore } from './connection-store'

export interface ConnectionHandlerServices {
  store: ConnectionStore
  connectFlow: ConnectFlow
  disconnect: (request: { connectionId: string; purge: boolean }) => Promise<DisconnectOutcome>
  emit: EventSink
}

type ConnectionChannel =
  | 'clients.list'
  | 'connections.get'
  | 'connections.disconnect'
  | 'connect.start'
  | 'connect.reauthenticate'
  | 'connect.cancel'

export function createConnectionHandlers(
  services: ConnectionHandlerServices,
): Pick<IpcHandlers, ConnectionChannel> {
  const { store, connectFlow } = services

  /** The UI dims itself while Connect is in front of it, in the window or in the browser. */
  async function presenting<T>(where: ConnectOpenIn, attempt: () => Promise<T>): Promise<T> {
    // A refused second attempt must not tell the UI that the first one's Connect closed.
    if (connectFlow.inProgress) {
      throw new AppError(
        'connect_in_progress',
        'Finish or cancel the connection already in progress first.',
      )
    }
    services.emit('connect.presenting', { open: true, where })
    try {
      return await attempt()
    } finally {
      services.emit('connect.presenting', { open: false, where })
    }
  }

  return {
    'clients.list': () => store.listClients(),

    'connections.get': ({ connectionId }) => {
      const overview = store.connectionOverview(connectionId)
      if (!overview) throw new AppError('not_found', 'That connection is not in the cache.')
      return overview
    },

    'connect.start': (request) =>
      presenting(request.openIn ?? 'app', () => connectFlow.connect(request)),

    'connect.reauthenticate': (request) =>
      presenting(request.openIn ?? 'app', () => connectFlow.reauthenticate(request)),

    'connect.cancel': () => ({ cancelled: connectFlow.cancel() }),

    'connections.disconnect': (request) => services.disconnect(request),
  }
}
