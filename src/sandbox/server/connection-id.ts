/**
 * Connection ids that stay the same when the same employer connects the same provider again,
 * as Finch keeps them (a connection is one application, company and provider). Derived from
 * those facts by hashing, then spelled as a version-4-style UUID like Finch's ids.
 */
import { createHash } from 'node:crypto'

export function connectionIdFor(
  clientId: string,
  customerId: string | null,
  providerId: string,
  scenario: string,
): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([clientId, customerId, providerId, scenario]))
    .digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-')
}
