import type { Byline } from '../../shared/story'
import { agencyLabel, isAgencyName } from './agencies'
import { oneLine, titleCaseName } from './text'

/** Job titles in the languages we read: "AP Sports Writer", "Korrespondent", "corresponsal". */
const JOB_TITLE =
  /\b(editor|correspondent|writer|reporter|staff|columnist|photographer|chief|bureau|analyst|producer|korrespondent(in)?|redakteur(in)?|reporter(in)?|correspondant|envoyée? spéciale?|corresponsal|enviad[ao] especial|corrispondente|inviat[ao]|toimittaja|kirjeenvaihtaja|journalist|reporter|medarbetare|medarbeider|redaktør|mitarbeiter(in)?)\b/iu

/** The word a byline opens with, in the copy's language: By, Von, Par, Av, Af, Di, Por, De, Door, بقلم. */
const BY_WORD = /^(?:by|von|par|av|af|di|por|de|door|da|text|texto|teksti|tekst|bericht|بقلم)\s*:?\s+/iu
/** "By" words that are also the first word of surnames (Di Maio, De Gaulle, Da Silva): only stripped before a full name. */
const AMBIGUOUS_BY = /^(?:di|de|da)\s/iu

/** "and" in the copy's language, between two people. " y " and " e " are also inside Spanish and Portuguese names. */
const AND = /\s+(?:and|und|og|och|et|ja|en|و|&)\s+|\s*[;&]\s*/iu
const AND_BETWEEN_FULL_NAMES = /\s+(?:y|e|i)\s+/iu

/** Words that make a comma part an organisation a person writes for, not another person. */
const ORGANISATION =
  /\b(news|times|post|press|radio|tv|television|zeitung|tagblatt|rundschau|allgemeine|nachrichten|presse|tidning|avis|avisen|aftonbladet|dagbladet|dagens|sanomat|lehti|periódico|diario|journal|gazette|gazzetta|corriere|repubblica|stampa|tribune|herald|daily|weekly|magazine|magazin|media|group|agency|agentur|agence|agencia|agenzia|institute|institut|university|universität|université|universidad|università|yliopisto|universitet|foundation|stiftung|association|council|ministry|ministerium|office|service|network|broadcasting|channel|online|\.com|\.de|\.fr|\.es|\.it|\.no|\.se|\.dk|\.fi)\b/iu

/** Internal account names (tholl.gregor, nickel.valeria, load) and desk initials (daa/mt/msr) are not bylines. */
export function isAccountOrInitials(text: string): boolean {
  const t = text.trim()
  if (!t) return true
  if (/^[\p{Ll}\d._-]+$/u.test(t)) return true // one lower-case token: a login, not a name
  if (/^[\p{L}]{1,5}(?:\/[\p{L}]{1,5})+$/u.test(t)) return true // "daa/mt/msr", "SDA/sj"
  if (/^\p{Lu}{2,4}$/u.test(t) && !isAgencyName(t)) return true // "AH", "MSR": initials
  return false
}

/** "NTB-AFP-DPA", "STT–AFP", "ritzau/AFP": several agencies in one line. */
function agencyList(text: string): Byline[] | undefined {
  const parts = text.split(/\s*[-–—/+]\s*|\s*,\s*/).filter(Boolean)
  if (parts.length < 2 || !parts.every(isAgencyName)) return undefined
  return parts.map((p) => ({ name: agencyLabel(p)!.slice(0, 200), kind: 'agency' as const }))
}

function personOf(name: string, title?: string): Byline | undefined {
  const plain = name
    .replace(/\s*\([^()]*\)\s*/g, ' ') // "Andrej Sokolow (San Jose)": where they filed from, not their name
    .replace(/^[-–—•·*\s]+|[-–—•·*\s]+$/g, '')
    .trim()
  if (!plain || isAccountOrInitials(plain) || /\d{3,}|@|https?:/.test(plain)) return undefined
  const person: Byline = { name: titleCaseName(plain).slice(0, 200), kind: 'person' }
  if (title) person.title = title.slice(0, 200)
  return person
}

