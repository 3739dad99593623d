import { finding, type Rule } from '../rule'

export const missingHeadline: Rule = {
  id: 'missing-headline',
  describe: 'The story has no headline.',
  check: ({ story }) =>
    story.headline.trim()
      ? []
      : [finding('missing-headline', 'error', 'The story has no headline.', '', { field: 'headline' })],
}
