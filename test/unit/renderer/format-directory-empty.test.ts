import { describe, expect, it } from 'vitest'
import { formatDirectoryEmpty } from '../../../src/renderer/src/format/format-directory-empty'

describe('formatDirectoryEmpty', () => {
  it('names only the search when no filter is set', () => {
    const message = formatDirectoryEmpty({ search: 'zzzz', filtered: false, loaded: true })

    expect(message).toBe('No one matches “zzzz”.')
  })

  it('mentions the filters when the search runs with them', () => {
    const message = formatDirectoryEmpty({ search: 'zzzz', filtered: true, loaded: true })

    expect(message).toBe('No one matches “zzzz” with these filters.')
  })

  it('blames the filters alone when there is no search', () => {
    expect(formatDirectoryEmpty({ search: '', filtered: true, loaded: true })).toBe(
      'No one matches these filters.',
    )
  })

  it('tells a directory still loading from an empty one', () => {
    expect(formatDirectoryEmpty({ search: '', filtered: false, loaded: false })).toBe(
      'Loading the directory…',
    )
    expect(formatDirectoryEmpty({ search: '', filtered: false, loaded: true })).toBe(
      'The directory is empty. Sync to read it from Finch.',
    )
  })
})
