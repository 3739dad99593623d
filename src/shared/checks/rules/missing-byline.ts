import { finding, type Rule } from '../rule'

export const missingByline: Rule = {
  id: 'missing-byline',
  describe: 'The story has no byline (a writer or an agency).',
  check: ({ story }) =>
    story.bylines.some((b) => b.name.trim())
      ? []
      : [
          finding('missing-byline', 'warning', 'The story has no byline: add the writer or the agency.', '', {
            field: 'bylines',
          }),
        ],
}
