import { bodyWords, type PreflightRule } from '../rule'

/** Fewer words than this is a brief at most: worth a look, not a hold (a news alert is short on purpose). */
export const SHORT_BODY_WORDS = 40

export const shortBody: PreflightRule = {
  id: 'short-body',
  describe: `The body has fewer than ${SHORT_BODY_WORDS} words.`,
  level: 'warning',
  run: (context) => {
    const words = bodyWords(context)
    return words > 0 && words < SHORT_BODY_WORDS
      ? [{ message: `the body is very short (${words} ${words === 1 ? 'word' : 'words'})`, where: { field: 'body' } }]
      : []
  },
}
