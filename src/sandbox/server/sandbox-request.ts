/** One request as the routes see it: parsed URL, headers, the raw body and path parameters. */
import type { IncomingHttpHeaders } from 'node:http'

export interface SandboxRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** Values of `{name}` segments in the matched route pattern. */
  params: Readonly<Record<string, string>>
}

export function headerValue(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}
