import { describe, expect, it } from 'vitest'
import { entryKeys, linkedIds, moveEntry } from './order'

describe('related order', () => {
  it('moves an entry up, down, and to either end, never off the list', () => {
    const list = ['a', 'b', 'c', 'd']
    expect(moveEntry(list, 2, 1)).toEqual(['a', 'c', 'b', 'd'])
    expect(moveEntry(list, 0, 3)).toEqual(['b', 'c', 'd', 'a'])
    expect(moveEntry(list, 3, 0)).toEqual(['d', 'a', 'b', 'c'])
    expect(moveEntry(list, 0, -1)).toEqual(list)
    expect(moveEntry(list, 3, 9)).toEqual(list)
    expect(list).toEqual(['a', 'b', 'c', 'd'])
  })

  it('gives repeated entries distinct keys and lists each linked story once', () => {
    const entries = [
      { headline: 'Same wire headline' },
      { headline: 'Same wire headline' },
      { headline: 'Story', storyId: 4 },
      { headline: 'Story again', storyId: 4 },
      { headline: 'Link', url: 'https://example.org/' },
    ]
    expect(new Set(entryKeys(entries)).size).toBe(entries.length)
    expect(linkedIds(entries)).toEqual([4])
  })
})
