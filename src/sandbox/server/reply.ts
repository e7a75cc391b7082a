/**
 * What a route answers, kept apart from Node's response object so the server can log it, add
 * Finch's headers and inject faults (such as a truncated body) in one place.
 */
import type { FinchError } from './finch-error'

export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  }
}

export function errorReply(error: FinchError): Reply {
  return jsonReply(error.status, error.toBody(), { ...error.headers })
}

export function htmlReply(status: number, html: string, contentSecurityPolicy: string): Reply {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      // The Connect pages take passwords; no other site may frame them (clickjacking).
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    },
    body: html,
  }
}

export function redirectReply(location: string): Reply {
  return {
    status: 302,
    headers: { Location: location, 'Referrer-Policy': 'no-referrer' },
    body: '',
  }
}
