import type { BlockNode } from '../../shared/body'
import { isAgencyName } from './agencies'
import { oneLine } from './text'
import { findAll, textOf, type XElement, type XNode } from './xml'

/**
 * Page furniture: the lines agencies put around a story that are not the story. Flag lines
 * ("(Eil)", "2ND LEAD", "(Berichtigung: …)"), genre labels ("KORR-Bericht"), embargo lines
 * ("Sperrfrist …"), notes to editors, the "not for publication" section, desk initials and
 * sign-offs ("(SDA/sj)", "daa/mt/msr", "==Kyodo", "(©NTB)", "/ritzau/", "ends"). Every agency
 * writes them in its own language; the words are listed here once, so each importer (and the
 * final pass over every draft, parse.ts) asks the same questions. None of it is thrown away:
 * flags and notes go to the story's notes, an embargo to its embargo.
 */

/** "Urgent", "correction", "update", "preview", "advisory" in the languages of the agencies we read. */
const FLAG_WORDS = [
  // urgency
  'eil',
  'eilt',
  'eilmeldung',
  'blitz',
  'vorab',
  'urgent',
  'flash',
  'bulletin',
  'urgente',
  'haster',
  'hastemelding',
  'brådskande',
  'kiire',
  'kiireellinen',
  'pikauutinen',
  'snabbnyhet',
  'newsalert',
  'news alert',
  'ap-newsalert',
  'ap newsalert',
  'عاجل',
  // corrections and withdrawals
  'berichtigung',
  'korrektur',
  'correction',
  'corrects',
  'corrected',
  'corrección',
  'rectificación',
  'rectificatif',
  'correzione',
  'rettifica',
  'rättelse',
  'rettelse',
  'korrigering',
  'korjaus',
  'oikaisu',
  'tilbagetrækning',
  'löschung',
  'kill',
  'withdrawn',
  'تصحيح',
  // versions
  'lead',
  'new lead',
  'writethru',
  'update',
  'updated',
  'aktualisierung',
  'zusammenfassung',
  'neufassung',
  'ampliación',
  'ampliacion',
  'actualiza',
  'actualización',
  'actualisation',
  'aggiornamento',
  'uppdaterad',
  'uppdatering',
  'oppdatert',
  'opdateret',
  'päivitetty',
  'repeat',
  'wiederholung',
  // advisories and plans
  'achtung',
  'vorschau',
  'terminvorschau',
  'planungshinweis',
  'advisory',
  'preview',
  'avance',
  'avis',
  'anticipazione',
  'förhandsinformation',
  'varsel',
  // genre labels dpa and others put above the headline
  'korr-bericht',
  'bericht',
  'fragen & antworten',
  'fragen und antworten',
  'hintergrund',
  'interview',
  'analyse',
  'analysis',
  'kommentar',
  'porträt',
  'reportage',
  'feature',
  'factbox',
  'faktenbox',
  'foto produktion',
  'papier général',
  'papier general',
  'eclairage',
]
const FLAG_START = new RegExp(
  String.raw`^(?:\d+(?:st|nd|rd|th|e|er|ère|\.)?\s+)?(?:${FLAG_WORDS.join('|')})(?=$|[\s:.,;!\-–—=/)])`,
  'iu',
)

/** The line announcing the part of the copy that is not for publication, in any of our languages. */
const NOT_FOR_PUBLICATION = new RegExp(
  [
    String.raw`not (?:intended )?for publication`,
    String.raw`the following information is not for publication`,
    String.raw`nicht zur veröffentlichung`,
    String.raw`(?:ej|inte) för publicering`,
    String.raw`ikke (?:for|til) (?:publisering|offentliggjøring|offentliggørelse|publicering|offentliggørelse)`,
    String.raw`ei julkaistavaksi`,
    String.raw`ei julkaisuun`,
    String.raw`no (?:es )?(?:para )?(?:su )?(?:publicable|publicación|publicar)`,
    String.raw`(?:à )?ne pas publier`,
    String.raw`(?:pas|non) (?:pour|destiné à la) publication`,
    String.raw`non (?:per la )?pubblica(?:zione|bile)`,
    String.raw`da non pubblicare`,
    String.raw`ليس للنشر`,
    String.raw`غير (?:مخصص|معد) للنشر`,
  ].join('|'),
  'iu',
)

