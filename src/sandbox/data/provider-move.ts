/**
 * One company that moved its payroll to another provider mid-year, as two sandbox logins: the
 * old provider's connection pays January to June, the new one July onwards. Some people moved
 * with the company, and each of them is one person under two Finch ids, spelled the way each
 * provider keeps them. A few others only look alike and are different people, so matching people
 * across a client's connections has both kinds of case to get right.
 */
import type { CompanyDataset, IndividualRecord } from './dataset'
import { addDays } from './calendar'

/** How one person of the new provider relates to one of the old. */
export type MoveVariant =
  /** The same name and date of birth, written identically. */
  | 'same'
  /** The same person; the new provider writes the name in other letter case. */
  | 'recased'
  /** The same person; the new provider pads the name with extra spaces. */
  | 'spaced'
  /** The same person; the new provider has no date of birth but the same email. */
  | 'no_dob_after'
  /** The same person; the old provider had no date of birth, the new one shares an email. */
  | 'no_dob_before'
  /** A different person: same name and email, a date of birth one day apart. */
  | 'other_dob'
  /** A different person: same last name and date of birth, another first name. */
  | 'other_first_name'
  /** A different person: same name, no date of birth on one side, and no email in common. */
  | 'other_email'

export const SAME_PERSON_VARIANTS: readonly MoveVariant[] = [
  'same',
  'recased',
  'spaced',
  'no_dob_after',
  'no_dob_before',
]

/** Directory positions in the old and new company, and how the two records relate. */
const PAIRS: readonly { before: number; after: number; variant: MoveVariant }[] = [
  { before: 1, after: 3, variant: 'same' },
  { before: 2, after: 1, variant: 'same' },
  { before: 4, after: 2, variant: 'recased' },
  { before: 5, after: 6, variant: 'spaced' },
  { before: 6, after: 5, variant: 'no_dob_after' },
  { before: 7, after: 8, variant: 'no_dob_before' },
  { before: 8, after: 9, variant: 'other_dob' },
  { before: 9, after: 10, variant: 'other_first_name' },
  { before: 10, after: 11, variant: 'other_email' },
]

/** The least headcount each side needs for every pair to have its own people. */
export const MIN_MOVE_PEOPLE = 12

export interface MovePair {
  variant: MoveVariant
  beforeIndividualId: string
  afterIndividualId: string
  /** True when the two records are one person and must match; false for a near miss. */
  samePerson: boolean
}

export interface ProviderMove {
  before: CompanyDataset
  after: CompanyDataset
  pairs: MovePair[]
}

type Identity = Pick<IndividualRecord, 'first_name' | 'last_name' | 'dob' | 'emails'>

/**
 * Takes two independently generated companies and gives the chosen people of the second the
 * identities of people of the first, varied as the pairs say. Pay, jobs and ids stay each
 * provider's own; the new provider keeps the old company's EIN, since the employer is the same.
 */
export function joinProviderMove(before: CompanyDataset, after: CompanyDataset): ProviderMove {
  if (before.directory.length < MIN_MOVE_PEOPLE || after.directory.length < MIN_MOVE_PEOPLE) {
    throw new RangeError(`A provider move needs at least ${MIN_MOVE_PEOPLE} people on each side`)
  }
  const beforeChanges = new Map<string, Identity>()
  const afterChanges = new Map<string, Identity>()
  const pairs = PAIRS.map(({ before: b, after: a, variant }) => {
    const beforeId = before.directory[b]!.id
    const afterId = after.directory[a]!.id
    const original = before.individual(beforeId)!
    const { old, moved } = identities(original, variant)
    if (old) beforeChanges.set(beforeId, old)
    afterChanges.set(afterId, moved)
    return {
      variant,
      beforeIndividualId: beforeId,
      afterIndividualId: afterId,
      samePerson: SAME_PERSON_VARIANTS.includes(variant),
    }
  })

  return {
    before: withIdentities(before, beforeChanges),
    after: {
      ...withIdentities(after, afterChanges),
      company: { ...after.company, ein: before.company.ein },
    },
    pairs,
  }
}

function identities(
  person: IndividualRecord,
  variant: MoveVariant,
): { old?: Identity; moved: Identity } {
  const first = person.first_name ?? ''
  const last = person.last_name ?? ''
  const base: Identity = {
    first_name: first,
    last_name: last,
    dob: person.dob,
    emails: person.emails,
  }
  const upperEmails = person.emails?.map((email) => ({ ...email, data: email.data.toUpperCase() }))
  switch (variant) {
    case 'same':
      return { moved: base }
    case 'recased':
      return { moved: { ...base, first_name: first.toLowerCase(), last_name: last.toUpperCase() } }
    case 'spaced':
      return { moved: { ...base, first_name: `  ${first} `, last_name: `${last}  ` } }
    case 'no_dob_after':
      return { moved: { ...base, dob: null, emails: upperEmails ?? null } }
    case 'no_dob_before':
      return {
        old: { ...base, dob: null },
        moved: { ...base, emails: upperEmails?.slice(0, 1) ?? null },
      }
    case 'other_dob':
      return { moved: { ...base, dob: person.dob ? addDays(person.dob, 1) : '1990-01-01' } }
    case 'other_first_name':
      return { moved: { ...base, first_name: `${first}e`, emails: [] } }
    case 'other_email':
      return {
        moved: {
          ...base,
          dob: null,
          emails: [{ data: `${first.toLowerCase()}.other@mail.example`, type: 'personal' }],
        },
      }
  }
}

function withIdentities(dataset: CompanyDataset, changes: ReadonlyMap<string, Identity>) {
  const named = (id: string) => changes.get(id)
  return {
    ...dataset,
    directory: dataset.directory.map((entry) => {
      const change = named(entry.id)
      return change
        ? { ...entry, first_name: change.first_name, last_name: change.last_name }
        : entry
    }),
    individual: (id: string) => {
      const record = dataset.individual(id)
      const change = named(id)
      return record && change ? { ...record, ...change } : record
    },
    employment: (id: string) => {
      const record = dataset.employment(id)
      const change = named(id)
      return record && change
        ? { ...record, first_name: change.first_name, last_name: change.last_name }
        : record
    },
  }
}
