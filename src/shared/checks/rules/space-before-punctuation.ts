import { around, textRule } from '../rule'

const ID = 'space-before-punctuation'
/** Spaces before , ; : ! ? ) or a full stop that is not an ellipsis or a decimal (".5"). */
const SPACE_BEFORE = /[ \u00A0]+(?=[,;:!?)]|\.(?![.\d]))/g
const NOT_AFTER = /[\s(]/

export const spaceBeforePunctuation = textRule(
  ID,
  'A space before a comma, full stop, colon, semicolon, question or exclamation mark.',
  'warning',
  function* ({ text }) {
    for (const match of text.matchAll(SPACE_BEFORE)) {
      if (match.index === 0 || NOT_AFTER.test(text[match.index - 1]!)) continue
      const end = match.index + match[0].length
      yield {
        start: match.index,
        length: match[0].length,
        message: `A space before "${text[end]}".`,
        excerpt: around(text, match.index, end),
      }
    }
  },
)
