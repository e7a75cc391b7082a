/**
 * Names a payroll provider by Finch's display name instead of its id (`paychex_flex` reads
 * `Paychex Flex`), for the screens and the exports alike. The map covers the providers the local
 * sandbox offers on its Connect page and in its scenarios; any other id, as real Finch lists many
 * more, is title-cased from its words.
 */

const PROVIDER_NAMES: Record<string, string> = {
  adp_run: 'ADP RUN',
  adp_workforce_now: 'ADP Workforce Now',
  bamboo_hr: 'BambooHR',
  gusto: 'Gusto',
  justworks: 'Justworks',
  paychex_flex: 'Paychex Flex',
  paylocity: 'Paylocity',
  rippling: 'Rippling',
  workday: 'Workday',
}

export function providerName(providerId: string): string {
  // Own keys only: an id such as `constructor` is a provider's, not the object's prototype.
  if (Object.hasOwn(PROVIDER_NAMES, providerId)) return PROVIDER_NAMES[providerId]!

  return providerId
    .split(/[_\s-]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}
