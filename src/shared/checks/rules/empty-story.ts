import { countWords } from '../../body'
import { bodyToText } from '../../body-text'
import { finding, type Rule } from '../rule'

/** A story of no words has something to fix: it is not "No findings". */
export const emptyStory: Rule = {
  id: 'empty-story',
  describe: 'The story has no words in its body.',
  check: ({ story }) =>
    countWords(bodyToText(story.body)) > 0
      ? []
      : [finding('empty-story', 'error', 'The story has no words in its body yet.', '', { field: 'body' })],
}
