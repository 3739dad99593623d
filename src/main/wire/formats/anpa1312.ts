import { slugify } from '@shared/slug'
import { agencyLabel, agencyShortName, isAgencyName } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { takeDateline } from '../dateline'
import { anpaSignoffDate } from '../dates'
import { cleanText } from '../decode'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { isFlagLine } from '../furniture'
import { urgencyOf } from '../meta'
import { oneLine, typewriterToTypeset } from '../text'
import { assertLinesWithin, blockRead } from '../read-budget'
import { defineWireFormat } from './format'
import { listNode } from '@shared/body'

/**
 * ANPA 1312 (the US newspaper wire format; AP's classic feed):
 *
 *   SYN SYN SOH <service><message number> US <selectors>
 *   <priority> <category> DC3|DC4 DC1|DC2 <keyword> <version> <MM-DD> <word count>
 *   STX ^<keyword>,<words><        header lines start "^" and end "<" or "="
 *   ^<headline><
 *   ^AP Photo …<  ^Eds: …<          picture references and notes to editors
 *   ^By NAME and NAME=  ^Associated Press=
 *   TAB   BUENOS AIRES, Argentina (AP) _ For…     a paragraph per TAB-led line
 *   ETX AP-WF-11-13-13 1509GMT<     sign-off with the transmission time
 *
 * DC2 marks tabular copy (agate, tables): its lines are kept as they are.
 */

const STX = '\u0002'
const ETX = '\u0003'
const KEYWORD_LINE = /^[A-Za-z]{1,3}-[A-Za-z0-9]{1,6}--.+,\s*\d{1,5}$|^[\w-]+--[\w-]+.*,\s*\d{1,5}$/

function headerText(line: string): string {
  return oneLine(line.replace(/^\^/, '').replace(/[<=]\s*$/, ''))
}

/** "BC-LT--Argentina-Cancer Beauty,466" -> "Argentina-Cancer Beauty"; version notes ("1st Ld-Writethru") apart. */
function keywordParts(line: string): { keyword: string; version?: string } {
  const withoutCount = line.replace(/,\s*\d{1,5}$/, '')
  const withoutCycle = withoutCount
    .replace(/^[A-Za-z]{1,3}-[A-Za-z0-9]{1,6}--/, '')
    .replace(/^(?:BC|AM|PM)-(?=.*-)/i, '')
  const [keyword, ...version] = withoutCycle.split(/,\s*/)
  return { keyword: keyword!.trim(), version: version.join(', ') || undefined }
}

/** AP's headline-list advisories: "AP Top Entertainment News at 11:23 p.m.", "AP Top News at 3 a.m. EST". */
const HEADLINE_LIST = /^AP Top\b.*\b(?:News|Headlines|Stories)\b.*\bat\b/i

/** A keyword line without the cycle prefix: "Britain-Royals,0452", or the keyword the framing already gave. */
function isKeywordLine(line: string, framingKeyword: string | undefined): boolean {
  if (
    framingKeyword &&
    framingKeyword.length >= 4 &&
    /-/.test(framingKeyword) &&
    line.replace(/,\s*\d{1,5}$/, '').startsWith(framingKeyword.replace(/,.*$/, ''))
  )
    return true
  return /^[\w-]+(?:-[\w-]+)+(?:\s+[\w-]+){0,3},\s*\d{1,5}$/.test(line) && !/\s/.test(line.replace(/,.*$/, '').trim())
}

