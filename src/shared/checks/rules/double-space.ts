import type { Finding } from '../finding'
import { around, finding, whereIn, type Rule } from '../rule'

const ID = 'double-space'
const SPACES = /[ \u00A0]{2,}/g
const BLANK = /\s/

/** Two or more spaces between words, which the web collapses and print keeps. */
export const doubleSpace: Rule = {
  id: ID,
  describe: 'Two or more spaces between words.',
  check({ runs }) {
    const findings: Finding[] = []
    for (const run of runs) {
      const { text } = run
      for (const match of text.matchAll(SPACES)) {
        const end = match.index + match[0].length
        // Spaces at either end of a paragraph or line are the editor's to tidy, not between words.
        if (match.index === 0 || end === text.length || BLANK.test(text[match.index - 1]!) || BLANK.test(text[end]!))
          continue
        findings.push(
          finding(
            ID,
            'warning',
            `${match[0].length} spaces where one belongs.`,
            around(text, match.index, end),
            whereIn(run, match.index, match[0].length),
          ),
        )
      }
    }
    return findings
  },
}
