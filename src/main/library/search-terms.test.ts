import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import type { Db } from './open'
import { ftsQuery, searchMatch, searchStories } from './search'
import { fillSearchTerms, keepFillingSearchTerms, searchTermsComplete } from './search-terms'
import { createStory, saveStory } from './stories'

const vocabulary = (db: Db) => db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[]
const indexWords = (db: Db) => db.prepare('SELECT term FROM story_vocab ORDER BY term').pluck().all() as string[]

/** Put a library back as it was before migration 17 filled anything: stories, no vocabulary. */
function asBeforeTheVocabulary(db: Db): void {
  db.exec("DELETE FROM search_terms; INSERT INTO search_terms_fill (after) VALUES ('')")
}

describe('search vocabulary', () => {
  const libraries = useTempLibraries()

  it('holds exactly the words the index holds, in every script, as stories are written', () => {
    const { db } = libraries.open()
    const story = createStory(db, {
      headline: 'Ærøskøbing’s naïve “Straße” café — Ελληνικά ΣΟΦΊΑ',
      standfirst: 'Кий̆ев, Łódź, İstanbul, ǅemal, µ-metre, ſtrong, ﬁnance, Ａｒｔ, 東京都, दिल्ली',
      bylines: [{ name: 'Zoë Ångström', kind: 'person' }],
      body: bodyFromParagraphs(['Combining: a\u0301b e\u030Bf, n\u0303o; digits ٣٤ and 42nd; emoji 🙂 between.']),
    })
    expect(vocabulary(db)).toEqual(indexWords(db))
    saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      changes: { headline: 'Señora Þóra’s ﬂight' },
      reason: 'edit',
    })
    // Words edited away stay (harmless); every word the index holds is there.
    expect(vocabulary(db)).toEqual(expect.arrayContaining(indexWords(db)))
    expect(searchStories(db, 'señor', 10).map((h) => h.id)).toEqual([story.id])
    expect(searchStories(db, 'ISTAN', 10).map((h) => h.id)).toEqual([story.id])
  })

  it('is copied from the index for a library that had stories before it, a batch at a time, across a restart', () => {
    const file = join(libraries.dir(), 'library.sqlite')
    let library = libraries.open(file)
    const words = ['reporter', 'reported', 'reports', 'repository', 'reptile', 'repaint', 'repeal', 'replica']
    const ids = words.map((word, i) => createStory(library.db, { headline: `${word} story ${i}` }).id)
    asBeforeTheVocabulary(library.db)
    library.close()

    library = libraries.open(file)
    expect(searchTermsComplete(library.db)).toBe(false)
    // Until the copy is complete an unfinished word stays a prefix query, and still finds everything.
    expect(searchMatch(library.db, 'repo')).toBe(ftsQuery('repo'))
    expect(
      searchStories(library.db, 'repo', 10)
        .map((h) => h.id)
        .sort(),
    ).toEqual(ids.slice(0, 4).sort())
    expect(fillSearchTerms(library.db, 4)).toEqual({ copied: 4, done: false })
    // A story saved while the copy is under way adds its own words.
    const during = createStory(library.db, { headline: 'Reportage from the zoo' }).id
    library.close()

    library = libraries.open(file)
    expect(searchTermsComplete(library.db)).toBe(false)
    let steps = 0
    while (!fillSearchTerms(library.db, 4).done) steps++
    expect(steps).toBeGreaterThan(1)
    expect(searchTermsComplete(library.db)).toBe(true)
    expect(vocabulary(library.db)).toEqual(indexWords(library.db))
    expect(searchMatch(library.db, 'repo')).toBe(
      '("reportage" OR "reported" OR "reporter" OR "reports" OR "repository")',
    )
    const found = searchStories(library.db, 'repo', 10).map((h) => h.id)
    expect(found.sort()).toEqual([ids[0], ids[1], ids[2], ids[3], during].sort())
    expect(library.db.prepare('SELECT count(*) FROM search_terms_fill').pluck().get()).toBe(0)
  })

  it('is copied in the background with a quiet moment between batches, and stops when the library closes', async () => {
    const file = join(libraries.dir(), 'library.sqlite')
    const library = libraries.open(file)
    for (let i = 0; i < 80; i++) createStory(library.db, { headline: `Dispatch ${i} word${i}a word${i}b word${i}c` })
    asBeforeTheVocabulary(library.db)
    let pauses = 0
    await keepFillingSearchTerms(library.db, () => Promise.resolve(void pauses++))
    expect(pauses).toBeGreaterThan(0)
    expect(searchTermsComplete(library.db)).toBe(true)
    expect(vocabulary(library.db)).toEqual(indexWords(library.db))

    asBeforeTheVocabulary(library.db)
    library.close()
    const reopened = libraries.open(file)
    let open = true
    // Closed after the first batch: the loop stops and the copy resumes at the next start.
    await keepFillingSearchTerms(
      reopened.db,
      () => Promise.resolve(void (open = false)),
      () => open,
    )
    expect(searchTermsComplete(reopened.db)).toBe(false)
  })

  it('starts complete for a new library, and a word no story holds finds nothing at once', () => {
    const { db } = libraries.open()
    expect(searchTermsComplete(db)).toBe(true)
    expect(searchMatch(db, 'zzzz')).toBeNull()
    expect(searchStories(db, 'zzzz', 10)).toEqual([])
  })

  it('keeps a word that starts too many words as a prefix query', () => {
    const { db } = libraries.open()
    const words = Array.from({ length: 70 }, (_, i) => `cont${String.fromCharCode(97 + (i % 26))}${i}x`)
    createStory(db, { headline: 'Contents', body: bodyFromParagraphs([words.join(' ')]) })
    expect(searchMatch(db, 'cont')).toBe('"cont"*')
    expect(searchMatch(db, 'contents')).toBe('("contents")')
    expect(searchStories(db, 'cont', 10)).toHaveLength(1)
  })
})
