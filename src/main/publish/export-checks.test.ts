import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { namesBody } from '@test/names-story'
import { bodyFromParagraphs } from '../../shared/body'
import type { ExportResult } from '../../shared/export'
import { call } from '../api'
import type { Library } from '../library'
import { addHouseWords, putStyleEntries, saveStorySpelling } from '../library/dictionary'
import { CHECK_TIME_LIMIT_MS, checkThread } from '../checks/check-thread'

/**
 * An export checks its stories' spelling and style book in one check session on the check thread
 * (src/main/checks/check-session.ts): the dictionary read once, one checker per language, stories
 * in batches. The report must still name each story's own warnings, and a story whose checks
 * overrun the time limit must fail alone, in words.
 */

const libraries = useTempLibraries()

function create(library: Library, headline: string, paragraphs: string[]) {
  return call(library, 'story:create', { headline, body: bodyFromParagraphs(paragraphs) })
}

/** The spelling and style-book lines of a story's export report. */
function spellingLines(results: ExportResult[], id: number): string[] {
  const result = results.find((r) => r.id === id)
  expect(result?.ok).toBe(true)
  return (result?.preflight ?? []).filter((item) => item.rule === 'spelling-style').map((item) => item.message)
}

describe('the export’s spelling and style-book warnings', () => {
  it('names each story’s own, in its own language, leaving out the words let stand, across batches', async () => {
    const library = libraries.open()
    putStyleEntries(library.db, [{ form: 'percent', preferred: 'per cent', note: '' }])
    addHouseWords(library.db, [{ word: 'Seacombe', note: '' }])
    const misspelt = create(library, 'Harbour report due', [
      'The harbour wall at Seacombe gave way. Engineers will recieve the report on Friday, officials said.',
    ])
    const styled = create(library, 'Prices rise in Seacombe', [
      'Prices rose by five percent in Seacombe last month, traders said on Friday.',
    ])
    // More stories than one batch, so the last ones are checked in the session's second batch.
    const others = Array.from({ length: 55 }, (_, i) =>
      create(library, `Council meeting ${i + 1}`, ['The council met on Friday and agreed the budget for next year.']),
    )
    const letStand = create(library, 'Report arrives', [
      'Engineers will recieve the report on Friday, officials in Seacombe said.',
    ])
    saveStorySpelling(library.db, { id: letStand.id, ignore: ['recieve'] })
    const german = create(library, 'Straße gesperrt', [
      'Die Polizei sagte am Frietag, dass die Straße gesperrt bleibt.',
    ])
    saveStorySpelling(library.db, { id: german.id, language: 'de' })

    const ids = [misspelt.id, styled.id, ...others.map((s) => s.id), letStand.id, german.id]
    const { results } = await call(library, 'story:export', { ids, outDir: join(libraries.dir(), 'out') })

    expect(results.map((r) => r.ok)).toEqual(ids.map(() => true))
    // Named without suggestions: a suggestion is a walk of the dictionary, too dear for thousands of stories.
    expect(spellingLines(results, misspelt.id)).toEqual(['spelling: Not in the dictionary: “recieve”.'])
    expect(spellingLines(results, styled.id)).toEqual(['style book: House style is “per cent”, not “percent”.'])
    expect(spellingLines(results, others[0]!.id)).toEqual([])
    expect(spellingLines(results, letStand.id)).toEqual([])
    // Checked in German: "Polizei", "sagte" and "Straße" pass; the slip does not.
    expect(spellingLines(results, german.id)).toEqual(['spelling: Not in the dictionary: “Frietag”.'])
  }, 300_000)

  it('a story whose checks overrun the time limit fails alone, named, and the next export works', async () => {
    const library = libraries.open()
    const small = create(library, 'Council meeting', ['The council met on Friday and agreed the budget for next year.'])
    const big = call(library, 'story:create', { headline: 'Names', body: namesBody(1024 * 1024) })
    const override = { reason: 'the test exports a story of made-up names on purpose' }
    // Warm: the thread started and Hunspell loaded, so the small story's checks take milliseconds.
    await call(library, 'story:export', { ids: [small.id], outDir: join(libraries.dir(), 'warm') })
    checkThread.timeLimitMs = 300
    let results: ExportResult[]
    try {
      ;({ results } = await call(library, 'story:export', {
        ids: [small.id, big.id],
        outDir: join(libraries.dir(), 'out'),
        override,
      }))
    } finally {
      checkThread.timeLimitMs = CHECK_TIME_LIMIT_MS
    }
    expect(results[0]).toMatchObject({ id: small.id, ok: true })
    expect(results[1]).toMatchObject({ id: big.id, ok: false })
    expect(results[1]!.error).toContain(`the checks on story ${big.id} took longer than 0.3 seconds and were stopped`)
    const again = await call(library, 'story:export', { ids: [small.id], outDir: join(libraries.dir(), 'again') })
    expect(again.results).toMatchObject([{ id: small.id, ok: true }])
  }, 300_000)
})
