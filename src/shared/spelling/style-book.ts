import { z } from 'zod'

/**
 * One entry of the house style book: a form the desk does not print ("Kiev", "focussed",
 * "percent") and what it prints instead ("Kyiv", "focused", "per cent"), with the reason. An empty
 * preferred form bans the words with no replacement (the note says what to do).
 */
export const styleEntrySchema = z.strictObject({
  form: z.string().trim().min(1, 'say which form to flag').max(100),
  preferred: z.string().trim().max(100),
  note: z.string().trim().max(500),
})
export type StyleEntry = z.infer<typeof styleEntrySchema>

export interface StyleBreach {
  entry: StyleEntry
  /** The words as the copy has them. */
  found: string
  offset: number
  length: number
  /** The preferred form in the found words' case (KIEV -> KYIV, Percent -> Per cent), or null when banned outright. */
  replacement: string | null
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const key = (text: string) => text.replace(/[’]/g, "'").replace(/\s+/g, ' ').toLowerCase()

interface Compiled {
  pattern: RegExp
  byForm: Map<string, StyleEntry>
}

const compiled = new WeakMap<readonly StyleEntry[], Compiled | null>()

/** One pattern for the whole book, longest forms first, so 500 entries still cost one pass over the copy. */
function compile(entries: readonly StyleEntry[]): Compiled | null {
  if (compiled.has(entries)) return compiled.get(entries)!
  const byForm = new Map<string, StyleEntry>()
  for (const entry of entries) if (entry.form.trim()) byForm.set(key(entry.form.trim()), entry)
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length)
  const result = forms.length
    ? {
        byForm,
        pattern: new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${forms.map((f) => escape(f).replace(/'/g, "['’]").replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        ),
      }
    : null
  compiled.set(entries, result)
  return result
}

/** The preferred form in the case the copy used: all capitals, a capital first, or as the book has it. */
export function inCaseOf(found: string, preferred: string): string {
  if (found.length > 1 && found === found.toUpperCase() && found !== found.toLowerCase()) return preferred.toUpperCase()
  const first = found[0] ?? ''
  if (first !== first.toLowerCase()) return preferred.charAt(0).toUpperCase() + preferred.slice(1)
  return preferred
}

export function styleBreaches(text: string, entries: readonly StyleEntry[]): StyleBreach[] {
  const book = compile(entries)
  if (!book) return []
  const breaches: StyleBreach[] = []
  for (const match of text.matchAll(book.pattern)) {
    const entry = book.byForm.get(key(match[0]))
    if (!entry) continue
    // A form the book writes with capitals is a name: its preferred form is used as written
    // (NATO -> Nato); a common word keeps the copy's case (Percent -> Per cent).
    const replacement = !entry.preferred
      ? null
      : /\p{Lu}/u.test(entry.form)
        ? entry.preferred
        : inCaseOf(match[0], entry.preferred)
    // The book's form may differ from the preferred one only in case ("nato" -> "Nato"): what is already right is no breach.
    if (replacement === match[0]) continue
    breaches.push({ entry, found: match[0], offset: match.index, length: match[0].length, replacement })
  }
  return breaches
}
