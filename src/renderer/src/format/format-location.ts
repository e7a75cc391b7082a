/** Writes a company location as the lines of a postal address. */
import type { CompanyLocation } from '../../../shared/domain'

/** `['100 Main St', 'Suite 4', 'Springfield, IL 62701', 'US']`, skipping what is missing. */
export function formatLocationLines(location: CompanyLocation): string[] {
  const region = [location.state, location.postalCode].filter(isPresent).join(' ')
  const cityLine = [location.city, region].filter(isPresent).join(', ')

  return [location.line1, location.line2, cityLine, location.country].filter(isPresent)
}

function isPresent(part: string | null): part is string {
  return part !== null && part.trim() !== ''
}
