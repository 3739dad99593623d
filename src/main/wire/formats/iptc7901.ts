import { agencyLabel, agencyShortName } from '../agencies'
import { bodyFromBlocks, paragraphBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { takeDateline } from '../dateline'
import { cleanText } from '../decode'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { oneLine, squash, typewriterToTypeset } from '../text'
import { slugify } from '../../../shared/slug'
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

export function readIptc7901(raw: string): WireDraft {
  const draft = blankDraft('iptc7901')
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
  if (agency) draft.source.agency = agencyLabel(agency)
  const keyword = header.slice(1).find((line) => line.endsWith('/'))
  if (keyword) draft.slug = slugify(keyword.replace(/\/+$/, ''))
  if (fields[1] === '1') draft.notes.push('Priority 1 (flash) on the wire.')

  const lines = content.split('\n').map((line) => line.replace(/\s+$/, ''))
  let i = 0
  while (i < lines.length && !lines[i]!.trim()) i++
  draft.headline = typewriterToTypeset(oneLine(lines[i++] ?? '').replace(/\s*=$/, ''))

  // Lines between the headline and the body: a lead marker ("1ST LEAD") or a byline ("By Anna Smith, dpa =").
  const paragraphs: string[] = []
  let current: string[] = []
  const close = () => {
    if (current.length) paragraphs.push(typewriterToTypeset(oneLine(current.join(' '))))
    current = []
  }
  let inBody = false
  let notesFrom = -1
  for (; i < lines.length; i++) {
    const line = lines[i]!
    const text = line.trim()
    if (!inBody && text) {
      if (/^by\s/i.test(text) && text.length < 120) {
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
    if (!text) close()
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

  takeDateline(paragraphs, draft.dateline)
  draft.body = bodyFromBlocks(paragraphBlocks(paragraphs))
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

export const iptc7901Format = defineWireFormat({
  id: 'iptc7901',
  label: 'IPTC 7901',
  // Tried after ANPA, which can open with SOH too.
  detect: { by: 'framing', test: (head) => head.startsWith('\x01') },
  read: (text) => [readIptc7901(text)],
})
