/**
 * Typography as an editor types: curly quotes and apostrophes in the story's language, dashes from
 * "--" and " - " in the house's dash, "..." as an ellipsis. Pure functions over strings, so the body
 * editor, the headline and standfirst boxes, the `straight-quotes` check and its fix all decide the
 * same way (docs/copy-desk.md, "Typography").
 *
 * One decision is made per character typed (`afterTyping`): it sees the text before the caret
 * (ending with the character just typed) and after it, and says how many characters before the
 * caret to take away and what to put in their place. `smartenEdits` runs that same decision over
 * a whole text, as if it were typed, for the check and its one-click fix.
 */

/** The marks a language quotes with; the apostrophe is ’ in all of them. */
export interface QuoteStyle {
  open: string
  close: string
  openSingle: string
  closeSingle: string
  /** Put inside the marks (French: a narrow no-break space, « like this »). */
  inside: string
}

export type DashStyle = 'en' | 'em'

export interface TypographyRules {
  quotes: QuoteStyle
  /** What "--" and a spaced hyphen become: – (spaced en dash, UK style) or — (em dash, AP style). */
  dash: DashStyle
}

export const APOSTROPHE = '’'
export const NARROW_NBSP = '\u202F'
const DASH: Record<DashStyle, string> = { en: '–', em: '—' }

const ENGLISH: QuoteStyle = { open: '“', close: '”', openSingle: '‘', closeSingle: '’', inside: '' }
const GERMAN: QuoteStyle = { open: '„', close: '“', openSingle: '‚', closeSingle: '‘', inside: '' }
const SWISS: QuoteStyle = { open: '«', close: '»', openSingle: '‹', closeSingle: '›', inside: '' }
const FRENCH: QuoteStyle = { open: '«', close: '»', openSingle: '“', closeSingle: '”', inside: NARROW_NBSP }
const SOUTHERN: QuoteStyle = { open: '«', close: '»', openSingle: '“', closeSingle: '”', inside: '' }
const SWEDISH: QuoteStyle = { open: '”', close: '”', openSingle: '’', closeSingle: '’', inside: '' }

/**
 * The languages Copydesk has a spelling dictionary for (English, German, French, Spanish, Swedish)
 * and Italian. Swiss and Liechtenstein German quote with guillemets, as Switzerland does.
 */
function knownStyle(tag: string): QuoteStyle | null {
  const [language, ...rest] = tag.trim().replace(/_/g, '-').toLowerCase().split('-')
  switch (language) {
    case 'en':
      return ENGLISH
    case 'de':
      return rest.includes('ch') || rest.includes('li') ? SWISS : GERMAN
    case 'fr':
      return FRENCH
    case 'es':
    case 'it':
      return SOUTHERN
    case 'sv':
      return SWEDISH
    default:
      return null
  }
}

/**
 * The quotes for the first language given that has known ones (the story's, then the house's);
 * English marks when none has.
 */
export function quoteStyleFor(...languages: (string | null | undefined)[]): QuoteStyle {
  for (const tag of languages) {
    const style = tag ? knownStyle(tag) : null
    if (style) return style
  }
  return ENGLISH
}

export function typographyRules(language: string, dash: DashStyle, houseLanguage?: string): TypographyRules {
  return { quotes: quoteStyleFor(language, houseLanguage), dash }
}

