import { bodyWords, type PreflightRule } from '../rule'

export const emptyBody: PreflightRule = {
  id: 'empty-body',
  describe: 'The story has no words in its body.',
  level: 'blocking',
  run: (context) => (bodyWords(context) === 0 ? [{ message: 'the body has no words', where: { field: 'body' } }] : []),
}
