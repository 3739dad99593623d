import { bodyRuns, type TextRun } from '../../body-text'
import { whereIn } from '../../checks/rule'
import { findPlaceholders } from '../../placeholders'
import type { PreflightRule } from '../rule'

export const placeholders: PreflightRule = {
  id: 'placeholder',
  describe: 'A placeholder ("TK" or one of the house’s words for it) is still in the copy.',
  level: 'blocking',
  run: ({ story, options, bodyText }) => {
    // Given the saved body text, a story with no placeholder anywhere (nearly every one) is passed
    // without walking its blocks: a word found in the runs is found in the plain text too (they
    // differ only in whitespace around blocks and list items).
    if (
      bodyText !== undefined &&
      ![story.headline, story.standfirst, bodyText].some(
        (text) => findPlaceholders(text, options.placeholderWords).length,
      )
    )
      return []
    const runs: TextRun[] = [
      { field: 'headline', text: story.headline },
      { field: 'standfirst', text: story.standfirst },
      ...bodyRuns(story.body),
    ]
    return runs.flatMap((run) =>
      findPlaceholders(run.text, options.placeholderWords).map((hit) => ({
        message: `“${hit.word}” left in the ${run.field}`,
        where: whereIn(run, hit.start, hit.length),
      })),
    )
  },
}
