/**
 * Why a person's page shows no SSN. Finch's `ssn` product is optional at Connect and left out
 * unless asked for, so a missing number usually means the connection never requested it rather
 * than that the provider lacks it.
 */

/** `products` are the connection's granted products; undefined while they are being read. */
export function formatMissingSsn(products: readonly string[] | undefined): string {
  if (products !== undefined && !products.includes('ssn')) {
    return 'Not requested when this company was connected'
  }
  return 'Not provided'
}
