import { agencyLabel, agencyShortName } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { splitDateline, takeDateline } from '../dateline'
import { cleanText } from '../decode'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { isEmbargoLine, isFlagLine } from '../furniture'
import { embargoOf, urgencyOf } from '../meta'
import { BYLINE, headingBlockEnd, readHeadingBlock, tableCells } from '../heading-block'
import { oneLine, squash, typewriterToTypeset } from '../text'
import { assertLinesWithin, blockRead } from '../read-budget'
import type { XElement } from '../xml'
import { slugify } from '@shared/slug'
import { defineWireFormat } from './format'

/**
 * IPTC 7901 (teletype-era text exchange, still sent by dpa and others):
 *
 *   SOH <source+serial> <priority> <category> <word count> <selectors> <agency …>
 *   <keyword/slug line ending "/">
 *   STX <headline> =
 *      <body: a paragraph opens with a three-space indent or follows a blank line; lines wrap at ~70>
 *   <notebook / "not for publication" section, contacts, editors' initials>
 *   ETX <time> EOT
 *
 * The "not for publication" part and anything after it are editor's notes, never body.
 */

const SOH = '\u0001'
const STX = '\u0002'
const ETX = '\u0003'

const NOT_FOR_PUBLICATION =
  /^(the following information is not for publication|not for publication|# ?dpa notebook|\* \* \*|#+ )/i
const INITIALS = /^[a-z]{2,6}( [a-z]{2,4}){1,6}$/

/** Stands in the paragraph list for a run of table rows. */
const TABLE = '\u0000table'

function tableBlocks(rows: string[][]) {
  const tr = (cells: string[]): XElement => ({
    name: 'tr',
    attrs: {},
    children: cells.map((c) => ({ name: 'td', attrs: {}, children: [c] })),
  })
  return blocksFromMarkup([{ name: 'table', attrs: {}, children: rows.map(tr) }]).blocks
}

/** The start of 7901 whose framing was stripped: the header line, then (after blank lines) a keyword line ending "/". */
const UNFRAMED = /^[a-z]{1,6}\d{3,5}[ \t]+\d[ \t]+[a-z]{1,3}[ \t]+\d{1,5}\b[^\n]*\n(?:\s*\n)*[^\n]*\/[ \t]*\r?\n/i

/** The 7901 header line: "bsf025 3 ec 121 etf 967", "eca062 4 i 211 ccccb dpa 061". */
export const HEADER_LINE = /^[a-z]{1,6}\d{3,5}\s+\d\s+[a-z]{1,3}\s+\d{1,5}\b/i

/**
 * Copy whose control characters were stripped on the way (saved from a mail, a web form): the header
 * line and the keyword line are still there, so SOH and STX are put back where they stood.
 */
function withFraming(text: string): string {
  if (text.includes(STX)) return text
  const lines = text.split('\n')
  let k = 0
  while (k < lines.length && !lines[k]!.trim()) k++
  if (!HEADER_LINE.test(lines[k]?.trim() ?? '')) return text
  let j = k + 1
  while (j < lines.length && (!lines[j]!.trim() || /\/\s*$/.test(lines[j]!.trim()))) j++
  lines[k] = SOH + lines[k]!.replace(SOH, '')
  lines[j] = STX + (lines[j] ?? '')
  return lines.join('\n')
}

export function readIptc7901(input: string): WireDraft {
  const draft = blankDraft('iptc7901')
  assertLinesWithin(input) // before any split into lines
  const raw = withFraming(input)
  const soh = raw.indexOf(SOH)
  const stx = raw.indexOf(STX)
  if (stx < 0) throw new WireError('this IPTC 7901 message has no start of text (STX): it is cut off or not 7901')
  const etx = raw.indexOf(ETX, stx)
  const header = cleanText(raw.slice(soh + 1, stx))
    .split('\n')
    .map(squash)
    .filter(Boolean)
  const content = cleanText(raw.slice(stx + 1, etx < 0 ? undefined : etx))

  // Header: "eca062 4 i 211 ccccb   dpa 061", then the keyword line "Germany-politics/".
  const fields = header[0]?.split(/\s+/) ?? []
  const agency =
    fields.slice(4).find((f) => agencyShortName(f)) ?? fields.slice(5).find((f) => /^[A-Za-z]{2,8}$/.test(f))
  if (agency) draft.source.agency = agencyLabel(agencyShortName(agency.replace(/-\w+$/, '')) ?? agency)
  const keyword = header.slice(1).find((line) => line.endsWith('/'))
  if (keyword) draft.slug = slugify(keyword.replace(/\/+$/, ''))
  if (fields[1] === '1') draft.notes.push('Priority 1 (flash) on the wire.')
  draft.urgency = urgencyOf(fields[1])

  const lines = content.split('\n').map((line) => line.replace(/\s+$/, ''))
  let i = 0
  while (i < lines.length && !lines[i]!.trim()) i++
  const end = headingBlockEnd(lines, i)
  if (end >= 0) {
    // dpa's heading block: flags, genre, headline, byline, ending " =" (heading-block.ts).
    const block = readHeadingBlock(lines, i, end)
    draft.headline = typewriterToTypeset(block.headline)
    draft.bylines = block.bylines
    draft.notes.push(...block.notes)
    if (block.embargo) {
      draft.notes.push(block.embargo)
      draft.embargo = embargoOf(undefined, block.embargo)
    }
    i = block.next
  } else {
    while (i < lines.length && isFlagLine(lines[i]!)) draft.notes.push(oneLine(lines[i++]!))
    draft.headline = typewriterToTypeset(oneLine(lines[i++] ?? '').replace(/\s*=$/, ''))
  }

  // Lines between the headline and the body: a lead marker ("1ST LEAD") or a byline ("By Anna Smith, dpa =").
  const paragraphs: string[] = []
  // Table rows ("| FC Augsburg | - | … |") keep their lines; keyed by the paragraph they stand for.
  const tables = new Map<number, string[][]>()
  let current: string[] = []
  // Paragraphs and table rows made so far (each row is a block): counted so a file of millions stops at the limit.
  let made = 0
  const close = () => {
    if (current.length) {
      paragraphs.push(typewriterToTypeset(oneLine(current.join(' '))))
      blockRead(++made)
    }
    current = []
  }
  let inBody = false
  let notesFrom = -1
  // The editors' initials as the last line, straight after the text with no blank line ("dpa xy yz"):
  // a sign-off, never the end of the last paragraph.
  let last = lines.length - 1
  while (last >= 0 && !lines[last]!.trim()) last--
  for (; i < lines.length; i++) {
    const line = lines[i]!
    const text = line.trim()
    if (i === last && inBody && INITIALS.test(text)) break
    if (!inBody && text) {
      // "By Anna Smith, dpa =", "Par Claire Martin =", "Von …": an English "By" line, or any language's ending " =".
      if ((/^by\s/i.test(text) || (BYLINE.test(text) && /\s=$/.test(text))) && text.length < 120) {
        draft.bylines = bylinesFrom(text.replace(/\s*=$/, ''))
        continue
      }
      if (/^\d*(st|nd|rd|th)? ?(lead|update|correction)\b/i.test(text) && text.length < 40) {
        draft.notes.push(text)
        continue
      }
      inBody = true
    }
    if (NOT_FOR_PUBLICATION.test(text)) {
      notesFrom = i
      break
    }
    const cells = tableCells(text)
    if (cells) {
      close()
      const last = paragraphs.length - 1
      const rows = tables.get(last)
      blockRead(++made)
      if (rows && paragraphs[last] === TABLE) rows.push(cells)
      else {
        paragraphs.push(TABLE)
        tables.set(paragraphs.length - 1, [cells])
      }
    } else if (!text) close()
    else {
      if (/^ {2,}\S|^\t/.test(line)) close()
      current.push(text)
    }
  }
  close()
  if (notesFrom >= 0) {
    const rest = lines.slice(notesFrom).map((l) => l.trim())
    while (rest.length && (!rest[rest.length - 1] || INITIALS.test(rest[rest.length - 1]!))) rest.pop()
    const note = rest
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    if (note) draft.notes.push(note)
  }
  // The editors' initials at the very end ("dpa wsz jln npr") are a sign-off, not copy.
  while (paragraphs.length && INITIALS.test(paragraphs[paragraphs.length - 1]!)) paragraphs.pop()

  // Embargo and flag lines between the heading and the text are notes, not the teaser.
  while (paragraphs.length > 1 && (isEmbargoLine(paragraphs[0]!) || isFlagLine(paragraphs[0]!))) {
    if (isEmbargoLine(paragraphs[0]!)) draft.embargo ??= embargoOf(undefined, paragraphs[0])
    draft.notes.push(paragraphs.shift()!)
    for (const [k, rows] of [...tables]) {
      tables.delete(k)
      tables.set(k - 1, rows)
    }
  }
  // dpa sends a teaser paragraph before the one that opens with the dateline: that is the standfirst.
  if (!splitDateline(paragraphs[0] ?? '') && splitDateline(paragraphs[1] ?? '') && paragraphs[0] !== TABLE) {
    draft.standfirst = paragraphs.shift()!
    for (const [k, rows] of [...tables]) {
      tables.delete(k)
      tables.set(k - 1, rows)
    }
  }
  takeDateline(paragraphs, draft.dateline)
  const blocks = paragraphs.flatMap((p, k) => (p === TABLE ? tableBlocks(tables.get(k) ?? []) : paragraphBlocks([p])))
  draft.body = bodyFromBlocks(blocks)
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

export const iptc7901Format = defineWireFormat({
  id: 'iptc7901',
  label: 'IPTC 7901',
  // Tried after ANPA, which can open with SOH too.
  detect: [
    { by: 'framing', test: (head) => head.startsWith('\x01') },
    // Copy whose control characters were stripped: the header line ("bsf025 3 ec 121 …") and a keyword line ending "/".
    { by: 'text', test: (text) => UNFRAMED.test(text) },
  ],
  read: (text) => [readIptc7901(text)],
})
