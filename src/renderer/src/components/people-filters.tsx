/**
 * The filters above the people table, offered from the values the cache actually holds. Location
 * and employment type are shown but unavailable until employment data is synced, and say so.
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
    filters.managerId !== undefined

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
      <UnavailableFilter
        id={`${id}-location`}
        label="Location"
        values={facets?.locations.values ?? []}
        describedBy={noteId}
      />
      <UnavailableFilter
        id={`${id}-employment`}
        label="Employment type"
        values={facets?.employmentTypes.values ?? []}
        describedBy={noteId}
      />

      <button
        type="button"
        className="button button-quiet"
        aria-disabled={!filtering}
        onClick={() => filtering && onChange(filters.search ? { search: filters.search } : {})}
      >
        Clear filters
      </button>

      <p id={noteId} className="field-hint filters-note" data-testid="filters-missing-note">
        Location and employment type filters need employment data, which is not synced yet.
      </p>
    </fieldset>
  )
})

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: string
  options: { value: string; label: string; count: number }[]
  onChange: (value: string) => void
}) {
  const count = new Intl.NumberFormat()
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
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

function UnavailableFilter({
  id,
  label,
  values,
  describedBy,
}: {
  id: string
  label: string
  values: string[]
  describedBy: string
}) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} disabled aria-describedby={describedBy} value={ANY}>
        <option value={ANY}>All</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  )
}
