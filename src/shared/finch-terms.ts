/**
 * Finch's snake_case enum values (entity types, account types, employment types) in words, for
 * the screens and the exports alike. Finch adds new values without notice, so an unknown one is
 * still given, in sentence case, rather than dropped.
 */

/** The values whose words are not simply the value in sentence case. */
export const FINCH_TERM_WORDS: Readonly<Record<string, string>> = {
  llc: 'LLC',
  lp: 'LP',
  llp: 'LLP',
  s_corporation: 'S corporation',
  c_corporation: 'C corporation',
  b_corporation: 'B corporation',
  non_profit: 'Non-profit',
  // Pay statement types, as the statement and pay history show them and their exports write them.
  off_cycle_payroll: 'Off-cycle payroll',
  one_time_payment: 'One-time payment',
}

/** `s_corporation` reads `S corporation`; `sole_proprietor` reads `Sole proprietor`. */
export function finchTermWords(value: string): string {
  // Own keys only: `constructor` is a word Finch could send, not the object's prototype.
  if (Object.hasOwn(FINCH_TERM_WORDS, value)) return FINCH_TERM_WORDS[value]!

  const words = value.replaceAll('_', ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
