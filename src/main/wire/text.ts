import { blockRead } from './read-budget'

/**
 * Small text repairs shared by the importers: entities left in copy as text, typewriter quotes and
 * dashes, ALL-CAPS names, whitespace.
 */

/** The named entities that turn up in wire copy (NITF's DTD, HTML feeds), beyond XML's own five. */
// prettier-ignore
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘',
  rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', hellip: '…', bull: '•', middot: '·',
  pound: '£', euro: '€', yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™', deg: '°', frac12: '½',
  frac14: '¼', frac34: '¾', times: '×', divide: '÷', plusmn: '±', sect: '§', para: '¶', laquo: '«',
  raquo: '»', iexcl: '¡', iquest: '¿', shy: '', thinsp: ' ', ensp: ' ', emsp: ' ', prime: '′', Prime: '″',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù',
  uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß', Agrave: 'À', Aacute: 'Á',
  Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É',
  Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï', Ntilde: 'Ñ', Ograve: 'Ò',
  Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û',
  Uuml: 'Ü', Yacute: 'Ý', oelig: 'œ', OElig: 'Œ', scaron: 'š', Scaron: 'Š', zcaron: 'ž', Zcaron: 'Ž',
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,9}));/g

function fromCodePoint(code: number): string | undefined {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  return String.fromCodePoint(code)
}

/**
 * Decode entities that survived as text: XML we parse leaves named HTML entities alone (no DTD is
 * read), and some feeds escape twice ("&amp;#39;" arrives as "&#39;"). Unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return fromCodePoint(Number(dec)) ?? whole
    if (hex) return fromCodePoint(parseInt(hex, 16)) ?? whole
    return NAMED[name!] ?? whole
  })
}

/** Runs of spaces and tabs to one space; the ends trimmed. Newlines are the caller's business. (No-break spaces are already spaces: see cleanText.) */
export function squash(text: string): string {
  return text.replace(/[ \t]{2,}|\t/g, ' ').trim()
}

/** One line: every kind of whitespace to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Typewriter conventions of old agency copy (AP ANPA, teletype 7901): ``quotes'' and `single'
 * quotes, " _ " and " -- " for a dash. Straight apostrophes are left alone: they are ambiguous.
 */
export function typewriterToTypeset(text: string): string {
  return text
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/`/g, '‘')
    .replace(/ (?:_|--) /g, ' — ')
    .replace(/ (?:_|--)$/gm, ' —')
}

const LOWER_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'y',
  'e',
  'dos',
  'das',
  'ter',
  'ten',
])

function titleWord(word: string, first: boolean): string {
  const lower = word.toLowerCase()
  if (!first && LOWER_PARTICLES.has(lower)) return lower
  // O'BRIEN -> O'Brien, SMITH-JONES -> Smith-Jones, MCDONALD -> McDonald ("Mac" is left: Mack, Macy)
  return lower
    .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_m, letter: string) => 'Mc' + letter.toUpperCase())
}

/**
 * "PAUL BYRNE" -> "Paul Byrne", "Paul BYRNE" -> "Paul Byrne". Words the agency wrote in mixed case
 * (McDonald, d'Emilio) are kept exactly as written.
 */
export function titleCaseName(name: string): string {
  return name
    .split(/(\s+)/)
    .map((part, index) => {
      // "McDONALD", "MacLEOD": the agency capitalised only the part after the prefix.
      const prefixed = /^(Mc|Mac)(\p{Lu}{2,})$/u.exec(part)
      if (prefixed) return prefixed[1]! + prefixed[2]![0] + prefixed[2]!.slice(1).toLowerCase()
      return /\p{Ll}/u.test(part) || !/\p{Lu}{2}/u.test(part) ? part : titleWord(part, index === 0)
    })
    .join('')
}

/**
 * Lines into paragraphs: blank lines separate paragraphs; the lines of one paragraph are joined.
 * Counted as they are made (blockRead): a body of millions of paragraphs stops at the story's limit.
 */
export function paragraphsOf(text: string): string[] {
  const out: string[] = []
  const paragraphBreak = /\n\s*\n/g
  for (let start = 0; start <= text.length;) {
    const found = paragraphBreak.exec(text)
    const paragraph = oneLine(text.slice(start, found ? found.index : text.length))
    if (paragraph) {
      out.push(paragraph)
      blockRead(out.length)
    }
    if (!found) break
    start = paragraphBreak.lastIndex
  }
  return out
}

/**
 * Plain text as paragraphs. Blank lines separate paragraphs where the text has any; text with none
 * is either hard-wrapped (short lines of one paragraph, joined) or one paragraph a line (agencies'
 * inlineData): lines that end a sentence and run long are each a paragraph, so none are run together.
 */
export function plainParagraphs(text: string): string[] {
  const trimmed = text.trim()
  if (/\n\s*\n/.test(trimmed)) return paragraphsOf(trimmed)
  const lines = trimmed
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const sentences = lines.filter((l) => /[.!?:»”"')]$/.test(l)).length
  if (lines.length > 1 && sentences >= lines.length - 1 && lines.some((l) => l.length > 90)) {
    for (let i = 1; i <= lines.length; i++) blockRead(i) // counted as paragraphsOf counts
    return lines
  }
  return paragraphsOf(trimmed)
}
