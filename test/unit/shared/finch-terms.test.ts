import { describe, expect, it } from 'vitest'
import { finchTermWords } from '../../../src/shared/finch-terms'

describe('finchTermWords', () => {
  it('gives the words of the entity types whose words are not the value', () => {
    expect(finchTermWords('s_corporation')).toBe('S corporation')
    expect(finchTermWords('llc')).toBe('LLC')
    expect(finchTermWords('non_profit')).toBe('Non-profit')
  })

  it('puts a value it does not know in sentence case', () => {
    expect(finchTermWords('checking')).toBe('Checking')
    expect(finchTermWords('sole_proprietor')).toBe('Sole proprietor')
  })

  it('reads a value named like an object property as a word', () => {
    expect(finchTermWords('constructor')).toBe('Constructor')
  })
})
