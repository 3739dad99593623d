import type { TextRun } from '../body-text'
import type { StoryFields } from '../story'
import type { Finding, FindingWhere, Severity } from './finding'
import type { CheckOptions } from './options'

/** What the checks read: every field an editor writes, as it is now, saved or not. */
export type CheckableStory = StoryFields

export function whereIn(run: TextRun, offset: number, length: number): FindingWhere {
  return run.block === undefined
    ? { field: run.field, offset, length }
    : { field: run.field, block: run.block, offset, length }
}

/** Cut a long excerpt in the middle, keeping both ends (where the slip usually is). */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ')
  if (flat.length <= max) return flat
  const half = Math.floor((max - 1) / 2)
  return flat.slice(0, half) + '…' + flat.slice(flat.length - half)
}

/** The words either side of a stretch, so an excerpt of a space or a mark says where it is. */
export function around(text: string, start: number, end: number): string {
  const before = /\S*\s*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[0] ?? ''
  const after = /^\s*\S*/u.exec(text.slice(end, end + 30))?.[0] ?? ''
  return before + text.slice(start, end) + after
}

export interface CheckContext {
  story: CheckableStory
  /** The headline, the standfirst, then each body block, in reading order. */
  runs: TextRun[]
  options: CheckOptions
}

export interface Rule {
  id: string
  /** One line for the docs and the panel's tooltip. */
  describe: string
  check(context: CheckContext): Finding[]
}

export function finding(
  rule: string,
  severity: Severity,
  message: string,
  excerpt: string,
  where: FindingWhere,
): Finding {
  return { rule, severity, message, excerpt, where }
}

/** What a text rule saw in one run: where it is, what to say, and the words to show. */
export interface Slip {
  start: number
  length: number
  message: string
  excerpt: string
}

/**
 * Most rules read each run of text on its own: such a rule only says where its slips are in a run,
 * and textRule makes them findings of the rule's id and severity, placed in that run.
 */
export function textRule(
  id: string,
  describe: string,
  severity: Severity,
  slips: (run: TextRun) => Iterable<Slip>,
): Rule {
  return {
    id,
    describe,
    check: ({ runs }) =>
      runs.flatMap((run) =>
        Array.from(slips(run), (slip) =>
          finding(id, severity, slip.message, slip.excerpt, whereIn(run, slip.start, slip.length)),
        ),
      ),
  }
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u

/** A letter or digit in any script; ASCII is decided without a regular expression (most copy is ASCII). */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
  return c >= 0xaa && NON_ASCII_WORD.test(text[i]!)
}

const isJoiner = (c: string | undefined) => c === "'" || c === '’' || c === '-'

/** The words of a run as [start, end) pairs; an apostrophe or hyphen between letters keeps a word whole. */
export interface Words {
  starts: number[]
  ends: number[]
}

const wordCache = new WeakMap<TextRun, Words>()

/**
 * Several rules walk the same words; scanning characters once per run is several times faster than
 * a Unicode regular expression per rule, which keeps a 10,000-word story inside a few milliseconds.
 */
export function wordsOf(run: TextRun): Words {
  const cached = wordCache.get(run)
  if (cached) return cached
  const { text } = run
  const words: Words = { starts: [], ends: [] }
  let i = 0
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      i++
      continue
    }
    const start = i
    while (
      i < text.length &&
      (isWordChar(text, i) || (isJoiner(text[i]) && i + 1 < text.length && isWordChar(text, i + 1)))
    )
      i++
    words.starts.push(start)
    words.ends.push(i)
  }
  wordCache.set(run, words)
  return words
}
