/**
 * Matching a request to a route by method and path pattern (`/employer/benefits/{benefit_id}`).
 * A path that exists under other methods is told so (405), anything else is unknown (404).
 */
import type { Reply } from './reply'
import type { SandboxContext } from './sandbox-context'
import type { SandboxRequest } from './sandbox-request'

export type Handler = (request: SandboxRequest, context: SandboxContext) => Reply | Promise<Reply>

export interface Route {
  method: 'GET' | 'POST'
  pattern: string
  handle: Handler
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong_method'; allowed: string[] }
  | { kind: 'unknown' }

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const expected = pattern.split('/')
  const actual = pathname.split('/')
  if (expected.length !== actual.length) return null

  const params: Record<string, string> = {}
  for (const [index, segment] of expected.entries()) {
    const value = actual[index]!
    const name = /^\{(\w+)\}$/.exec(segment)?.[1]
    if (name) {
      if (value === '') return null
      try {
        params[name] = decodeURIComponent(value)
      } catch {
        return null
      }
    } else if (segment !== value) {
      return null
    }
  }
  return params
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = []
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname)
    if (!params) continue
    if (route.method === method) return { kind: 'found', route, params }
    allowed.push(route.method)
  }
  return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'unknown' }
}
