import { finding, type Rule } from '../rule'

/** PA domestic copy often runs without a dateline, so this is a warning and the desk decides. */
export const missingDateline: Rule = {
  id: 'missing-dateline',
  describe: 'The story has no dateline (neither place nor date).',
  check({ story }) {
    const { place, date } = story.dateline
    if (place?.trim() || date?.trim()) return []
    return [
      finding('missing-dateline', 'warning', 'The story has no dateline: no place and no date.', '', {
        field: 'dateline',
      }),
    ]
  },
}
