/**
 * The people a client has under more than one record, as an export: for every matched person,
 * not only the page on screen, a row per record with its pay in the year and a `Combined` row
 * with the records added together, as the checks page lays them out.
 */
import type {
  MatchedConnection,
  MatchedPerson,
  PersonMatchBasis,
  YearEndFigures,
} from '../../shared/checks'
import { providerName } from '../../shared/provider-names'
import type { CacheDatabase } from '../cache/open-database'
import type { ExportColumn, ExportSheet } from '../export/export-columns'
import { readMatchedPeople } from './people-matching'

/** One record of a matched person, or the person's combined row with no connection. */
export interface MatchedPersonLine {
  person: string
  basis: PersonMatchBasis
  connection: MatchedConnection | null
  nameThere: string | null
  individualId: string | null
  figures: YearEndFigures
}

/** Matched people read per pass; every pass matches the client's records afresh. */
const PEOPLE_PER_BATCH = 200

const BASIS_WORDS: Record<PersonMatchBasis, string> = {
  name_and_dob: 'Same name and date of birth',
  name_and_email: 'Same name and email; a date of birth is missing',
}

const COMBINED = 'Combined'

const centsColumn = (
  header: string,
  value: (figures: YearEndFigures) => number,
): ExportColumn<MatchedPersonLine> => ({
  header,
  kind: 'cents',
  value: (row) => value(row.figures),
  width: 16,
})

const MATCHED_PEOPLE_COLUMNS: ExportColumn<MatchedPersonLine>[] = [
  { header: 'Person', kind: 'text', value: (row) => row.person, width: 28 },
  { header: 'Matched by', kind: 'text', value: (row) => BASIS_WORDS[row.basis], width: 30 },
  {
    header: 'Record',
    kind: 'text',
    value: (row) => row.connection?.companyName ?? COMBINED,
    width: 30,
  },
  {
    header: 'Provider',
    kind: 'text',
    value: (row) => (row.connection ? providerName(row.connection.providerId) : null),
    width: 16,
  },
  { header: 'Name there', kind: 'text', value: (row) => row.nameThere, width: 28 },
  centsColumn('Gross pay', (figures) => figures.grossPayCents),
  centsColumn('Employee taxes', (figures) => figures.employeeTaxesCents),
  centsColumn('Pre-tax deductions', (figures) => figures.preTaxDeductionsCents),
  centsColumn('Post-tax deductions', (figures) => figures.postTaxDeductionsCents),
  centsColumn('Net pay', (figures) => figures.netPayCents),
  centsColumn('Employer contributions', (figures) => figures.employerContributionsCents),
  centsColumn('Employer taxes', (figures) => figures.employerTaxesCents),
  {
    header: 'Finch connection ID',
    kind: 'text',
    value: (row) => row.connection?.connectionId ?? null,
    width: 38,
  },
  { header: 'Finch individual ID', kind: 'text', value: (row) => row.individualId, width: 38 },
]

function linesOf(
  person: MatchedPerson,
  connections: ReadonlyMap<string, MatchedConnection>,
): MatchedPersonLine[] {
  const records = person.records.map((record): MatchedPersonLine => ({
    person: person.personName,
    basis: person.basis,
    connection: connections.get(record.connectionId) ?? null,
    nameThere: record.personName,
    individualId: record.individualId,
    figures: record.figures,
  }))
  const combined: MatchedPersonLine = {
    person: person.personName,
    basis: person.basis,
    connection: null,
    nameThere: null,
    individualId: null,
    figures: person.combined,
  }
  return [...records, combined]
}

/** Every person matched across the client's connections, with their pay in `year`. */
export function matchedPeopleSheet(
  db: CacheDatabase,
  connectionId: string,
  year: number,
): ExportSheet<MatchedPersonLine> {
  // Read now, so an unknown connection fails before a dialog opens.
  const first = readMatchedPeople(db, { connectionId, year, offset: 0, limit: PEOPLE_PER_BATCH })

  function* batches(): Generator<MatchedPersonLine[]> {
    let page = first
    for (;;) {
      const connections = new Map(page.connections.map((c) => [c.connectionId, c]))
      if (page.people.length > 0) yield page.people.flatMap((p) => linesOf(p, connections))
      if (page.people.length < PEOPLE_PER_BATCH) return
      const offset = page.offset + page.people.length
      page = readMatchedPeople(db, { connectionId, year, offset, limit: PEOPLE_PER_BATCH })
    }
  }
  return {
    name: `People across connections ${year}`,
    columns: MATCHED_PEOPLE_COLUMNS,
    batches: batches(),
  }
}
