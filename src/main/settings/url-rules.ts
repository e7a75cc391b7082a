/**
 * Which addresses the app may send its client credentials and employers to: https anywhere, and
 * plain http only on this computer (the local sandbox, and the loopback redirect URIs Finch
 * accepts), so a typo can never put the client secret on the network in clear text.
 */
import { z } from 'zod'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export function isLoopbackOrHttps(value: string): boolean {
  try {
    const url = new URL(value)
    if (url.username || url.password) return false
    if (url.protocol === 'https:') return true
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  } catch {
    return false
  }
}

export const loopbackOrHttps = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine(isLoopbackOrHttps, 'must use https (plain http only on localhost or 127.0.0.1)')
