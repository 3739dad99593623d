import { around, textRule } from '../rule'

const ID = 'double-space'
const SPACES = /[ \u00A0]{2,}/g
const BLANK = /\s/

/** Two or more spaces between words, which the web collapses and print keeps. */
export const doubleSpace = textRule(ID, 'Two or more spaces between words.', 'warning', function* ({ text }) {
  for (const match of text.matchAll(SPACES)) {
    const end = match.index + match[0].length
    // Spaces at either end of a paragraph or line are the editor's to tidy, not between words.
    if (match.index === 0 || end === text.length || BLANK.test(text[match.index - 1]!) || BLANK.test(text[end]!))
      continue
    yield {
      start: match.index,
      length: match[0].length,
      message: `${match[0].length} spaces where one belongs.`,
      excerpt: around(text, match.index, end),
    }
  }
})
