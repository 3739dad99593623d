import { MARK_END, MARK_START } from '../../shared/contract'
import { TOKEN, foldTerm } from './terms'

/**
 * Matched words marked in a headline and in a body snippet, for stories the index has already
 * ranked. This is done here rather than with FTS5's highlight() and snippet(): those are computed
 * for every match before the sort (tens of thousands of stories for a common word, to show 50),
 * and asking for them one story at a time afterwards repeats the query's prefix expansion per story
 * (seconds for a one-letter prefix on a large library). Here the cost is a scan of 50 texts.
 */

/**
 * Is this folded token one of the query's words? Search matches prefixes (a one-letter word whole,
 * as ftsQuery asks the index), suggestions whole words.
 */
export type TermMatcher = (folded: string) => boolean

export function termMatcher(words: readonly string[], prefix: boolean): TermMatcher {
  const folded = [...new Set(words.map(foldTerm))]
  const whole = new Set(prefix ? folded.filter((word) => word.length === 1) : folded)
  const prefixes = prefix ? folded.filter((word) => word.length > 1) : []
  return (token) => whole.has(token) || prefixes.some((word) => token.startsWith(word))
}

const mark = (word: string) => `${MARK_START}${word}${MARK_END}`

/** The whole text with every matching word between the marker characters. */
export function markText(text: string, matches: TermMatcher): string {
  let out = ''
  let at = 0
  for (const token of text.matchAll(TOKEN)) {
    if (!matches(foldTerm(token[0]))) continue
    out += text.slice(at, token.index) + mark(token[0])
    at = token.index + token[0].length
  }
  return out + text.slice(at)
}

const SNIPPET_WORDS = 20
/** Words of context shown before the first match. */
const LEAD_WORDS = 4

interface Token {
  index: number
  start: number
  end: number
  hit: boolean
}

function fragmentText(text: string, tokens: readonly Token[], more: boolean): string {
  if (!tokens.length) return ''
  const opens = tokens[0]!.index === 0
  let out = opens ? '' : '…'
  let at = opens ? 0 : tokens[0]!.start
  for (const token of tokens) {
    if (!token.hit) continue
    out += text.slice(at, token.start) + mark(text.slice(token.start, token.end))
    at = token.end
  }
  // Keep the punctuation that closes the last word ("held." "said,"), or the rest of the text.
  const last = tokens.at(-1)!.end
  const close = more ? (/^[^\s\p{L}\p{N}]*/u.exec(text.slice(last, last + 8))?.[0] ?? '') : text.slice(last).trimEnd()
  out += text.slice(at, last) + close
  return more ? `${out}…` : out
}

/**
 * About twenty words of the text from just before its first matching word, matches marked, with an
 * ellipsis where text was cut (the shape of FTS5's snippet()); without a match, the opening words.
 * The scan stops as soon as the fragment is complete, so a long body costs no more than a short one
 * when the match is near the top, as it is for most ranked stories.
 */
export function snippetOf(text: string, matches: TermMatcher): string {
  const pattern = new RegExp(TOKEN.source, 'gu')
  const opening: Token[] = []
  const recent: Token[] = []
  let fragment: Token[] | null = null
  let index = 0
  for (let found = pattern.exec(text); found; found = pattern.exec(text), index++) {
    const token = { index, start: found.index, end: found.index + found[0].length, hit: false }
    if (fragment) {
      if (fragment.length === SNIPPET_WORDS) return fragmentText(text, fragment, true)
      token.hit = matches(foldTerm(found[0]))
      fragment.push(token)
      continue
    }
    token.hit = matches(foldTerm(found[0]))
    if (token.hit) {
      fragment = [...recent, token]
      continue
    }
    if (opening.length < SNIPPET_WORDS) opening.push(token)
    recent.push(token)
    if (recent.length > LEAD_WORDS) recent.shift()
  }
  if (fragment) return fragmentText(text, fragment, false)
  return fragmentText(text, opening, index > opening.length)
}
