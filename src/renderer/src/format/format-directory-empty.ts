/** What the people table says when it has no row to show, naming only what narrowed it. */

export function formatDirectoryEmpty({
  search,
  filtered,
  loaded,
}: {
  /** The search text as sent, trimmed; empty when the accountant is not searching. */
  search: string
  /** Whether any filter (department, status, manager, location, type) is set. */
  filtered: boolean
  /** Whether the directory's size is known yet. */
  loaded: boolean
}): string {
  if (search && filtered) return `No one matches “${search}” with these filters.`
  if (search) return `No one matches “${search}”.`
  if (filtered) return 'No one matches these filters.'
  return loaded ? 'The directory is empty. Sync to read it from Finch.' : 'Loading the directory…'
}
