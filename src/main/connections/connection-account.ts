/**
 * What the app keeps from Finch's introspection of a connection: its status, how it signs in,
 * which products each method grants and which legal entities it covers. Nothing identifying the
 * token (its id, the client id) is kept, and the employer's provider username is left out too.
 */
import type { Introspection } from '@tryfinch/finch-api/resources/account'
import type { ConnectionAccount } from '../../shared/domain'

const MAX_LIST = 50

export function accountFromIntrospection(
  introspection: Introspection,
  checkedAt: string,
): ConnectionAccount {
  return {
    status: introspection.connection_status.status,
    message: introspection.connection_status.message ?? null,
    lastSuccessfulSync: introspection.connection_status.last_successful_sync ?? null,
    manual: introspection.manual ?? null,
    authenticationMethods: (introspection.authentication_methods ?? [])
      .slice(0, MAX_LIST)
      .map((method) => ({
        type: method.type,
        status: method.connection_status?.status ?? null,
        products: method.products ?? [],
      })),
    entities: (introspection.entities ?? []).slice(0, MAX_LIST).map((entity) => ({
      id: entity.id,
      name: entity.name,
      status: entity.status,
    })),
    checkedAt,
  }
}
