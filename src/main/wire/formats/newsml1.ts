import { slugify } from '@shared/slug'
import { agencyLabel } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks, takeDatelineFromBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { compactDate } from '../dates'
import { isDateString, placeOfDateline, splitDateline } from '../dateline'
import { bodyContent, firstLine, newsLines, referencedHeadlines, roleText } from '../newsml1-roles'
import { listNode } from '@shared/body'
import { languageOf, urgencyOf } from '../meta'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { looksLikeHtml, parseHtml } from '../html'
import { decodeEntities, oneLine, paragraphsOf } from '../text'
import { child, childrenNamed, find, findAll, textOf, type XElement, type XNode } from '../xml'
import { nitfPicture, readNitf } from './nitf'
import { defineWireFormat } from './format'
import { cleanText } from '../decode'
import { parseXml } from '../xml'

/**
 * NewsML 1.x, the envelope AFP and others used before G2: NewsItem > NewsComponent with NewsLines
 * (HeadLine, SubHeadLine, ByLine, DateLine, SlugLine), metadata (Provider, DateLineDate, Location)
 * and ContentItems whose DataContent is NITF, XHTML or text.
 */

const text = (node: XNode | undefined) => oneLine(decodeEntities(textOf(node)))

function property(scope: XElement | undefined, name: string): string | undefined {
  return findAll(scope, 'Property').find((p) => p.attrs.FormalName === name)?.attrs.Value
}

function readItem(item: XElement): WireDraft {
  const draft = blankDraft('newsml1')
  const component = child(item, 'NewsComponent')
  // NewsLines and the text are found by role, not position (newsml1-roles.ts).
  const lines = newsLines(item)
  draft.headline = firstLine(lines, 'HeadLine') || roleText(item, /^head ?line$/i).join(' ')
  draft.standfirst =
    firstLine(lines, 'SubHeadLine') ||
    roleText(item, /^sub ?head ?line$/i)
      .map((l) => (/[.!?:]$/.test(l) ? l : `${l}.`))
      .join(' ')
  const byline = firstLine(lines, 'ByLine')
  if (byline) draft.bylines = bylinesFrom(byline)
  const slug = firstLine(lines, 'SlugLine') || text(find(item, 'NameLabel'))
  if (slug) draft.slug = slugify(slug)

  // "STOCKHOLM, Aug 29, 2014 (AFP) -": the place and agency; the date comes from DateLineDate.
  const dateline = firstLine(lines, 'DateLine')
  const split = splitDateline(`${dateline} x`)
  const descriptive = find(component, 'DescriptiveMetadata')
  const place = split?.place ?? (property(descriptive, 'City') || placeOfDateline(dateline))
  if (place) draft.dateline.place = place
  const date =
    compactDate(text(find(descriptive, 'DateLineDate'))) ??
    compactDate(text(find(item, 'FirstCreated'))) ??
    (isDateString(dateline) ? compactDate(dateline) : undefined)
  if (date) draft.dateline.date = date

  const party =
    find(find(component, 'Provider'), 'Party')?.attrs.FormalName ||
    firstLine(lines, 'CreditLine') ||
    text(find(item, 'ProviderId'))
  const agency = agencyLabel(party) ?? agencyLabel(split?.source)
  if (agency) draft.source.agency = agency
  if (split?.source) draft.dateline.source = agencyLabel(split.source)

  draft.urgency = urgencyOf(find(item, 'Urgency')?.attrs.FormalName)
  draft.language = languageOf(find(component, 'Language')?.attrs.FormalName)
  const status = find(item, 'Status')?.attrs.FormalName
  if (status && !/usable/i.test(status)) draft.notes.push(`Wire status: ${status}.`)
  for (const usage of findAll(component, 'UsageType')) if (text(usage)) draft.notes.push(`Usage: ${text(usage)}`)
  const contact = roleText(item, /contact/i)
  if (contact.length) draft.notes.push(`Contact: ${contact.join('; ')}`)

  const content = bodyContent(item)
  const data = content && child(content, 'DataContent')
  if (data) {
    const nitf = find(data, 'nitf')
    if (nitf) readNitf(nitf, draft)
    else {
      const elements = data.children.filter((c) => typeof c === 'object')
      const raw = textOf(data)
      const built = elements.length
        ? blocksFromMarkup(elements, { picture: nitfPicture })
        : looksLikeHtml(raw)
          ? blocksFromMarkup(parseHtml(raw), { picture: nitfPicture })
          : { blocks: paragraphBlocks(paragraphsOf(decodeEntities(raw))), pictures: [] }
      takeDatelineFromBlocks(built.blocks, draft.dateline, draft.headline)
      draft.body = bodyFromBlocks(built.blocks)
      draft.pictures.push(...built.pictures)
    }
  } else {
    // A package that only points at other items: what it lists is its body; their text is elsewhere.
    const listed = referencedHeadlines(item)
    if (listed.length) {
      draft.body = bodyFromBlocks([listNode('bullet', listed)])
      draft.notes.push(
        'This NewsML item is a package: it lists other items but does not include their text. The list is the body.',
      )
    }
  }
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

export function readNewsml1(root: XElement): WireDraft[] {
  const items = childrenNamed(root, 'NewsItem')
  if (!items.length) throw new WireError('this NewsML 1 document holds no NewsItem')
  return items.map(readItem)
}

export const newsml1Format = defineWireFormat({
  id: 'newsml1',
  label: 'NewsML 1',
  detect: { by: 'xml-root', roots: ['NewsML'] },
  read: (text) => readNewsml1(parseXml(cleanText(text))),
})
