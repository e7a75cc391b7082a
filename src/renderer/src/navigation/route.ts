/**
 * Where the user is in the app. Navigation is plain state: there are three places, and the
 * desktop window has no address bar to keep in step with.
 */
export type Route =
  /** `reconnect`: the connection whose Reconnect action to bring into focus. */
  | { view: 'clients'; reconnect?: string }
  /** `focus: 'freshness'`: land on how current the data is and the way to sync it. */
  | { view: 'company'; connectionId: string; focus?: 'freshness' }
  | { view: 'dashboard'; connectionId: string }
  /** One person of a company: their records, masked SSN, pay history and year to date. */
  | { view: 'person'; connectionId: string; individualId: string }
  | { view: 'checks'; connectionId: string; focus?: ChecksFocus }
  | { view: 'settings' }

/** What the Checks view opens on: one pay run's tie-out, or the variance between two runs. */
export type ChecksFocus =
  | { section: 'tie_out'; paymentId: string }
  | { section: 'variance'; currentPaymentId: string; previousPaymentId?: string }

export type Section = 'clients' | 'settings'

/** The navigation rail entry a route belongs to: a company page sits under Clients. */
export function sectionOf(route: Route): Section {
  return route.view === 'settings' ? 'settings' : 'clients'
}
