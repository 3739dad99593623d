import { agencyShortName } from '../agencies'
import { bodyFromBlocks, paragraphBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { dateFromLine } from '../dates'
import { blankDraft, type WireDraft } from '../draft'
import { pictureOf, splitCredit } from '../pictures'
import { decodeEntities, squash } from '../text'
import { defineWireFormat } from './format'
import { cleanText } from '../decode'
import { blockRead } from '../read-budget'

/**
 * Plain text copied or scraped from a news site. No standard exists, so this reads the shape such
 * pages share (a PA story on a UK site is the model):
 *
 *   headline / date line / picture alt / caption ending "Picture: AGENCY" / standfirst / body…
 *   "By Press Association" / "Latest World News" / a picture line and a headline per story…
 *
 * Each part is recognised by what it looks like, never by position alone; whatever is not
 * recognised stays in the body, so no line of copy is silently lost.
 */

const RELATED_HEADING =
  /^(latest( [\p{L} ]{1,30})? (news|stories)|more (on|about) this story|more stories|more from [\p{L} ]{1,30}|related( stories| articles| content| news)?|read more|recommended( for you)?|you may also like|most read|most popular|top stories|in other news)$/iu
const CHROME =
  /^(see (more|all)\b.{0,60}|share( this( article| story| page)?)?( on \w+)?|advertisement|advert|sponsored( content)?|sign up\b.{0,80}newsletter.{0,40}|follow us\b.{0,60}|comments?|view comments|show comments|skip to (main )?content|accept( all)? cookies|we use cookies\b.*|(image|picture|photo) \d+ of \d+|listen to (this )?article|print|email)$/i
const BYLINE = /^by\s+\S/i

function isByline(text: string): boolean {
  return BYLINE.test(text) && text.length <= 100 && text.split(/\s+/).length <= 14 && !/[.!?]$/.test(text)
}

function isCreditLine(text: string): boolean {
  return text.length <= 600 && splitCredit(text).credit !== undefined
}

const endsSentence = (text: string) => /[.!?]["'”’)]?$/.test(text)

/** The non-empty lines of text[start, end), squashed, one at a time. */
function* linesOf(text: string, start: number, end: number): Generator<string> {
  while (start <= end) {
    let stop = text.indexOf('\n', start)
    if (stop < 0 || stop > end) stop = end
    const line = squash(text.slice(start, stop))
    if (line) yield line
    start = stop + 1
  }
}

const isWrappedLine = (line: string) => line.length >= 45 && line.length <= 90

/** A group of lines that were hard-wrapped (~70 columns): every line but the last is of that width. */
function isWrapped(text: string, start: number, end: number): boolean {
  let count = 0
  let previous = ''
  for (const line of linesOf(text, start, end)) {
    if (count++ && !isWrappedLine(previous)) return false // stops at the first short line: a list of a million lines is not read twice
    previous = line
  }
  return count > 1
}

/**
 * Lines to paragraphs: blank lines separate; a group of hard-wrapped lines (~70 columns) is one
 * paragraph. Read a group at a time and counted as they are made (blockRead), so a file of millions
 * of short paragraphs is refused at the story's limit instead of being built whole first.
 */
function paragraphsOf(text: string): string[] {
  const out: string[] = []
  const groupBreak = /\n[ \t]*\n/g
  for (let start = 0; start <= text.length;) {
    const found = groupBreak.exec(text)
    const end = found ? found.index : text.length
    if (isWrapped(text, start, end)) {
      out.push([...linesOf(text, start, end)].join(' '))
      blockRead(out.length)
    } else {
      for (const line of linesOf(text, start, end)) {
        out.push(line)
        blockRead(out.length)
      }
    }
    if (!found) break
    start = groupBreak.lastIndex
  }
  return out
}

/**
 * The stories listed after a "Latest … News" heading. Sites print a picture line (its alt or
 * caption) above each headline; when the list pairs up that way - an even count, captions that
 * read as sentences, headlines that never end in a full stop - only the headlines are kept.
 */
function relatedHeadlines(lines: string[]): string[] {
  const items = lines.filter((line) => !CHROME.test(line))
  const pictureSide = items.filter((_, i) => i % 2 === 0)
  const headlineSide = items.filter((_, i) => i % 2 === 1)
  const paired =
    items.length >= 2 &&
    items.length % 2 === 0 &&
    headlineSide.every((line) => !/\.$/.test(line)) &&
    pictureSide.some((line) => /\.$/.test(line))
  const headlines = paired ? headlineSide : items.filter((line) => !/\.$/.test(line))
  return headlines.filter((line) => line.length <= 500)
}

export function readScrapedText(text: string): WireDraft {
  const draft = blankDraft('scraped-text')
  const paras = paragraphsOf(decodeEntities(text))
  if (!paras.length) return draft
  // A first line that is a whole paragraph of copy is not a headline: keep it in the body.
  const headline = paras[0]!
  const hasHeadline = headline.length <= 300 || !endsSentence(headline)
  if (hasHeadline) draft.headline = headline.slice(0, 1000)
  else draft.notes.push('No headline was found: the copy starts with a paragraph of text.')

  // The head: date line, a byline at the top, the picture (alt, then caption with its credit).
  let i = hasHeadline ? 1 : 0
  let pendingAlt: string | undefined
  for (; i < paras.length && i < 10; i++) {
    const p = paras[i]!
    if (!draft.dateline.date) {
      const date = dateFromLine(p)
      if (date) {
        draft.dateline.date = date
        continue
      }
    }
    if (isByline(p) && !draft.bylines.length) {
      draft.bylines = bylinesFrom(p)
      continue
    }
    if (isCreditLine(p)) {
      draft.pictures.push(pictureOf({ alt: pendingAlt, caption: p }))
      pendingAlt = undefined
      continue
    }
    const next = paras[i + 1]
    if (pendingAlt === undefined && p.length <= 250 && next !== undefined && isCreditLine(next)) {
      pendingAlt = p
      continue
    }
    break
  }
  const headEnd = i

  // The tail: related list, the byline above it, site chrome.
  let end = paras.length
  let relatedAt = -1
  for (let k = headEnd; k < paras.length; k++) {
    if (RELATED_HEADING.test(paras[k]!)) {
      relatedAt = k
      break
    }
  }
  if (relatedAt >= 0) {
    draft.related = relatedHeadlines(paras.slice(relatedAt + 1)).map((headline) => ({ headline }))
    end = relatedAt
  }
  while (end > headEnd && CHROME.test(paras[end - 1]!)) end--
  if (end > headEnd && isByline(paras[end - 1]!)) {
    const found = bylinesFrom(paras[end - 1]!)
    const known = new Set(draft.bylines.map((b) => b.name))
    draft.bylines.push(...found.filter((b) => !known.has(b.name)))
    end--
  } else if (end > headEnd && agencyShortName(paras[end - 1]) && paras[end - 1]!.length <= 40) {
    draft.bylines.push({ name: paras[end - 1]!, kind: 'agency' })
    end--
  }

  const body = paras.slice(headEnd, end).filter((p) => !CHROME.test(p))
  // A standfirst sits between the head and the intro and is shorter than the intro it introduces.
  const [first, second] = body
  const hasHead = headEnd > (hasHeadline ? 1 : 0)
  if (
    hasHead &&
    first !== undefined &&
    second !== undefined &&
    body.length >= 3 &&
    first.length <= 250 &&
    first.length < second.length * 0.8 &&
    (first.match(/[.!?](\s|$)/g)?.length ?? 0) <= 2 &&
    !isByline(first)
  ) {
    draft.standfirst = first
    body.shift()
  }
  draft.body = bodyFromBlocks(paragraphBlocks(body))

  const agency =
    draft.bylines.map((b) => (b.kind === 'agency' ? agencyShortName(b.name) : undefined)).find(Boolean) ??
    draft.pictures.map((p) => agencyShortName(p.credit)).find(Boolean)
  if (agency) draft.source.agency = agency
  return draft
}

export const scrapedTextFormat = defineWireFormat({
  id: 'scraped-text',
  label: 'text',
  // Whatever else is text: the catch-all, so it is registered last.
  detect: { by: 'text', test: () => true },
  read: (text) => [readScrapedText(cleanText(text))],
})
