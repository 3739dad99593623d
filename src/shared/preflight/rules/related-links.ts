import type { PreflightRule } from '../rule'

export const relatedLinks: PreflightRule = {
  id: 'related-links',
  describe: 'A related story that is no longer in the library (its link would be broken), or not yet published.',
  level: 'warning',
  run: ({ story, lookups }) =>
    story.related.flatMap((entry) => {
      if (entry.storyId === undefined) return []
      const other = lookups.linkedStory(entry.storyId)
      if (!other && !entry.url) return [{ message: `related story “${entry.headline}” is no longer in the library` }]
      if (other && other.status !== 'published')
        return [{ message: `related story “${other.headline || entry.headline}” is not published yet` }]
      return []
    }),
}
