/**
 * Where the user is in the app. Navigation is plain state: there are three places, and the
 * desktop window has no address bar to keep in step with.
 */
export type Route =
  | { view: 'clients' }
  | { view: 'company'; connectionId: string }
  | { view: 'dashboard'; connectionId: string }
  | { view: 'checks'; connectionId: string }
  | { view: 'settings' }

export type Section = 'clients' | 'settings'

/** The navigation rail entry a route belongs to: a company page sits under Clients. */
export function sectionOf(route: Route): Section {
  return route.view === 'settings' ? 'settings' : 'clients'
}
