/**
 * Turns Finch's snake_case enum values (entity types, account types) into words. Finch adds new
 * values without notice, so an unknown one is still shown, in sentence case.
 */

const KNOWN_TERMS: Record<string, string> = {
  llc: 'LLC',
  lp: 'LP',
  llp: 'LLP',
  s_corporation: 'S corporation',
  c_corporation: 'C corporation',
  b_corporation: 'B corporation',
  non_profit: 'Non-profit',
}

/** `s_corporation` reads `S corporation`; `sole_proprietor` reads `Sole proprietor`. */
export function formatFinchTerm(value: string): string {
  const known = KNOWN_TERMS[value]
  if (known) return known

  const words = value.replaceAll('_', ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
