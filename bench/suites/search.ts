import { call } from '../../src/main/api'
import { prepared } from '../../src/main/library/open'
import { ftsQuery, searchMatch } from '../../src/main/library/search'
import { fillAllSearchTerms } from '../../src/main/library/search-terms'
import { getStory } from '../../src/main/library/stories'
import { sampleIds, timed, type BenchContext, type Suite } from '../context'
import { metric, percentile } from '../report'

/** What editors type into the search box: common words, names, places, a remembered headline. */
const PHRASES = [
  'flooding environment agency',
  'prime minister',
  'kyiv ceasefire',
  'nurses strike pay',
  'bank of england inflation',
  'sandbags',
  'supreme court appeal',
  'wildfire evacuation',
]

/** The library's own words: a byline's surname and a few words of a headline. */
export function libraryPhrases(ctx: BenchContext, count: number): string[] {
  const out: string[] = []
  for (const id of sampleIds(count, ctx.storyCount, 7)) {
    const story = getStory(ctx.library.db, id)
    const person = story.bylines.find((b) => b.kind === 'person')
    out.push(person ? person.name.split(' ').at(-1)! : story.headline.split(' ').slice(0, 3).join(' '))
    out.push(story.headline.split(' ').slice(1, 4).join(' '))
  }
  return out
}

/** Every state of the box while a phrase is typed, one letter at a time ("p", "pr", ... "prime m"). */
export function asTyped(phrase: string): string[] {
  const states: string[] = []
  for (let i = 1; i <= phrase.length; i++) {
    const typed = phrase.slice(0, i)
    if (!typed.endsWith(' ')) states.push(typed)
  }
  return states
}

export const searchSuite: Suite = {
  name: 'search',
  run(ctx) {
    const { library } = ctx
    // A library generated before the vocabulary existed (migration 17) is copied into it once; the
    // app does this in the background, and searches as before until it is done.
    let copied = 0
    const filling = timed(() => (copied = fillAllSearchTerms(library.db)))
    if (copied) ctx.log(`search: vocabulary copied from the index, ${copied} words in ${(filling / 1000).toFixed(1)} s`)
    const phrases = [...PHRASES, ...libraryPhrases(ctx, ctx.quick ? 3 : 8)]
    const queries = phrases.flatMap(asTyped)
    // The floor: the bare FTS5 MATCH of the query search runs (searchMatch: unfinished words written
    // as their whole words), the first 50 rows it yields: no ranking, no join, nothing marked. What
    // is left between the two is what search adds to the index. The plain prefix form's bare MATCH
    // (ftsQuery, the floor before issue 22's vocabulary) is logged beside it.
    const raw = prepared(library.db, 'SELECT rowid FROM story_search WHERE story_search MATCH ? LIMIT 50')
    const app: number[] = []
    const floor: number[] = []
    const prefixFloor: number[] = []
    const slowest = new Map<string, number>()
    const rounds = ctx.quick ? 1 : 3
    for (let round = -1; round < rounds; round++) {
      for (const query of queries) {
        const prefixMatch = ftsQuery(query)
        if (!prefixMatch) continue
        const match = searchMatch(library.db, query)
        // Alternate which goes first, so neither always finds the pages the other just read.
        const first = round % 2 === 0
        const bare = () => (match ? raw.all(match) : [])
        const f0 = first ? timed(bare) : 0
        const a = timed(() => call(library, 'story:search', { query, limit: 50 }))
        const f = first ? f0 : timed(bare)
        const p = timed(() => raw.all(prefixMatch))
        if (round < 0) continue // the first pass warms the page cache and the statement cache
        app.push(a)
        floor.push(f)
        prefixFloor.push(p)
        slowest.set(query, Math.max(a, slowest.get(query) ?? 0))
      }
    }
    ctx.log(`search: ${app.length} queries (${phrases.length} phrases typed letter by letter)`)
    ctx.log(
      `search: bare MATCH of the plain prefix form p50 ${percentile(prefixFloor, 50).toFixed(1)} ms, p95 ${percentile(prefixFloor, 95).toFixed(1)} ms`,
    )
    const worst = [...slowest].sort((x, y) => y[1] - x[1]).slice(0, 5)
    ctx.log(`search: slowest ${worst.map(([q, ms]) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`)
    return {
      metrics: [
        metric('search.p50', percentile(app, 50), 'ms', percentile(floor, 50), 'lower'),
        metric(
          'search.p95',
          percentile(app, 95),
          'ms',
          percentile(floor, 95),
          'lower',
          ctx.storyCount >= 1_000_000 ? 100 : 20,
        ),
      ],
    }
  },
}
