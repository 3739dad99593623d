import { applyEdits, smartenEdits, typographyRules, type Edit } from '../../typography'
import { finding, whereIn, type Rule } from '../rule'
import type { Finding } from '../finding'

const ID = 'straight-quotes'
/** The longest stretch a fix may replace (the finding schema's limit). */
const MAX_FIX = 200

const isBlank = (c: string | undefined) => c === undefined || /\s/u.test(c)

/** What a change sets right: only straight quotes and double hyphens are this check's. */
function kindOf(original: string): 'double' | 'single' | 'hyphens' | null {
  if (original.includes('"')) return 'double'
  if (original.includes("'")) return 'single'
  if (original.includes('--')) return 'hyphens'
  return null
}

/**
 * Straight quotation marks, apostrophes and double hyphens left in the copy (pasted, imported from
 * the wire, typed with typography off), where the house sets curly ones and dashes. Each finding is
 * the word the mark stands in, fixed with one click the way typing would have set it, in the
 * story's language. A straight mark after a number with no quotation open (5'10") is a measure,
 * left alone. Off when the house turns typography off.
 */
export const straightQuotes: Rule = {
  id: ID,
  describe: 'Straight quotation marks, apostrophes and double hyphens where the house sets “curly” ones and dashes.',
  check({ runs, options }) {
    if (!options.typography) return []
    const rules = typographyRules(options.language, options.dash)
    const q = rules.quotes
    const findings: Finding[] = []
    for (const run of runs) {
      const { text } = run
      if (!/["']|--/.test(text)) continue
      const edits = smartenEdits(text, rules).filter((e) => kindOf(text.slice(e.start, e.end)))
      // Marks in one word (‘no’, rock ’n’ roll) are one finding and one fix.
      const groups: { start: number; end: number; edits: Edit[] }[] = []
      for (const edit of edits) {
        let start = edit.start
        let end = edit.end
        while (start > 0 && !isBlank(text[start - 1])) start--
        while (end < text.length && !isBlank(text[end])) end++
        const last = groups[groups.length - 1]
        if (last && start <= last.end) {
          last.end = Math.max(last.end, end)
          last.edits.push(edit)
        } else groups.push({ start, end, edits: [edit] })
      }
      for (const group of groups) {
        const excerpt = text.slice(group.start, group.end)
        const shifted = group.edits.map((e) => ({ ...e, start: e.start - group.start, end: e.end - group.start }))
        const replacement = applyEdits(excerpt, shifted)
        const kind = kindOf(text.slice(group.edits[0]!.start, group.edits[0]!.end))
        const message =
          kind === 'hyphens'
            ? `A double hyphen where the house sets a dash (${rules.dash === 'em' ? '—' : '–'}).`
            : kind === 'double'
              ? `A straight quotation mark where the house sets ${q.open}${q.close}.`
              : `A straight apostrophe or quotation mark where the house sets ’ (or ${q.openSingle}${q.closeSingle}).`
        const found = finding(ID, 'warning', message, excerpt, whereIn(run, group.start, excerpt.length))
        if (replacement.length <= MAX_FIX && excerpt.length <= MAX_FIX) found.fix = { replacement }
        findings.push(found)
      }
    }
    return findings
  },
}
