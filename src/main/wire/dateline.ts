import type { Dateline } from '../../shared/story'
import { agencyLabel, isAgencyName } from './agencies'

export interface SplitDateline {
  place: string
  source: string
  /** The paragraph without its dateline. */
  rest: string
}

const OPENING = /^([\p{Lu}][^()\n]{0,80}?)\s*\(([^()\n]{2,40})\)\s*(?:[-–—_]{1,2}|:)\s+(?=\S)/u
const TRAILING_DATE =
  /,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*$/i

/**
 * The agency dateline at the start of a first paragraph: "BUENOS AIRES, Argentina (AP) — For…",
 * "Berlin (dpa) - Negotiations…", "LONDON, Nov 20 (Reuters) - …". It is moved to the story's
 * dateline so it is not printed twice. Only an agency in the brackets, or a place in capitals,
 * counts: "The minister (right) - who…" is not a dateline.
 */
export function splitDateline(paragraph: string): SplitDateline | undefined {
  const m = OPENING.exec(paragraph)
  if (!m) return undefined
  const place = m[1]!.replace(TRAILING_DATE, '').replace(/[,\s]+$/, '')
  const source = m[2]!.trim()
  const placeInCapitals = /^[\p{Lu}\s.'’-]{3,}(,|$)/u.test(place)
  if (!isAgencyName(source) && !placeInCapitals) return undefined
  if (place.split(/\s+/).length > 8) return undefined
  return { place, source, rest: paragraph.slice(m[0].length) }
}

/** A display dateline as a place: "PARIS, May 10" -> "PARIS", "BERLIN, Oct 18 -" -> "BERLIN". */
export function placeOfDateline(text: string): string {
  return text
    .replace(/\s*[-–—_:]+\s*$/, '')
    .replace(/\s*\([^()]{2,40}\)\s*$/, '')
    .replace(TRAILING_DATE, '')
    .replace(/[,\s]+$/, '')
}

/** Move a dateline found at the start of the body into `dateline`, filling only what is missing. */
export function takeDateline(paragraphs: string[], dateline: Dateline): void {
  const first = paragraphs[0]
  if (!first) return
  const found = splitDateline(first)
  if (!found || !found.rest) return
  paragraphs[0] = found.rest
  if (!dateline.place) dateline.place = found.place
  if (!dateline.source) dateline.source = agencyLabel(found.source)
}
