/**
 * A person's name as the directory lists it, last name first with every given name, so the
 * back end's tables and exports name people exactly as the directory on screen does.
 */

export interface PersonNameParts {
  firstName: string | null
  middleName: string | null
  lastName: string | null
}

/** `Rivera, Ana Luisa`; parts a provider left out or blank are skipped; null when none is left. */
export function sortablePersonName(person: PersonNameParts): string | null {
  const given = [person.firstName, person.middleName].filter(isPresent).join(' ')
  const last = isPresent(person.lastName) ? person.lastName : ''

  if (last && given) return `${last}, ${given}`
  return last || given || null
}

function isPresent(part: string | null): part is string {
  return part !== null && part.trim() !== ''
}