export function readAnpa(raw: string): WireDraft {
  const draft = blankDraft('anpa1312')
  const stx = raw.indexOf(STX)
  if (stx < 0) throw new WireError('this ANPA message has no start of text (STX): it is cut off or not ANPA 1312')
  const etx = raw.indexOf(ETX, stx)
  const header = raw.slice(0, stx)
  // eslint-disable-next-line no-control-regex -- ANPA framing is control characters
  const tabular = /\u0012/.test(header)
  const signoff = etx < 0 ? '' : (cleanText(raw.slice(etx + 1)).split('\n')[0] ?? '')
  const content = cleanText(raw.slice(stx + 1, etx < 0 ? undefined : etx))
  if (etx < 0) draft.notes.push('The message has no end of text (ETX): it may be cut off.')

  // The line after SOH opens with the priority letter (f flash, b bulletin, u urgent, r routine, d deferred).
  // eslint-disable-next-line no-control-regex -- ANPA framing is control characters
  draft.urgency = urgencyOf(/\n\s*([a-z])\s+[a-z]\s*[\x13\x14]/i.exec(header)?.[1])
  const date = anpaSignoffDate(signoff)
  if (date) draft.dateline.date = date

  assertLinesWithin(content) // before the split: a list of millions of lines is hundreds of megabytes
  const lines = content.split('\n')
  let i = 0
  const headers: string[] = []
  while (i < lines.length && (lines[i]!.startsWith('^') || !lines[i]!.trim())) {
    if (lines[i]!.trim()) headers.push(headerText(lines[i]!))
    i++
  }
  // The first header line is the keyword line (slug and word count), then the headline. Some feeds
  // write the keyword without the cycle prefix ("Britain-Royals,0452") or repeat the framing's keyword.
  // eslint-disable-next-line no-control-regex -- ANPA framing is control characters
  const framingKeyword = /[\u0011\u0012]\s*(\S+)/.exec(header)?.[1]
  if (headers[0] && (KEYWORD_LINE.test(headers[0]) || isKeywordLine(headers[0], framingKeyword))) {
    const { keyword, version } = keywordParts(headers.shift()!)
    draft.slug = slugify(keyword)
    if (version) draft.notes.push(version)
  } else {
    // eslint-disable-next-line no-control-regex -- ANPA framing is control characters
    const keyword = /\u0011|\u0012/.test(header) ? /[\u0011\u0012]\s*(\S+)/.exec(header)?.[1] : undefined
    if (keyword) draft.slug = slugify(keywordParts(keyword).keyword)
  }
  // A flag line ("AP-NewsAlert", "URGENT") before the headline is a note; a news alert has no headline at all.
  while (headers[0] && isFlagLine(headers[0])) draft.notes.push(headers.shift()!)
  draft.headline = typewriterToTypeset(headers.shift() ?? '')
  // "AP Top Entertainment News at 11:23 p.m." and then a list of headlines: the list is the body.
  const headlineList = HEADLINE_LIST.test(draft.headline)
  const listed: string[] = []
  let title: string | undefined
  for (let k = 0; k < headers.length; k++) {
    const line = headers[k]!
    if (/^by\s/i.test(line)) {
      const next = headers[k + 1]
      if (next && !/^(by\s|eds?:|ap photos?\b)/i.test(next) && next.length <= 60) {
        title = next
        k++
      }
      draft.bylines.push(...bylinesFrom(line, title && !isAgencyName(title) ? title : undefined))
      if (title && isAgencyName(title)) draft.bylines.push({ name: title, kind: 'agency' })
    } else if (headlineList && !/^(eds?:|ap photos?\b)/i.test(line)) {
      listed.push(typewriterToTypeset(line))
    } else if (/^(eds?:|editor'?s note|ap photos?\b|with ap photos?|photos?:)/i.test(line)) {
      draft.notes.push(typewriterToTypeset(line))
    } else if (!draft.standfirst && line.length > 80 && /[.!?]["'”]?$/.test(line)) {
      draft.standfirst = typewriterToTypeset(line)
    } else {
      draft.notes.push(typewriterToTypeset(line))
    }
  }

  const bodyLines = lines.slice(i)
  if (tabular) {
    const text = typewriterToTypeset(
      bodyLines
        .map((l) => l.replace(/^\t/, '').replace(/\s+$/, ''))
        .join('\n')
        .trim(),
    )
    draft.body = bodyFromBlocks(blocksFromMarkup([{ name: 'pre', attrs: {}, children: [text] }]).blocks)
  } else {
    const paragraphs: string[] = []
    let current: string[] = []
    const close = () => {
      if (current.length) {
        paragraphs.push(typewriterToTypeset(oneLine(current.join(' '))))
        blockRead(paragraphs.length) // a file of millions of paragraphs stops at the story's limit
      }
      current = []
    }
    for (const line of bodyLines) {
      if (!line.trim()) close()
      else {
        // A paragraph opens with a TAB, or with the spaces some feeds put in its place.
        if (/^(?:\t| {2,}\S)/.test(line)) close()
        current.push(line.trim())
      }
    }
    close()
    // EDITOR'S NOTE paragraphs go to the notes; "___" dividers are layout, not words.
    const kept = paragraphs.filter((p) => {
      if (/^editor['’]?s note\b/i.test(p)) {
        draft.notes.push(p)
        return false
      }
      return !/^_{2,}$/.test(p)
    })
    takeDateline(kept, draft.dateline)
    draft.body = bodyFromBlocks(paragraphBlocks(kept))
  }
  if (listed.length) draft.body.root.children.unshift(listNode('bullet', listed))

  const fromSignoff = /^\s*([A-Z]{2,6})-/.exec(signoff)?.[1]
  const agency =
    draft.dateline.source ??
    (fromSignoff && agencyShortName(fromSignoff)) ??
    draft.bylines.find((b) => b.kind === 'agency')?.name
  if (agency) draft.source.agency = agencyLabel(agency)
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

export const anpa1312Format = defineWireFormat({
  id: 'anpa1312',
  label: 'ANPA 1312',
  detect: {
    by: 'framing',
    // SYN SYN SOH; some ANPA feeds drop the SYNs, but their second line still carries DC3/DC4 then DC1/DC2.
    // eslint-disable-next-line no-control-regex -- ANPA framing is control characters
    test: (head) => head.startsWith('\x16') || (head.startsWith('\x01') && /[\x13\x14][\x11\x12]/.test(head)),
  },
  read: (text) => [readAnpa(text)],
})
