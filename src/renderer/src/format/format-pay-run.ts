/**
 * Names a pay run the way an accountant tells runs apart: by its pay date in the user's locale
 * and, where the company pays more than one group, by its pay groups. Finch's ids are never the
 * name; they stay in data attributes for tests.
 */
import type { DateFormatOptions } from './format-date'
import { formatDate } from './format-date'

/** Said of a pay group the provider sent without a name, as the back end's exports say it. */
const UNNAMED_PAY_GROUP = 'Unnamed pay group'

export interface PayRunName {
  payDate: string | null
  /** The run's groups' names, null for one the provider left unnamed. */
  payGroupNames: readonly (string | null)[]
}

/** `Nov 20, 2026 · Hourly Biweekly`; the groups only when `withPayGroups`. */
export function formatPayRun(
  run: PayRunName,
  withPayGroups: boolean,
  options: DateFormatOptions = {},
): string {
  const date = formatDate(run.payDate, options) ?? 'No pay date'
  if (!withPayGroups) return date

  return [date, ...payGroupWords(run.payGroupNames)].join(' · ')
}

/** `Hourly Biweekly, Unnamed pay group`; null for a run that names no pay group. */
export function formatPayGroups(payGroupNames: readonly (string | null)[]): string | null {
  return payGroupNames.length === 0 ? null : payGroupWords(payGroupNames).join(', ')
}

function payGroupWords(payGroupNames: readonly (string | null)[]): string[] {
  return payGroupNames.map((name) => name ?? UNNAMED_PAY_GROUP)
}
