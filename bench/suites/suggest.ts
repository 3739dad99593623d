import { prepared } from '../../src/main/library/open'
import { getStory } from '../../src/main/library/stories'
import { callChannel, hasChannel, sampleIds, timed, unavailable, type Suite } from '../context'
import { metric, percentile } from '../report'

const LIMIT = 10

/** A story's headline as an OR query of its words: the plainest "more like this" FTS5 can run. */
function headlineQuery(headline: string): string {
  const words = headline.match(/[\p{L}\p{N}]+/gu) ?? []
  return words.map((w) => `"${w}"`).join(' OR ')
}

export const suggestSuite: Suite = {
  name: 'suggest',
  run(ctx) {
    if (!hasChannel('related:suggest')) return unavailable('suggest', "no 'related:suggest' channel in the api yet")
    const { library } = ctx
    // The floor: the bare FTS5 MATCH of the story's headline words, unranked, as many rows as asked.
    const raw = prepared(library.db, 'SELECT rowid FROM story_search WHERE story_search MATCH ? LIMIT ?')
    const ids = sampleIds(ctx.quick ? 60 : 300, ctx.storyCount, 11)
    const queries = new Map(ids.map((id) => [id, headlineQuery(getStory(library.db, id).headline)]))
    const app: number[] = []
    const floor: number[] = []
    for (const [i, id] of ids.entries()) {
      const a = timed(() => callChannel(library, 'related:suggest', { id, limit: LIMIT }))
      const f = timed(() => raw.all(queries.get(id), LIMIT))
      if (i < 10) continue // warm-up
      app.push(a)
      floor.push(f)
    }
    return {
      metrics: [
        metric('suggest.p50', percentile(app, 50), 'ms', percentile(floor, 50), 'lower'),
        metric(
          'suggest.p95',
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
