/** Names people the way a payroll list sorts them: last name first. */
import type { PersonNameParts } from '../../../shared/person-name'
import { sortablePersonName } from '../../../shared/person-name'

export type PersonName = PersonNameParts

/** `Rivera, Ana Luisa`; whichever parts a provider left out are skipped. */
export function formatSortableName(person: PersonName): string {
  return sortablePersonName(person) ?? 'Name not provided'
}