/** What to do at the caret: take `remove` characters before it away and put `insert` there. */
export interface Replacement {
  remove: number
  insert: string
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c)
/** Where a quotation may open: the start, a space, an opening bracket, a dash or slash. */
const OPENS_AFTER = /[\s([{<—–\-/]/u
/** What may stand after a closing mark. */
const CLOSE_BEFORE = /^($|[\s)\]}>.,;:!?…—–-])/u
/** Words English shortens at the front: rock ’n’ roll, ’em, ’tis, ’twas, ’til. */
const ELISION_AHEAD = /^(?:n['’]|(?:em|tis|twas|til)(?![\p{L}\p{N}]))/iu
/** A year cut to its last two digits: ’90s, ’05. */
const YEAR_AHEAD = /^\d\d(?:s|(?![\p{L}\p{N}]))/u

/** Whether a quotation opened in `before` is still open (a paragraph's own marks only). */
function isOpen(before: string, open: string, close: string, apostrophe: boolean): boolean {
  if (open === close) {
    let count = 0
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== open) continue
      // A Swedish ’ between letters is an apostrophe, not a quotation mark.
      if (apostrophe && isWord(before[i - 1]) && isWord(before[i + 1])) continue
      count++
    }
    return count % 2 === 1
  }
  let depth = 0
  for (let i = 0; i < before.length; i++) {
    const c = before[i]
    if (c === open) depth++
    else if (c === close && depth > 0) {
      // ’ is also the apostrophe: inside a word (don’t) or before a year (’90s) it closes nothing.
      if (apostrophe && (isWord(before[i + 1]) || (!isWord(before[i - 1]) && isDigit(before[i + 1])))) continue
      depth--
    }
  }
  return depth > 0
}

function quoteFor(before: string, after: string, mark: '"' | "'", q: QuoteStyle): Replacement | null {
  const prev = before[before.length - 1]
  const opensHere = prev === undefined || OPENS_AFTER.test(prev) || prev === q.open || prev === q.openSingle
  if (mark === '"') {
    const open = isOpen(before, q.open, q.close, false)
    const closing = { remove: 1, insert: q.close }
    if (q.inside) {
      // French: the closing mark takes the space before it (typed or not) as a narrow no-break space.
      if (open && (prev === undefined || !opensHere || isSpace(prev)) && CLOSE_BEFORE.test(after))
        return isSpace(prev) && prev !== NARROW_NBSP
          ? { remove: 2, insert: q.inside + q.close }
          : { remove: 1, insert: (prev === NARROW_NBSP ? '' : q.inside) + q.close }
      if (opensHere) return { remove: 1, insert: q.open + q.inside }
      return { remove: 1, insert: q.inside + q.close }
    }
    if (isDigit(prev)) {
      // 5'10": after a number, a mark closes only an open quotation; otherwise it is inches, left as typed.
      return open || isWord(after[0]) ? closing : null
    }
    if (opensHere) return { remove: 1, insert: q.open }
    return closing
  }
  const open = isOpen(before, q.openSingle, q.closeSingle, q.closeSingle === APOSTROPHE)
  if (isDigit(prev)) {
    if (/^\p{L}/u.test(after)) return { remove: 1, insert: APOSTROPHE } // the 1990's, 2024’s
    return open ? { remove: 1, insert: q.closeSingle } : null // 5'10": feet, left as typed
  }
  if (isWord(prev)) {
    if (isWord(after[0])) return { remove: 1, insert: APOSTROPHE } // don’t, O’Neill
    return { remove: 1, insert: open ? q.closeSingle : APOSTROPHE } // the 1990s’ end, ‘quoted’
  }
  if (opensHere) {
    if (ELISION_AHEAD.test(after) || YEAR_AHEAD.test(after)) return { remove: 1, insert: APOSTROPHE }
    return { remove: 1, insert: q.openSingle }
  }
  return { remove: 1, insert: open ? q.closeSingle : APOSTROPHE }
}

/**
 * A mark chosen as the caret passed it is set right once the word after it shows what it was: an
 * opening ‘ before a cut year (’90s) or an elision (’n’, ’em, ’tis) is an apostrophe; a straight
 * mark after a number followed by a letter (1990's) is one too; in French, a space typed straight
 * after « is the one the mark already carries.
 */
