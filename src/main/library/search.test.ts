import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { MARK_END, MARK_START } from '../../shared/contract'
import { ftsQuery, searchMatch, searchStories } from './search'
import { createStory, deleteStory, insertStory, projectStory, saveStory } from './stories'

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

  it('finds a story saved a moment ago by the start of a word new to the library', () => {
    const { db } = libraries.open()
    const story = createStory(db, { headline: 'Harbour board meets', body: bodyFromParagraphs(['Nothing yet.']) })
    expect(searchStories(db, 'quango', 10)).toEqual([])
    saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      changes: { body: bodyFromParagraphs(['The harbour board is a quangocracy of its own.']) },
      reason: 'edit',
    })
    // Written as the word itself: the vocabulary learnt it with the save.
    expect(searchMatch(db, 'harbour quang')).toBe('("harbour") AND ("quangocracy")')
    expect(searchStories(db, 'harbour quang', 10).map((h) => h.id)).toEqual([story.id])
    // Imported and desk-projected stories too (insertStory, projectStory).
    const imported = db.transaction(() => insertStory(db, { headline: 'Zwitterionic compound found' }))()
    expect(searchStories(db, 'zwitter', 10).map((h) => h.id)).toEqual([imported.id])
    const projected = projectStory(db, null, { ...story, headline: 'Ombudswoman reports on the harbour' })
    expect(searchStories(db, 'ombudsw', 10).map((h) => h.id)).toEqual([projected.id])
  })

  it('goes on finding the rest after the only story with a word is deleted', () => {
    const { db } = libraries.open()
    const gone = createStory(db, { headline: 'Quarantine lifted at the port' })
    const kept = createStory(db, { headline: 'Quarry reopens' })
    expect(searchStories(db, 'quar', 10).map((h) => h.id)).toEqual([kept.id, gone.id])
    deleteStory(db, gone.id)
    // "quarantine" stays in the vocabulary (no story holds it now): an OR branch that matches nothing.
    expect(searchStories(db, 'quar', 10).map((h) => h.id)).toEqual([kept.id])
    expect(searchStories(db, 'quarant', 10)).toEqual([])
    const back = createStory(db, { headline: 'Quarantine returns' })
    expect(searchStories(db, 'quarant', 10).map((h) => h.id)).toEqual([back.id])
  })

  it('matches the same stories with a word written as its whole words as with the prefix', () => {
    const { db } = libraries.open()
    const headlines = [
      'Minister resigns',
      'Ministers meet in Kyiv',
      'Ministry of Defence statement',
      'Mining town votes',
      'Prime minister in ministerial reshuffle',
      'Café reopens after Ministère visit',
    ]
    for (const headline of headlines) createStory(db, { headline })
    const ids = (match: string) =>
      db
        .prepare('SELECT rowid FROM story_search WHERE story_search MATCH ? ORDER BY rowid')
        .pluck()
        .all(match) as number[]
    for (const typed of ['minis', 'minister', 'ministe', 'mini', 'prime minis', 'ministere', 'cafe reop', 'kyiv']) {
      const match = searchMatch(db, typed)
      expect(match, typed).not.toBe(ftsQuery(typed))
      expect(ids(match!), typed).toEqual(ids(ftsQuery(typed)!))
    }
  })

  it('still requires the common words and short starts it does not rank by', () => {
    const { db } = libraries.open()
    const headline = createStory(db, {
      headline: 'Bank of England holds rates',
      body: bodyFromParagraphs(['Rates stay in place.']),
    })
    const body = createStory(db, {
      headline: 'Markets steady',
      body: bodyFromParagraphs(['Traders in the City waited for the Bank of England.']),
    })
    createStory(db, { headline: 'Bank England merger', body: bodyFromParagraphs(['Nothing else.']) })
    createStory(db, { headline: 'Bank of England', body: bodyFromParagraphs(['No more.']) })
    // "of" and "in" (still being typed) must match; "bank" and "england" rank: the headline first.
    expect(searchStories(db, 'bank of england in', 10).map((h) => h.id)).toEqual([headline.id, body.id])
    expect(searchStories(db, 'bank of england in', 10, 'draft').map((h) => h.id)).toEqual([headline.id, body.id])
    expect(searchStories(db, 'bank of england in', 10, 'published')).toEqual([])
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
