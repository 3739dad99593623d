import type { Dateline } from '../../shared/story'
import { agencyLabel, isAgencyName } from './agencies'

export interface SplitDateline {
  place: string
  source: string
  /** The paragraph without its dateline. */
  rest: string
}

/**
 * "PLACE[, date] (AGENCY) – text", with every separator agencies use: " - ", " – ", " — ", " _ "
 * (AP's typewriter dash), ".- " (EFE), ": " (NTB), " = " (Belga), or none at all when the
 * brackets hold an agency ("Paris (ats afp) Les violences…", "Stockholm (TT) Regeringen…").
 * The place may be in any script ("بيروت (أ ف ب) -").
 */
const OPENING =
  /^([\p{Lu}\p{Lo}][^()\n]{0,80}?)\s*\(([^()\n]{2,40})\)(\s*\.?\s*(?:[-–—_=]{1,2}|:)(?:\s+|$)|\s+(?=[\p{Lu}\p{Lo}«"“„]))(?=\S|$)/u
/** ANSA: "(ANSA) - ROMA, 1 DIC - Il governo…"; the agency first, then the place and date. */
const AGENCY_FIRST = /^\(([^()\n]{2,30})\)\s*[-–—]\s*([\p{Lu}][^-–—\n]{1,60}?)\s*[-–—]\s+(?=\S)/u
/** Kyodo and AAP: "TOKYO, Nov. 30 Kyodo - Japan's…", "SYDNEY, Dec 1 AAP - …": the agency without brackets. */
const BARE_AGENCY = /^([\p{Lu}][\p{Lu} .'’-]{1,40}(?:,[^,\n()]{1,30}){0,2})\s+(\p{L}{2,10})\s*[-–—]+\s+(?=\S)/u

/** "GENOVA, 20 NOV - Scuole…", "PARIS, Nov. 20 - …": a place in capitals and a day, then a dash, no agency named. */
const PLACE_AND_DAY =
  /^([\p{Lu}][\p{Lu} .'’-]{1,40}),\s*(?:\d{1,2}\.?\s+\p{L}{3,10}\.?|\p{L}{3,10}\.?\s+\d{1,2})\s+[-–—]{1,2}\s+(?=\S)/u

/** "(New York, NY - October 21) Text…": place and date in brackets, no agency. */
const IN_BRACKETS = /^\(([\p{Lu}][^()\n]{1,60}?)\s+[-–—]\s+([^()\n]{2,30})\)\s+(?=\S)/u

/** A dateline string that is only a date ("20190121T103600+0000", "2001-09-07", "20010907") is never a place. */
export function isDateString(text: string): boolean {
  return /^\s*\d{4}-?\d{2}-?\d{2}(?:[T ][\d:.+-]*Z?)?\s*$/i.test(text) || /^\s*[\d\s./:-]+\s*$/.test(text)
}

/** "TORONTO, June 09, 2020" -> "TORONTO"; "Nueva Delhi, 21 ene" -> "Nueva Delhi"; "BUENOS AIRES, Argentina" stays. */
function withoutDate(place: string): string {
  const parts = place.split(/\s*,\s*/)
  const dated = parts.findIndex((p, i) => i > 0 && /\d/.test(p))
  const kept = dated < 0 ? parts : parts.slice(0, dated)
  return kept
    .join(', ')
    .replace(/\s+\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?$/, '') // "BRUXELLES 01/12"
    .replace(/[,\s]+$/, '')
}

/** The agencies in dateline brackets: "dpa", "dpa/lby", "ats afp", "Reuters", "أ ف ب". */
function agencyIn(source: string): string | undefined {
  const plain = source.trim()
  if (isAgencyName(plain)) return plain
  const first = plain.split(/\s*[/,]\s*|\s+/)[0]
  return first && isAgencyName(first) ? first : undefined
}

/**
 * The agency dateline at the start of a first paragraph: "BUENOS AIRES, Argentina (AP) — For…",
 * "Berlin (dpa) - Negotiations…", "LONDON, Nov 20 (Reuters) - …", "Nueva Delhi, 21 ene (EFE).- …".
 * It is moved to the story's dateline so it is not printed twice. Only an agency in the brackets,
 * or a place in capitals, counts: "The minister (right) - who…" is not a dateline.
 */
export function splitDateline(paragraph: string): SplitDateline | undefined {
  const bracketed = IN_BRACKETS.exec(paragraph)
  if (bracketed && /\d/.test(bracketed[2]!) && !isDateString(bracketed[1]!))
    return { place: bracketed[1]!.trim(), source: '', rest: paragraph.slice(bracketed[0].length) }
  const first = AGENCY_FIRST.exec(paragraph)
  if (first && agencyIn(first[1]!)) {
    const place = withoutDate(first[2]!)
    if (place && !isDateString(place))
      return { place, source: agencyIn(first[1]!)!, rest: paragraph.slice(first[0].length) }
  }
  const bare = BARE_AGENCY.exec(paragraph)
  if (bare && isAgencyName(bare[2]!))
    return { place: withoutDate(bare[1]!), source: bare[2]!, rest: paragraph.slice(bare[0].length) }
  const dated = PLACE_AND_DAY.exec(paragraph)
  if (dated) return { place: dated[1]!.trim(), source: '', rest: paragraph.slice(dated[0].length) }
  const m = OPENING.exec(paragraph)
  if (!m) return undefined
  const place = withoutDate(m[1]!)
  const agency = agencyIn(m[2]!)
  const separated = /[-–—_=:]/.test(m[3]!)
  const placeInCapitals = /^[\p{Lu}\s.'’-]{3,}(,|$)/u.test(place)
  if (!agency && !(placeInCapitals && separated)) return undefined
  // Without a dash the place must read as one: "Stockholm (TT) …", not "The agency (Reuters) said …".
  if (!separated && (place.split(/\s+/).length > 4 || !place.split(/[\s,]+/).every((w) => /^[\p{Lu}\p{Lo}]/u.test(w))))
    return undefined
  if (!place || place.split(/\s+/).length > 8 || isDateString(place)) return undefined
  return { place, source: agency ?? m[2]!.trim(), rest: paragraph.slice(m[0].length) }
}

/** A display dateline as a place: "PARIS, May 10" -> "PARIS", "BERLIN, Oct 18 -" -> "BERLIN"; a bare date -> "". */
export function placeOfDateline(text: string): string {
  const place = withoutDate(
    text
      .replace(/\s*[-–—_:=]+\s*$/, '')
      .replace(/\s*\([^()]{2,40}\)\s*\.?$/, '')
      .replace(/[,\s]+$/, ''),
  )
  return isDateString(place) ? '' : place
}

/** The agency a display dateline names in brackets ("Hamburg (dpa) - " -> "dpa"), if it is one. */
export function sourceOfDateline(text: string): string | undefined {
  const m = /\(([^()]{2,40})\)\s*\.?\s*[-–—_:=]*\s*$/.exec(text)
  const agency = m ? agencyIn(m[1]!) : undefined
  return agency ? agencyLabel(agency) : undefined
}

/** Move a dateline found at the start of the body into `dateline`, filling only what is missing. */
export function takeDateline(paragraphs: string[], dateline: Dateline): void {
  const first = paragraphs[0]
  if (!first) return
  const found = splitDateline(first)
  if (!found || !found.rest) return
  paragraphs[0] = found.rest
  if (!dateline.place) dateline.place = found.place
  if (!dateline.source && found.source) dateline.source = agencyLabel(found.source)
}
