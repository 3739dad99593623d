import type { StoryFields } from '../../story'
import type { PreflightRule } from '../rule'

/**
 * THE HOOK FOR INLINE COMMENTS (issue 20, built in another branch). Until comments land this counts
 * none. To wire them in, replace the body of `unresolvedCommentsIn` with the comments module's
 * count, e.g. `return countUnresolvedComments(story.body)` from src/shared/comments.ts; the rule,
 * its place in the list, the dialog, the CLI and the tests of the preflight need nothing else.
 */
export function unresolvedCommentsIn(_story: StoryFields): number {
  return 0
}

export const unresolvedComments: PreflightRule = {
  id: 'unresolved-comments',
  describe: 'Inline comments nobody has resolved.',
  level: 'blocking',
  run: ({ story, countComments = unresolvedCommentsIn }) => {
    const count = countComments(story)
    return count > 0 ? [{ message: `${count} unresolved ${count === 1 ? 'comment' : 'comments'}` }] : []
  },
}
