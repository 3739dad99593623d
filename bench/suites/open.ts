import { call } from '../../src/main/api'
import { prepared } from '../../src/main/library/open'
import { sampleIds, timed, type Suite } from '../context'
import { metric, percentile } from '../report'

/** Opening a story: the api read with every JSON column parsed, beside reading the bare row. */
export const openSuite: Suite = {
  name: 'open',
  run(ctx) {
    const { library } = ctx
    const raw = prepared(library.db, 'SELECT * FROM stories WHERE id = ?')
    const ids = sampleIds(ctx.quick ? 500 : 3000, ctx.storyCount, 3)
    const app: number[] = []
    const floor: number[] = []
    for (const [i, id] of ids.entries()) {
      // Alternate which goes first, so neither always finds the pages the other just read.
      const f0 = i % 2 ? timed(() => raw.get(id)) : 0
      const a = timed(() => call(library, 'story:get', { id }))
      const f = i % 2 ? f0 : timed(() => raw.get(id))
      if (i < 50) continue // warm-up
      app.push(a)
      floor.push(f)
    }
    // No aim in issue 9; 1 ms p95 is the point-read figure from notes/performance.md.
    return {
      metrics: [
        metric('open.p50', percentile(app, 50), 'ms', percentile(floor, 50), 'lower'),
        metric('open.p95', percentile(app, 95), 'ms', percentile(floor, 95), 'lower', 1),
      ],
    }
  },
}
