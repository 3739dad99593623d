import { describeEmbargo, embargoHolds, timeLeft } from '../../embargo'
import type { PreflightRule } from '../rule'

export const embargoInForce: PreflightRule = {
  id: 'embargo',
  describe: 'The story is under an embargo that has not ended.',
  level: 'blocking',
  run: ({ story, now }) => {
    const embargo = story.embargo
    if (!embargo || !embargoHolds(embargo, now)) return []
    const left = timeLeft(embargo, now)
    return [{ message: `embargoed until ${describeEmbargo(embargo)}${left ? ` (${left} to go)` : ''}` }]
  },
}