/** The start of a notes-to-editors section. */
const NOTES_HEADING = new RegExp(
  '^(?:#+\\s*)?(?:' +
    [
      String.raw`notes? to editors?`,
      String.raw`note to desks?`,
      String.raw`eds?\s*:`,
      String.raw`editor'?’?s? notes?`,
      String.raw`(?:dpa[- ])?notizblock`,
      String.raw`hinweis(?:e)? (?:an|für) die redaktion(?:en)?`,
      String.raw`achtung,? redaktion(?:en)?`,
      String.raw`redaktionelle hinweise`,
      String.raw`till redaktionen`,
      String.raw`til redaksjonen(?:e)?`,
      String.raw`til redaktionen(?:e)?`,
      String.raw`toimitukselle`,
      String.raw`toimitukset huom`,
      String.raw`nota (?:a|para) (?:los|las) (?:editores|redacciones)`,
      String.raw`nota de (?:la )?redacción`,
      String.raw`note aux rédactions`,
      String.raw`à l'attention des rédactions`,
      String.raw`nota (?:per|alle|alla) (?:le )?redazion[ei]`,
      String.raw`ملاحظة (?:للمحررين|إلى المحررين)`,
    ].join('|') +
    ')',
  'iu',
)

/** An embargo line: "Sperrfrist: 12.00 Uhr", "EMBARGOED UNTIL 0001 GMT", "Embargo hasta las 10.00"… */
const EMBARGO = new RegExp(
  '^(?:\\*+\\s*)?(?:' +
    [
      String.raw`sperrfrist`,
      String.raw`sperrefrist`,
      String.raw`embargo(?:ed|ado|é)?\b`,
      String.raw`under embargo`,
      String.raw`sous embargo`,
      String.raw`holdes til`,
      String.raw`må (?:ikke|ej) (?:bringes|offentliggøres|publiceres) før`,
      String.raw`julkaisuvapaa`,
      String.raw`publiceras (?:inte|ej) före`,
      String.raw`not for (?:release|publication|use) (?:before|until)`,
      String.raw`hold for release`,
      String.raw`حظر النشر`,
    ].join('|') +
    ')',
  'iu',
)

