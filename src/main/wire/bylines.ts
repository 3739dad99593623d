import type { Byline } from '../../shared/story'
import { isAgencyName } from './agencies'
import { oneLine, titleCaseName } from './text'

const JOB_TITLE =
  /\b(editor|correspondent|writer|reporter|staff|columnist|photographer|chief|bureau|analyst|producer)\b/i

/**
 * "By PAUL BYRNE and ALMUDENA CALATRAVA" -> two people; "By Jane Doe, PA" -> a person and an
 * agency; "By Press Association" -> an agency. `title` (a line such as "AP Sports Writer") goes to
 * each person named.
 */
export function bylinesFrom(text: string, title?: string): Byline[] {
  const line = oneLine(text)
    .replace(/^by:?\s+/i, '')
    .replace(/\s*[=<]+$/, '')
    .replace(/[.;,]+$/, '')
  if (!line) return []
  const out: Byline[] = []
  const cleanTitle = title ? oneLine(title).replace(/\s*[=<]+$/, '') : undefined
  for (const raw of line.split(/\s*(?:,|;|&|\band\b)\s*/i)) {
    const part = raw.trim()
    if (!part) continue
    if (isAgencyName(part)) {
      out.push({ name: part.slice(0, 200), kind: 'agency' })
      continue
    }
    const last = out[out.length - 1]
    if (JOB_TITLE.test(part) && last?.kind === 'person' && !last.title) {
      last.title = part.slice(0, 200)
      continue
    }
    const person: Byline = { name: titleCaseName(part).slice(0, 200), kind: 'person' }
    if (cleanTitle) person.title = cleanTitle.slice(0, 200)
    out.push(person)
  }
  const seen = new Set<string>()
  return out.filter((b) => !seen.has(b.name.toLowerCase()) && seen.add(b.name.toLowerCase()))
}
