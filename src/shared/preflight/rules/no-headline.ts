import type { PreflightRule } from '../rule'

export const noHeadline: PreflightRule = {
  id: 'no-headline',
  describe: 'The story has no headline.',
  level: 'blocking',
  run: ({ story }) => (story.headline.trim() ? [] : [{ message: 'no headline', where: { field: 'headline' } }]),
}