/** Desk initials and sign-offs at the end of copy. */
const SIGN_OFFS: RegExp[] = [
  /^\(?(?:ends?|end of story|more|mehr|fin|fine|slut|slutt|loppu|nnnn|zczc|-?30-|#+|\*+)\)?\.?$/iu,
  /^=+\s*[\p{L} ]{2,20}$/u, // "==Kyodo"
  /^\/[\p{L}]{2,12}(?:\/[\p{L}]{0,12})*\/?$/u, // "/ritzau/", "/ritzau/AFP"
  /^\(?\s*(?:©|\(c\)|copyright)\s*[\p{L}][\p{L} .&-]{0,40}\)?\.?$/iu, // "(©NTB)", "© AAP"
  /^\(\s*[\p{L}]{2,10}(?:\s*\\?[/,]\s*[\p{L}]{1,10}){1,8}\s*\)$/u, // "(SDA/sj)", "(ats/afp/nn)"
  /^[\p{Ll}]{1,5}(?:\/[\p{Ll}]{1,5}){1,8}$/u, // "daa/mt/msr", "hh/ph"
  /^[\p{Ll}]{2,5}(?: [\p{Ll}]{2,4}){1,6}$/u, // "dpa wsz jln npr" (all lower case, short words)
  /^\p{Lo}{1,3}(?: \p{Lo}{1,3})?(?:\/\p{Lo}{1,3}(?: \p{Lo}{1,3})?){1,6}$/u, // Arabic desk initials "ب ح/س ع"
]

/** "dpa kre/su yysw a3 lön mda", "AAP sr/gs", "afp xx/yy": an agency's name and then desk codes. */
function isAgencySignOff(text: string): boolean {
  const [first, ...rest] = text.split(/\s+/)
  if (!first || !rest.length || !isAgencyName(first.replace(/[-–]\w+$/, ''))) return false
  return rest.length <= 10 && rest.every((w) => /^[\p{L}\d/]{1,8}$/u.test(w) && !/^\p{Lu}\p{Ll}{3,}$/u.test(w))
}

/** A flag line as a whole: "(Eil)", "(Berichtigung: …)", "2ND LEAD", "*** TRANSLATED ***", "URGENT". */
export function isFlagLine(text: string): boolean {
  if (text.length > 600) return false
  const line = oneLine(text)
  if (!line || line.length > 400) return false
  if (/^\*{2,}[^*]+\*{2,}$/.test(line)) return true
  const inner = /^\((.*)\)\.?$/su.exec(line)?.[1] ?? /^\[(.*)\]$/su.exec(line)?.[1]
  if (inner !== undefined) return FLAG_START.test(inner.trim()) || inner.length < 40
  if (line.length > 60) return false
  // A bare flag in capitals ("2ND LEAD", "URGENT", "EIL") or "Eil:" / "Eilmeldung".
  return FLAG_START.test(line) && (line === line.toUpperCase() || /^[\p{L}-]+(?: [\p{L}-]+)?:?$/u.test(line))
}

export function isEmbargoLine(text: string): boolean {
  if (text.length > 450) return false
  const line = oneLine(text)
  return line.length <= 300 && EMBARGO.test(line)
}

/** A cheap first look: every not-for-publication line has one of these stems. */
const PUBLICATION_STEM =
  /[Pp]ubli|PUBLI|[Vv]eröffentlich|VERÖFFENTLICH|[Oo]ffentlig|OFFENTLIG|[Jj]ulkai|JULKAI|[Pp]ubbl|PUBBL|نشر/

export function isNotForPublication(text: string): boolean {
  if (text.length > 160 || !PUBLICATION_STEM.test(text)) return false
  const line = oneLine(text)
  return line.length <= 160 && NOT_FOR_PUBLICATION.test(line)
}

export function isNotesHeading(text: string): boolean {
  if (text.length > 200) return false
  const line = oneLine(text)
  return line.length <= 200 && NOTES_HEADING.test(line)
}

export function isSignOff(text: string): boolean {
  if (text.length > 120) return false
  const line = oneLine(text)
  if (!line || line.length > 80) return false
  // The agency's name alone: "(ANSA).", "(Belga)", "TT".
  const bare = line.replace(/^\(|\)?\.?$/g, '').trim()
  if (bare.length <= 30 && isAgencyName(bare)) return true
  return SIGN_OFFS.some((re) => re.test(line)) || isAgencySignOff(line)
}

/** The embargo a line states, as written after its label ("Sperrfrist: 12.00 Uhr" -> "12.00 Uhr"). */
export function embargoText(text: string): string {
  return oneLine(text)
    .replace(/^\*+\s*|\s*\*+$/g, '')
    .replace(/^\(|\)$/g, '')
    .trim()
}

/** How many characters a paragraph or heading holds (lists, tables, pictures: none), without building its text. */
function lengthOf(block: BlockNode): number {
  if (block.type !== 'paragraph' && block.type !== 'heading') return Infinity
  let n = 0
  for (const c of block.children) n += c.type === 'text' ? c.text.length : c.type === 'link' ? 40 : 1
  return n
}

/** Words of a block when it is a plain paragraph (or heading); undefined for lists, tables, pictures. */
export function textOfBlock(block: BlockNode): string | undefined {
  if (block.type !== 'paragraph' && block.type !== 'heading') return undefined
  let out = ''
  for (const c of block.children) {
    if (c.type === 'text') out += c.text
    else if (c.type === 'linebreak') out += ' '
    else if (c.type === 'link') out += c.children.map((l) => (l.type === 'text' ? l.text : '')).join('')
  }
  return out.trim()
}

export interface Cleared {
  notes: string[]
  embargo?: string
}

/**
 * Take the furniture out of a body, in place: flag, embargo and notes lines at the top; the
 * not-for-publication section (and all after it) anywhere; sign-offs and desk initials at the end.
 * A line is only taken when the whole paragraph is furniture, so a sentence that mentions an
 * embargo stays in the story.
 */
export function clearFurniture(blocks: BlockNode[]): Cleared {
  const out: Cleared = { notes: [] }
  // Furniture is short: long paragraphs are copy, and are not even read into a string here.
  const short = (block: BlockNode, max: number) => (lengthOf(block) <= max ? textOfBlock(block) : undefined)
  // "*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION ***": a banner to the desk, wherever it stands.
  for (let k = blocks.length - 1; k >= 0 && blocks.length > 1; k--) {
    const t = short(blocks[k]!, 220)
    if (t && /^\*{3,}[^*]{2,200}\*{3,}$/.test(t)) {
      out.notes.unshift(t)
      blocks.splice(k, 1)
    }
  }
  // The not-for-publication section runs to the end of the copy.
  const cut = blocks.findIndex((b) => {
    const t = short(b, 200)
    return t !== undefined && (isNotForPublication(t) || (t.length < 60 && isNotesHeading(t)))
  })
  if (cut > 0) {
    const section = blocks.splice(cut).map(textOfBlock).filter(Boolean)
    out.notes.push(section.join('\n'))
  }
  while (blocks.length > 1) {
    const t = short(blocks[0]!, 600)
    if (t === undefined) break
    if (/^(?:zczc|nnnn)$/i.test(t)) {
      blocks.shift() // teleprinter start-of-message marker (ANSA), not words
      continue
    }
    if (isEmbargoLine(t)) out.embargo ??= embargoText(t)
    else if (isFlagLine(t) || isNotesHeading(t)) out.notes.push(t)
    else break
    blocks.shift()
  }
  while (blocks.length > 1) {
    const t = short(blocks[blocks.length - 1]!, 120)
    if (t === undefined || !(isSignOff(t) || /^\*{2,}[^*]+\*{2,}$/.test(t))) break
    blocks.pop()
  }
  // A sign-off run into the last paragraph: "… said the minister. (SDA/sj)", "… on Sunday. ==Kyodo"
  const last = blocks[blocks.length - 1]
  if (last?.type === 'paragraph') {
    const tail = last.children[last.children.length - 1]
    if (tail?.type === 'text') {
      const m =
        /\s+(\(\s*[\p{L}]{2,10}(?:\s*\/\s*[\p{L}]{1,10}){1,8}\s*\)|==+\s*[\p{L}]{2,20}|\/ritzau\/[\p{L}/]*|\(©\s*[\p{L}]{2,20}\))\s*$/u.exec(
          tail.text,
        )
      if (m && m.index > 0) tail.text = tail.text.slice(0, m.index)
    }
  }
  return out
}

/**
 * An XHTML body that opens with a page header (dpa: publication time, subject list, genre label,
 * the headline again and the "Von …, dpa" byline): the header is furniture, the story is what
 * follows. Its byline paragraph is returned, for copy whose metadata has none.
 */
export function withoutPageHeader(nodes: readonly XNode[]): { nodes: XNode[]; byline?: string; genre?: string } {
  const elements = nodes.filter((n): n is XElement => typeof n === 'object')
  const header = elements.find((e) => e.name.toLowerCase() === 'header')
  if (!header || elements.length < 2) return { nodes: [...nodes] }
  const byClass = (cls: RegExp) => findAll(header, 'p').find((p) => cls.test(p.attrs.class ?? '')) ?? undefined
  const byline = oneLine(textOf(byClass(/\bbyline\b/)))
  const genre = oneLine(textOf(byClass(/\bgenre\b/)))
  return { nodes: nodes.filter((n) => n !== header), byline: byline || undefined, genre: genre || undefined }
}