function isFullName(text: string): boolean {
  return text.trim().split(/\s+/).length >= 2
}

/** Split "A und B", "A, B and C", "Ana López y Juan Pérez" into names; keeps "Ortega y Gasset" whole. */
function namesOf(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(AND)) {
    const pieces = part.split(AND_BETWEEN_FULL_NAMES)
    if (pieces.length > 1 && pieces.every(isFullName)) out.push(...pieces)
    else out.push(part)
  }
  return out.map((p) => p.trim()).filter(Boolean)
}

/**
 * The people and agencies a byline names, as the copy states them:
 * - "By PAUL BYRNE and ALMUDENA CALATRAVA" -> two people; "Von Marco Krefting und Sunrita Sen, dpa"
 *   -> two people and dpa; "Par Jean Dupont et Marie Curie" -> two people;
 * - "By Jane Doe, PA" -> a person and an agency; "Jane Doe, Süddeutsche Zeitung" -> one person whose
 *   title is the paper (a name and an organisation are one person with an affiliation, not two people);
 * - "NTB-AFP-DPA" -> three agencies; "By Press Association" -> an agency;
 * - "daa/mt/msr", "tholl.gregor", "load" -> nobody (desk initials and logins are not bylines).
 * `title` (a line such as "AP Sports Writer") goes to each person named.
 */
export function bylinesFrom(text: string, title?: string): Byline[] {
  let line = oneLine(text)
    .replace(/\s*[=<]+$/, '')
    .replace(/[.;,]+$/, '')
  const byWord = BY_WORD.exec(line)
  if (byWord && (!AMBIGUOUS_BY.test(byWord[0]) || isFullName(line.slice(byWord[0].length))))
    line = line.slice(byWord[0].length)
  if (!line || isAccountOrInitials(line)) return []
  const cleanTitle = title ? oneLine(title).replace(/\s*[=<]+$/, '') : undefined
  const listed = agencyList(line)
  if (listed) return listed

  const out: Byline[] = []
  // "Anna Svensson/TT", "Jane Doe / AP": a person and the agency, written with a slash.
  const segments = line.split(/\s*,\s*/).flatMap((segment) => {
    const slashed = /^(.+?)\s*\/\s*([^/]+)$/.exec(segment)
    return slashed && isAgencyName(slashed[2]!) && !isAgencyName(slashed[1]!) ? [slashed[1]!, slashed[2]!] : [segment]
  })
  segments.forEach((segment, index) => {
    if (!segment) return
    const agencies = isAgencyName(segment) ? [segment] : (agencyList(segment)?.map((b) => b.name) ?? [])
    if (agencies.length) {
      for (const a of agencies) out.push({ name: a.slice(0, 200), kind: 'agency' })
      return
    }
    const last = out[out.length - 1]
    if (index > 0 && last?.kind === 'person' && !last.title) {
      // "Jane Doe, Political Editor" / "Jane Doe, The Guardian" / "Jane Doe, BBC": who she is, not another person.
      if (
        JOB_TITLE.test(segment) ||
        ORGANISATION.test(segment) ||
        /^(the|der|die|das|la|le|el|il|lo)\s/iu.test(segment) ||
        /^\p{Lu}{2,6}$/u.test(segment) ||
        !isFullName(segment)
      ) {
        last.title = segment.slice(0, 200)
        return
      }
    }
    for (const name of namesOf(segment)) {
      if (isAgencyName(name)) out.push({ name: name.slice(0, 200), kind: 'agency' })
      else {
        const person = personOf(name, cleanTitle)
        if (person) out.push(person)
      }
    }
  })
  const seen = new Set<string>()
  return out.filter((b) => !seen.has(b.name.toLowerCase()) && seen.add(b.name.toLowerCase()))
}
