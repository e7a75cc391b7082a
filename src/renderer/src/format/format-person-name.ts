/** Names people the way a payroll list sorts them: last name first. */

export interface PersonName {
  firstName: string | null
  middleName: string | null
  lastName: string | null
}

/** `Rivera, Ana Luisa`; whichever parts a provider left out are skipped. */
export function formatSortableName(person: PersonName): string {
  const given = [person.firstName, person.middleName].filter(isPresent).join(' ')
  const last = isPresent(person.lastName) ? person.lastName : ''

  if (last && given) return `${last}, ${given}`
  return last || given || 'Name not provided'
}

function isPresent(part: string | null): part is string {
  return part !== null && part.trim() !== ''
}
