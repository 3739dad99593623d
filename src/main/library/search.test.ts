import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { MARK_END, MARK_START } from '../../shared/contract'
import { ftsQuery, searchStories } from './search'
import { createStory, deleteStory, saveStory } from './stories'

const m = (word: string) => `${MARK_START}${word}${MARK_END}`

describe('library search', () => {
  const libraries = useTempLibraries()

  it('ranks a headline match above a passing mention in the body', () => {
    const { db } = libraries.open()
    const mention = createStory(db, {
      headline: 'Budget talks stall',
      body: bodyFromParagraphs(['Ministers met for hours. A reporter asked about the harbour, then left.']),
    })
    const lead = createStory(db, {
      headline: 'Harbour wall collapses in storm',
      body: bodyFromParagraphs(['Waves broke the wall.']),
    })
    expect(searchStories(db, 'harbour', 10).map((hit) => hit.id)).toEqual([lead.id, mention.id])
  })

  it('matches words as prefixes while the editor is still typing, every word required', () => {
    const { db } = libraries.open()
    const zelensky = createStory(db, { headline: 'Zelensky meets defence secretary in Kyiv' })
    createStory(db, { headline: 'Zelensky addresses parliament' })
    expect(searchStories(db, 'zelen', 10)).toHaveLength(2)
    expect(searchStories(db, 'zelen def', 10).map((hit) => hit.id)).toEqual([zelensky.id])
    expect(searchStories(db, 'zelen nothingmatches', 10)).toEqual([])
  })

  it('highlights the matched words in headline and snippet', () => {
    const { db } = libraries.open()
    createStory(db, {
      headline: 'Flood defences tested',
      body: bodyFromParagraphs(['The new flood barrier held overnight as the river rose.']),
    })
    const [hit] = searchStories(db, 'flood', 10)
    expect(hit!.headlineMarked).toBe(`${m('Flood')} defences tested`)
    expect(hit!.snippet).toContain(`new ${m('flood')} barrier`)
  })

  it('finds stories by byline, ignores accents, and treats FTS syntax as plain words', () => {
    const { db } = libraries.open()
    const story = createStory(db, {
      headline: 'Café owners protest rent rise',
      bylines: [{ name: 'Łucja Nowak', kind: 'person' }],
    })
    expect(searchStories(db, 'nowak', 10).map((h) => h.id)).toEqual([story.id])
    expect(searchStories(db, 'cafe', 10).map((h) => h.id)).toEqual([story.id])
    // Quotes, colons, brackets and operators typed by accident are words or nothing, never an FTS5 error.
    expect(searchStories(db, '"cafe: (rent* ^', 10).map((h) => h.id)).toEqual([story.id])
    expect(searchStories(db, 'cafe NEAR( headline: OR', 10)).toEqual([])
    expect(ftsQuery('  !!  ')).toBeNull()
  })

  it('follows saves and deletions', () => {
    const { db } = libraries.open()
    const story = createStory(db, { headline: 'Draft about tariffs' })
    saveStory(db, { id: story.id, expectedRevision: 1, changes: { headline: 'Story about subsidies' }, reason: 'edit' })
    expect(searchStories(db, 'tariffs', 10)).toEqual([])
    expect(searchStories(db, 'subsidies', 10)).toHaveLength(1)
    deleteStory(db, story.id)
    expect(searchStories(db, 'subsidies', 10)).toEqual([])
  })

  it('keeps the results of the words before a one-letter word still being typed, and matches a lone letter whole', () => {
    const { db } = libraries.open()
    const resigns = createStory(db, { headline: 'Prime minister resigns' })
    const time = createStory(db, { headline: 'Prime time schedule announced' })
    const planB = createStory(db, { headline: 'Council backs plan B for the bypass' })
    const halfTyped = searchStories(db, 'prime m', 10).map((h) => h.id)
    expect(halfTyped.sort()).toEqual([resigns.id, time.id].sort())
    expect(searchStories(db, 'prime mi', 10).map((h) => h.id)).toEqual([resigns.id])
    expect(searchStories(db, 'b', 10).map((h) => h.id)).toEqual([planB.id])
    expect(ftsQuery('prime m')).toBe('"prime"*')
  })
})
