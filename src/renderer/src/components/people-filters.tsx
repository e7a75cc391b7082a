/**
 * The filters above the people table, offered from the values the cache actually holds, each
 * with how many people it leaves. Location and employment type come from employment data; for a
 * company synced without it they are shown unavailable, and say why.
 */
import { memo, useId } from 'react'
import type { DirectoryFacets, DirectoryFilters, DirectoryStatus } from '../../../shared/review'

const ANY = ''

/** Memoized: the manager list can hold thousands of options, and scrolling must not redraw it. */
export const PeopleFilters = memo(function PeopleFilters({
  facets,
  filters,
  onChange,
}: {
  facets: DirectoryFacets | undefined
  filters: DirectoryFilters
  onChange: (filters: DirectoryFilters) => void
}) {
  const id = useId()
  const noteId = `${id}-missing`
  const set = (change: Partial<DirectoryFilters>) => {
    const next: DirectoryFilters = { ...filters, ...change }
    for (const key of Object.keys(next) as (keyof DirectoryFilters)[]) {
      if (next[key] === undefined || next[key] === ANY) delete next[key]
    }
    onChange(next)
  }
  const filtering =
    filters.department !== undefined ||
    filters.status !== undefined ||
    filters.managerId !== undefined ||
    filters.location !== undefined ||
    filters.employmentType !== undefined
  // Until the facets answer nothing is known to be missing; after, only a company without
  // employment data leaves these two filters unavailable.
  const employmentMissing = facets !== undefined && !facets.hasEmployment

  return (
    <fieldset className="people-filters">
      <legend className="visually-hidden">Filter people</legend>

      <FilterSelect
        id={`${id}-department`}
        label="Department"
        value={filters.department ?? ANY}
        options={facets?.departments ?? []}
        onChange={(department) => set({ department })}
      />
      <FilterSelect
        id={`${id}-status`}
        label="Status"
        value={filters.status ?? ANY}
        options={facets?.statuses ?? []}
        onChange={(status) => set({ status: (status || undefined) as DirectoryStatus | undefined })}
      />
      <FilterSelect
        id={`${id}-manager`}
        label="Manager"
        value={filters.managerId ?? ANY}
        options={facets?.managers ?? []}
        onChange={(managerId) => set({ managerId })}
      />
      <FilterSelect
        id={`${id}-location`}
        label="Location"
        value={filters.location ?? ANY}
        options={facets?.locations ?? []}
        onChange={(location) => set({ location })}
        {...(employmentMissing ? { unavailableNote: noteId } : {})}
      />
      <FilterSelect
        id={`${id}-employment`}
        label="Employment type"
        value={filters.employmentType ?? ANY}
        options={facets?.employmentTypes ?? []}
        onChange={(employmentType) => set({ employmentType })}
        {...(employmentMissing ? { unavailableNote: noteId } : {})}
      />

      <button
        type="button"
        className="button button-quiet"
        aria-disabled={!filtering}
        onClick={() => filtering && onChange(filters.search ? { search: filters.search } : {})}
      >
        Clear filters
      </button>

      {employmentMissing && (
        <p id={noteId} className="field-hint filters-note" data-testid="filters-missing-note">
          Location and employment type come with employment data, which was not synced for this
          company.
        </p>
      )}
    </fieldset>
  )
})

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  unavailableNote,
}: {
  id: string
  label: string
  value: string
  options: { value: string; label: string; count: number }[]
  onChange: (value: string) => void
  /** The id of the note that says why this filter cannot be used; absent when it can. */
  unavailableNote?: string
}) {
  const count = new Intl.NumberFormat()
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={unavailableNote !== undefined}
        aria-describedby={unavailableNote}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value={ANY}>All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {`${option.label} (${count.format(option.count)})`}
          </option>
        ))}
      </select>
    </div>
  )
}
