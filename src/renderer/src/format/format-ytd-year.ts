/** Says what a year to date is made of, or plainly that nothing was paid that year. */

/** Whether the year has anything to add up: a pay run or a statement. */
export function ytdHasPayments(totals: { paymentCount: number; statementCount: number }): boolean {
  return totals.paymentCount > 0 || totals.statementCount > 0
}

/** `2026: 24 pay runs, 1 statement`; `Nothing was paid in 1999.` for a year with neither. */
export function formatYtdYear(
  totals: { year: number; paymentCount: number; statementCount: number; individualId?: string },
  locale?: string,
): string {
  if (!ytdHasPayments(totals)) {
    return totals.individualId === undefined
      ? `Nothing was paid in ${totals.year}.`
      : `Nothing was paid to this person in ${totals.year}.`
  }

  const count = new Intl.NumberFormat(locale)
  const runs = `${count.format(totals.paymentCount)} ${totals.paymentCount === 1 ? 'pay run' : 'pay runs'}`
  const statements = `${count.format(totals.statementCount)} ${
    totals.statementCount === 1 ? 'statement' : 'statements'
  }`
  return `${totals.year}: ${runs}, ${statements}`
}
