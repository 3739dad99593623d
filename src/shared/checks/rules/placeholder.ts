import { findPlaceholders } from '../../placeholders'
import { finding, whereIn, type Rule } from '../rule'

const ID = 'placeholder'

/** "TK" and the house's placeholder words: each one left in the copy is a finding (and holds the preflight). */
export const placeholder: Rule = {
  id: ID,
  describe: 'A placeholder ("TK" or one of the house’s words for it) still in the copy.',
  check: ({ runs, options }) =>
    runs.flatMap((run) =>
      findPlaceholders(run.text, options.placeholderWords).map((hit) =>
        finding(
          ID,
          'error',
          `“${hit.word}” is a placeholder: fill it in before the story runs.`,
          hit.word,
          whereIn(run, hit.start, hit.length),
        ),
      ),
    ),
}
