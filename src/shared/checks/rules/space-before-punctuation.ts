import type { Finding } from '../finding'
import { around, finding, whereIn, type Rule } from '../rule'

const ID = 'space-before-punctuation'
/** Spaces before , ; : ! ? ) or a full stop that is not an ellipsis or a decimal (".5"). */
const SPACE_BEFORE = /[ \u00A0]+(?=[,;:!?)]|\.(?![.\d]))/g
const NOT_AFTER = /[\s(]/

export const spaceBeforePunctuation: Rule = {
  id: ID,
  describe: 'A space before a comma, full stop, colon, semicolon, question or exclamation mark.',
  check({ runs }) {
    const findings: Finding[] = []
    for (const run of runs) {
      const { text } = run
      for (const match of text.matchAll(SPACE_BEFORE)) {
        if (match.index === 0 || NOT_AFTER.test(text[match.index - 1]!)) continue
        const end = match.index + match[0].length
        findings.push(
          finding(
            ID,
            'warning',
            `A space before "${text[end]}".`,
            around(text, match.index, end),
            whereIn(run, match.index, match[0].length),
          ),
        )
      }
    }
    return findings
  },
}
