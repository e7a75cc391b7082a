/**
 * Names a pay run the way an accountant tells runs apart: by its pay date in the user's locale
 * and, where the company pays more than one group, by its pay groups. Finch's ids are never the
 * name; they stay in data attributes for tests.
 */
import type { DateFormatOptions } from './format-date'
import { formatDate } from './format-date'

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

  const groups = run.payGroupNames.map((name) => name ?? 'Unnamed pay group')
  return [date, ...groups].join(' · ')
}
