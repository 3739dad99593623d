import { openComments } from '../../comments'
import type { StoryFields } from '../../story'
import type { PreflightRule } from '../rule'

/** Inline comment threads (docs/comments.md) still open in the story's body. */
export function unresolvedCommentsIn(story: StoryFields): number {
  return openComments(story.body)
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
