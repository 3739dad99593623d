import type { TextRun } from '../../body-text'
import type { Finding } from '../finding'
import { finding, whereIn, wordsOf, type Rule } from '../rule'
import { MAX_NAME_LENGTH } from '../../limits'

const ID = 'name-variants'
const MIN_LENGTH = 5
/**
 * Spellings kept per deletion key. Real copy has one or two (Zelensky, Zelenskyy); a story made of
 * thousands of names one letter apart would otherwise compare each with all the others (quadratic
 * time, and as many findings as pairs). Past this many, a further spelling is still counted but only
 * compared with the first few: linear work, and the findings that matter are all still found.
 */
const MAX_SPELLINGS_PER_KEY = 4
const JOINER = /['’-]/
/** What, just before a word, makes its capital a sentence's rather than a name's. */
const SENTENCE_MARKS = new Set([...'.!?:;“”"‘\'([{—–-\n'])

/** Capitalised where a sentence does not begin, so a name rather than a first word. */
function isNamed(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00A0')) i--
  return i >= 0 && !SENTENCE_MARKS.has(text[i]!)
}

const isUpper = (c: string) => c !== c.toLowerCase()
const isLower = (c: string) => c !== c.toUpperCase()

/** The name in a word: up to an apostrophe or hyphen (Austin’s is Austin), if it is capitalised and not all capitals. */
function nameIn(word: string): string | null {
  if (!isUpper(word[0]!)) return null
  const cut = word.search(JOINER)
  const name = cut < 0 ? word : word.slice(0, cut)
  if (name.length < MIN_LENGTH || name.length > MAX_NAME_LENGTH) return null
  for (let i = 1; i < name.length; i++) if (isLower(name[i]!)) return name
  return null
}

interface Spelling {
  word: string
  count: number
  /** Capitalised where a sentence does not begin: a name, not just a first word. */
  named: boolean
  first: { run: TextRun; at: number }
  /** Which spelling appeared first in the story. */
  order: number
}

/**
 * Two spellings one edit apart that look like one name (Zelensky / Zelenskyy, Phillips / Philips,
 * Centre / Center), not a word and its derivative: an added last letter counts only when it doubles
 * the one before (Zelenskyy), so Russia / Russian, Israel / Israeli and Germany / German pass, and
 * a different first letter (Bush / Rush) means a different name.
 */
export function looksLikeOneName(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x === y) return a !== b
  if (x[0] !== y[0]) return false
  if (x.length === y.length) {
    const diff: number[] = []
    for (let i = 0; i < x.length && diff.length <= 2; i++) if (x[i] !== y[i]) diff.push(i)
    if (diff.length === 1) return true
    const [i, j] = diff as [number, number]
    return diff.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i]
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x]
  if (long.length !== short.length + 1) return false
  let k = 0
  while (k < short.length && long[k] === short[k]) k++
  if (long.slice(k + 1) !== short.slice(k)) return false
  if (k === long.length - 1) return long[k] === long[k - 1]
  return true
}

/** Keys shared by any two words one edit apart: the word with each letter left out in turn. */
function deletionKeys(word: string): string[] {
  const keys = [word]
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1))
  return keys
}

export const nameVariants: Rule = {
  id: ID,
  describe: 'One name spelled two ways in the same story (Zelensky / Zelenskyy).',
  check({ runs }) {
    const spellings = new Map<string, Spelling>()
    for (const run of runs) {
      const { text } = run
      const { starts, ends } = wordsOf(run)
      for (let w = 0; w < starts.length; w++) {
        const at = starts[w]!
        const c = text.charCodeAt(at)
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue // lower case or a number: no name
        const word = nameIn(text.slice(at, ends[w]))
        if (!word) continue
        const named = isNamed(text, at)
        const known = spellings.get(word)
        if (known) {
          known.count++
          known.named ||= named
        } else spellings.set(word, { word, count: 1, named, first: { run, at }, order: spellings.size })
      }
    }
    const byKey = new Map<string, Spelling[]>()
    const pairs = new Set<string>()
    const findings: Finding[] = []
    for (const spelling of spellings.values()) {
      if (!spelling.named) continue
      // One finding per spelling at most (its first look-alike): a story of thousands of names one
      // letter apart gives one line per name, not one per pair.
      let reported = false
      for (const key of deletionKeys(spelling.word.toLowerCase())) {
        const group = byKey.get(key)
        if (!group) {
          byKey.set(key, [spelling])
          continue
        }
        for (const other of group) {
          if (reported || other === spelling || !looksLikeOneName(other.word, spelling.word)) continue
          const pair = [other.word, spelling.word].sort().join('\u0000')
          if (pairs.has(pair)) continue
          pairs.add(pair)
          findings.push(report(other, spelling))
          reported = true
        }
        if (group.length < MAX_SPELLINGS_PER_KEY && !group.includes(spelling)) group.push(spelling)
      }
    }
    return findings
  },
}

function report(a: Spelling, b: Spelling): Finding {
  // Point at the rarer spelling: that is usually the one to change.
  const [common, rare] = a.count > b.count || (a.count === b.count && a.order < b.order) ? [a, b] : [b, a]
  const times = (s: Spelling) => `${s.count} ${s.count === 1 ? 'time' : 'times'}`
  return finding(
    ID,
    'warning',
    `One name spelled two ways? "${common.word}" (${times(common)}) and "${rare.word}" (${times(rare)}).`,
    rare.word,
    whereIn(rare.first.run, rare.first.at, rare.word.length),
  )
}