function revise(before: string, q: QuoteStyle): Replacement | null {
  const typed = before[before.length - 1]!
  if (q.inside && isSpace(typed) && before.endsWith(q.open + q.inside + typed)) return { remove: 1, insert: '' }
  const single = q.openSingle
  const cut = new RegExp(`(?:^|[\\s([{<—–\\-/${q.open}])${single}(\\d\\d|em|tis|twas|til)([^\\p{L}\\p{N}])$`, 'iu')
  if (!/[\p{L}\p{N}]/u.test(typed)) {
    const found = cut.exec(before)
    if (found) return { remove: found[1]!.length + 2, insert: APOSTROPHE + found[1]! + found[2]! }
  }
  if (/\d\d/.test(before.slice(-3, -1)) && typed === 's' && before.endsWith(`${single}${before.slice(-3, -1)}s`)) {
    const lead = before[before.length - 5]
    if (lead === undefined || OPENS_AFTER.test(lead) || lead === q.open)
      return { remove: 4, insert: APOSTROPHE + before.slice(-3) }
  }
  if (/\p{L}/u.test(typed) && /\d'$/.test(before.slice(0, -1))) return { remove: 2, insert: APOSTROPHE + typed }
  return null
}

/**
 * The replacement due after a character is typed, or null. `before` is the paragraph's text up to
 * the caret, ending with the character just typed; `after` is its text after the caret.
 */
export function afterTyping(before: string, after: string, rules: TypographyRules): Replacement | null {
  const typed = before[before.length - 1]
  if (typed === undefined) return null
  const q = rules.quotes
  const head = before.slice(0, -1)
  if (typed === '"' || typed === "'") {
    // rock 'n' roll: the closing mark of ’n’ makes its opening one an apostrophe too.
    if (typed === "'" && new RegExp(`(?:^|[\\s([{<—–\\-/])${q.openSingle}n$`, 'u').test(head))
      return { remove: 3, insert: `${APOSTROPHE}n${APOSTROPHE}` }
    return quoteFor(head, after, typed, q)
  }
  if (typed === '-') {
    if (head.endsWith('-')) return { remove: 2, insert: DASH[rules.dash] }
    if (head.endsWith('–')) return { remove: 2, insert: '—' } // "---": an em dash whatever the house's
    return null
  }
  if (typed === '.') {
    return head.endsWith('..') && !head.endsWith('...') ? { remove: 3, insert: '…' } : null
  }
  if (typed === ' ' && / -$/.test(head) && /\S/u.test(head[head.length - 3] ?? '')) {
    return { remove: 2, insert: `${DASH[rules.dash]} ` }
  }
  return revise(before, q)
}

/** One change to a text: the characters [start, end) become `insert`. */
export interface Edit {
  start: number
  end: number
  insert: string
}

interface Piece {
  start: number
  end: number
  text: string
  changed: boolean
}

/**
 * Every change typing `text` would have made, in the text's own positions, in order. A straight
 * mark left as typed (inches after a number) is no change.
 */
export function smartenEdits(text: string, rules: TypographyRules): Edit[] {
  const pieces: Piece[] = []
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    pieces.push({ start: i, end: i + 1, text: c, changed: false })
    out += c
    const replacement = afterTyping(out, text.slice(i + 1), rules)
    if (!replacement) continue
    let left = replacement.remove
    let start = i + 1
    let end = i + 1
    while (left > 0) {
      const last = pieces[pieces.length - 1]!
      start = Math.min(start, last.start)
      end = Math.max(end, last.end)
      if (last.text.length <= left) {
        left -= last.text.length
        pieces.pop()
      } else {
        last.text = last.text.slice(0, last.text.length - left)
        last.changed = true
        left = 0
        start = last.end
      }
    }
    pieces.push({ start, end, text: replacement.insert, changed: true })
    out = out.slice(0, out.length - replacement.remove) + replacement.insert
  }
  const edits: Edit[] = []
  for (const piece of pieces) {
    if (!piece.changed || text.slice(piece.start, piece.end) === piece.text) continue
    const last = edits[edits.length - 1]
    if (last && last.end === piece.start) {
      last.end = piece.end
      last.insert += piece.text
    } else edits.push({ start: piece.start, end: piece.end, insert: piece.text })
  }
  return edits
}

/** The text with every edit made. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = ''
  let at = 0
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.insert
    at = edit.end
  }
  return result + text.slice(at)
}

/** The text as typing it would have set it. */
export function smarten(text: string, rules: TypographyRules): string {
  return applyEdits(text, smartenEdits(text, rules))
}
