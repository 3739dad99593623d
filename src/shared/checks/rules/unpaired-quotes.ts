import type { TextRun } from '../../body-text'
import type { Finding } from '../finding'
import { clip, finding, whereIn, type Rule } from '../rule'

const ID = 'unpaired-quote'
const OPEN = '“'
const CLOSE = '”'
const MARKS = /[“”"]/g
/** What may sit before an opening mark, and after a closing one, without making the mark ambiguous. */
const BEFORE_OPENING = /[\s([{—–-]/u
const AFTER_CLOSING = /[\s)\]}.,;:!?…—–-]/u

type Role = 'open' | 'close'

interface Open {
  run: TextRun
  at: number
}

/** Which way a mark faces by where it stands: after a space and before a word it opens, and vice versa. */
function positionOf(text: string, at: number): Role | null {
  const before = at === 0 || BEFORE_OPENING.test(text[at - 1]!)
  const after = at === text.length - 1 || AFTER_CLOSING.test(text[at + 1]!)
  if (before && !after) return 'open'
  if (after && !before) return 'close'
  return null
}

/**
 * Double quotation marks that do not pair up: a closing mark typed as an opening one (“…“), a
 * quote never closed, a closing mark with nothing to close. A quote running over several
 * paragraphs is house style, not a slip: its paragraphs end with no closing mark and the next one
 * opens again, so an unclosed paragraph is only flagged when the next does not begin with a mark.
 */
export const unpairedQuotes: Rule = {
  id: ID,
  describe: 'Quotation marks that do not pair up, such as a closing mark written as an opening one (“…“).',
  check({ runs }) {
    const findings: Finding[] = []
    const unclosed = (open: Open) =>
      findings.push(
        finding(
          ID,
          'warning',
          'This quotation is never closed.',
          clip(open.run.text.slice(open.at, open.at + 50), 50),
          whereIn(open.run, open.at, 1),
        ),
      )
    let open: Open | null = null
    runs.forEach((run, index) => {
      const { text } = run
      for (const match of text.matchAll(MARKS)) {
        const at = match.index
        const mark = match[0]
        const glyph: Role | null = mark === OPEN ? 'open' : mark === CLOSE ? 'close' : null
        const position = positionOf(text, at)
        if (glyph && position && glyph !== position) {
          const quoted =
            open && open.run === run ? text.slice(open.at, at + 1) : text.slice(Math.max(0, at - 40), at + 1)
          findings.push(
            finding(
              ID,
              'warning',
              glyph === 'open'
                ? `A closing quotation mark is written as an opening one (${OPEN}…${OPEN}); it should be ${CLOSE}.`
                : `An opening quotation mark is written as a closing one (${CLOSE}…); it should be ${OPEN}.`,
              clip(quoted),
              whereIn(run, at, 1),
            ),
          )
        }
        const role: Role = position ?? glyph ?? (open ? 'close' : 'open')
        if (role === 'open') {
          if (open) unclosed(open)
          open = { run, at }
        } else if (open) {
          open = null
        } else {
          findings.push(
            finding(
              ID,
              'warning',
              'This closing quotation mark closes nothing: the opening mark is missing.',
              clip(text.slice(Math.max(0, at - 40), at + 1)),
              whereIn(run, at, 1),
            ),
          )
        }
      }
      if (!open) return
      const next = runs.slice(index + 1).find((r) => r.text.trim())
      const continues = run.field === 'body' && next?.field === 'body' && /^\s*[“"]/u.test(next.text)
      if (!continues) unclosed(open)
      open = null
    })
    return findings
  },
}
