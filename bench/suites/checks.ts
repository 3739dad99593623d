import { countWords } from '../../src/shared/body'
import { bodyToText } from '../../src/shared/body-text'
import type { StoryFields } from '../../src/shared/story'
import { timed, unavailable, type Suite } from '../context'
import { typingStory } from '../generate'
import { optionalModule } from '../modules'
import { metric, percentile } from '../report'

type ChecksModule = { runChecks(story: StoryFields): unknown[] }

/**
 * The copy-desk checks the side panel runs as an editor types, on a long story. The floor is one
 * pass of the word regex over the same text: the least any check of every word must do.
 */
export const checksSuite: Suite = {
  name: 'checks',
  async run(ctx) {
    const found = await optionalModule<ChecksModule>('src/shared/checks', ctx.root)
    if ('missing' in found) return unavailable('checks', found.missing)
    const story = typingStory(10_000)
    const text = bodyToText(story.body)
    const app: number[] = []
    const floor: number[] = []
    const runs = ctx.quick ? 30 : 200
    for (let i = -5; i < runs; i++) {
      const a = timed(() => found.module.runChecks(story))
      const f = timed(() => countWords(text))
      if (i < 0) continue
      app.push(a)
      floor.push(f)
    }
    return { metrics: [metric('checks.10k.p95', percentile(app, 95), 'ms', percentile(floor, 95), 'lower')] }
  },
}
