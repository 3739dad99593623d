import { countWords } from '../../body'
import { bodyToText } from '../../body-text'
import type { PreflightRule } from '../rule'

export const emptyBody: PreflightRule = {
  id: 'empty-body',
  describe: 'The story has no words in its body.',
  level: 'blocking',
  run: ({ story }) =>
    countWords(bodyToText(story.body)) === 0 ? [{ message: 'the body has no words', where: { field: 'body' } }] : [],
}
