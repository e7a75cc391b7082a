/** The fields a Connect page step received: its query on GET, its submitted form on POST. */
import type { SandboxRequest } from './sandbox-request'

export type StepFields = Record<string, string>

export function stepFields(request: SandboxRequest): StepFields {
  if (request.method === 'GET') return Object.fromEntries(request.url.searchParams)
  return Object.fromEntries(new URLSearchParams(request.body.toString('utf8')))
}
