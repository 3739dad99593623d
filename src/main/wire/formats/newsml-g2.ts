import { listNode } from '@shared/body'
import type { Picture } from '@shared/story'
import { slugify } from '@shared/slug'
import { agencyLabel, agencyShortName } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks, safeUrl, takeDatelineFromBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { placeOfDateline, sourceOfDateline } from '../dateline'
import { withoutPageHeader } from '../furniture'
import { killOfStatus } from '../kill'
import { embargoOf, keywordsOf, languageOf, urgencyOf } from '../meta'
import { isoDate } from '../dates'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { looksLikeHtml, parseHtml } from '../html'
import { pictureOf } from '../pictures'
import { decodeEntities, oneLine, paragraphsOf, plainParagraphs } from '../text'
import { child, childrenNamed, find, findAll, textOf, type XElement, type XNode } from '../xml'
import { nitfPicture, readNitf } from './nitf'
import { defineWireFormat } from './format'
import { cleanText } from '../decode'
import { parseXml } from '../xml'

/**
 * NewsML-G2: a newsItem (or a newsMessage carrying several) with itemMeta (provider, edNote,
 * embargo, links), contentMeta (headline, slugline, by, dateline, located, creator, description)
 * and a contentSet holding the text as inline NITF, inline XHTML or plain inlineData. Picture
 * items in the same message become the text story's pictures.
 */

const text = (node: XNode | undefined) => oneLine(decodeEntities(textOf(node)))

/** "ninat:picture", or the same as a URI ("http://cv.iptc.org/newscodes/ninature/picture"), which G2 allows too. */
function itemClass(item: XElement): string {
  const element = child(child(item, 'itemMeta'), 'itemClass')
  return element?.attrs.qcode ?? element?.attrs.uri ?? 'ninat:text'
}

/** A role that marks a secondary line: "hlrole:subheadline", "hlrole:short", "drol:teaser"... */
const SECONDARY = /sub|short|kicker|overline|strap|teaser|alt|seo|web/i

/** The headline with role main (or none), then one that is not secondary, then the first. */
function mainOf(elements: XElement[]): XElement | undefined {
  return (
    elements.find((e) => !e.attrs.role || /main/i.test(e.attrs.role)) ??
    elements.find((e) => !SECONDARY.test(e.attrs.role ?? '')) ??
    elements[0]
  )
}

function pictureFromItem(item: XElement): Picture | undefined {
  const meta = child(item, 'contentMeta')
  const caption = text(mainOf(childrenNamed(meta, 'description'))) || text(child(meta, 'headline'))
  const credit =
    text(child(meta, 'creditline')) || text(find(child(item, 'rightsInfo'), 'name')) || text(find(meta, 'creator'))
  const alt = text(childrenNamed(meta, 'description').find((d) => /alt|access/i.test(d.attrs.role ?? '')))
  if (!caption && !alt) return undefined
  return pictureOf({ alt, caption, credit })
}

function readContent(item: XElement, draft: WireDraft): void {
  const set = child(item, 'contentSet')
  const inline = child(set, 'inlineXML')
  const data = child(set, 'inlineData')
  let blocks: ReturnType<typeof blocksFromMarkup> | undefined
  if (inline) {
    const nitf = find(inline, 'nitf')
    if (nitf) {
      readNitf(nitf, draft)
      return
    }
    const html = find(inline, 'html')
    const body = find(html ?? inline, 'body')
    const elements = inline.children.filter((c) => typeof c === 'object')
    if (body || html || elements.length) {
      const page = withoutPageHeader((body ?? html ?? inline).children)
      if (!draft.bylines.length && page.byline) draft.bylines = bylinesFrom(page.byline)
      if (page.genre) draft.notes.push(page.genre)
      blocks = blocksFromMarkup(page.nodes, { picture: nitfPicture })
    } else {
      // Some feeds escape the markup inside inlineXML; it arrives as text.
      const raw = textOf(inline)
      if (looksLikeHtml(raw)) blocks = blocksFromMarkup(parseHtml(raw), { picture: nitfPicture })
      else blocks = { blocks: paragraphBlocks(paragraphsOf(decodeEntities(raw))), pictures: [] }
    }
  } else if (data) {
    const raw = textOf(data)
    const type = data.attrs.contenttype ?? ''
    blocks =
      /html/i.test(type) || looksLikeHtml(raw)
        ? blocksFromMarkup(parseHtml(raw), { picture: nitfPicture })
        : { blocks: paragraphBlocks(plainParagraphs(decodeEntities(raw))), pictures: [] }
  }
  if (blocks) {
    takeDatelineFromBlocks(blocks.blocks, draft.dateline, draft.headline)
    draft.body = bodyFromBlocks(blocks.blocks)
    draft.pictures.push(...blocks.pictures)
  }
}

/** IPTC's signal codes in the desk's words (the rest are shown as sent). */
const SIGNALS: Record<string, string> = {
  cwarn: 'content warning',
  correction: 'correction',
  update: 'update',
  actionreq: 'action required',
  hasattachments: 'has attachments',
}

function readItem(item: XElement): WireDraft {
  const draft = blankDraft('newsml-g2')
  const itemMeta = child(item, 'itemMeta')
  const meta = child(item, 'contentMeta')

  const headlines = childrenNamed(meta, 'headline').filter((h) => text(h))
  const main = mainOf(headlines)
  // An item with no headline of its own often has it in itemMeta's title.
  draft.headline = text(main) || text(child(itemMeta, 'title'))
  draft.standfirst = text(
    mainOf(childrenNamed(meta, 'description').filter((d) => !/alt|access/i.test(d.attrs.role ?? ''))),
  )
  // A subheadline is the standfirst when there is no description.
  if (!draft.standfirst) draft.standfirst = text(headlines.find((h) => h !== main && /sub/i.test(h.attrs.role ?? '')))
  const slugline = text(child(meta, 'slugline'))
  if (slugline) draft.slug = slugify(slugline)

  // G2 allows several <by>, one per author.
  const by = childrenNamed(meta, 'by')
    .map((b) => text(b))
    .filter(Boolean)
  if (by.length) draft.bylines = by.flatMap((b) => bylinesFrom(b))
  else
    for (const creator of childrenNamed(meta, 'creator'))
      draft.bylines.push(...bylinesFrom(text(child(creator, 'name')) || creator.attrs.literal || ''))

  const located = child(meta, 'located')
  const dateline = text(child(meta, 'dateline'))
  // located may carry only a literal ("Toronto, ON, Canada") and no name.
  const place = placeOfDateline(dateline) || text(child(located, 'name')) || oneLine(located?.attrs.literal ?? '')
  const datelineSource = sourceOfDateline(dateline)
  if (datelineSource) draft.dateline.source = datelineSource
  if (place) draft.dateline.place = place.replace(/,?\s*$/, '').slice(0, 200)
  draft.dateline.date =
    isoDate(text(child(meta, 'contentCreated'))) ??
    isoDate(text(child(itemMeta, 'firstCreated'))) ??
    isoDate(text(child(itemMeta, 'versionCreated')))

  const provider = child(itemMeta, 'provider')
  // The provider may be an aggregator or a syndication service; an agency we know, wherever the item
  // names it (infoSource, the copyright holder), is the agency. Failing that, the provider as given.
  const named = [
    provider?.attrs.literal,
    provider?.attrs.qcode,
    text(child(provider, 'name')),
    ...childrenNamed(meta, 'infoSource').flatMap((s) => [text(child(s, 'name')), s.attrs.literal, s.attrs.qcode]),
    text(find(child(item, 'rightsInfo'), 'name')),
  ]
  const agency = named.map((n) => agencyShortName(n)).find(Boolean) ?? named.map((n) => agencyLabel(n)).find(Boolean)
  if (agency) draft.source.agency = agency

  for (const note of childrenNamed(itemMeta, 'edNote')) if (text(note)) draft.notes.push(text(note))
  const embargo = text(child(itemMeta, 'embargoed'))
  if (embargo) draft.notes.push(`Embargoed until ${embargo}.`)
  draft.embargo = embargoOf(embargo)
  draft.urgency = urgencyOf(text(child(meta, 'urgency')))
  draft.language = languageOf(child(meta, 'language')?.attrs.tag) ?? languageOf(item.attrs.lang)
  draft.keywords = keywordsOf([
    ...childrenNamed(meta, 'keyword').map((k) => text(k)),
    ...childrenNamed(meta, 'subject')
      .filter((s) => /medtop|subj|abstract/i.test(`${s.attrs.qcode ?? ''} ${s.attrs.type ?? ''}`))
      .map((s) => text(child(s, 'name'))),
  ])
  // IPTC's signals say how to handle the item (a correction, an update, a content warning); an
  // agency's own schemes ("dpasig:isplanned") are its internal bookkeeping and are left out.
  for (const signal of childrenNamed(itemMeta, 'signal')) {
    const code =
      /^sig:(.+)$/i.exec(signal.attrs.qcode ?? '')?.[1] ??
      /\/newscodes\/signal\/(.+)$/.exec(signal.attrs.uri ?? '')?.[1]
    if (code && !/^onlyitem$/i.test(code)) draft.notes.push(`Signal: ${SIGNALS[code.toLowerCase()] ?? code}.`)
  }
  const status = child(itemMeta, 'pubStatus')?.attrs.qcode
  if (status && !/usable/.test(status)) draft.notes.push(`Wire status: ${status.replace(/^stat:/, '')}.`)
  if (item.attrs.guid) draft.source.guid = item.attrs.guid.trim().slice(0, 500)
  const edNotes = childrenNamed(itemMeta, 'edNote').map((n) => text(n))
  const kill = killOfStatus(status, [`pubStatus ${status ?? ''}`, ...edNotes].filter(Boolean).join(' — '))
  if (kill) draft.kill = kill
  const usage = text(find(child(item, 'rightsInfo'), 'usageTerms'))
  if (usage) draft.notes.push(`Usage terms: ${usage}`)

  for (const link of childrenNamed(itemMeta, 'link')) {
    if (!/seeAlso|related/i.test(link.attrs.rel ?? '')) continue
    const url = safeUrl(link.attrs.href)
    const title = link.attrs.title?.trim()
    if (title) draft.related.push(url ? { headline: title, url } : { headline: title })
    else if (url) draft.notes.push(`See also: ${url}`)
  }

  readContent(item, draft)
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

/**
 * A package (or composite) that carries no text of its own: its headline, with the titles of what it
 * groups as the body when it names them, and a note saying the text was not included.
 */
function packageDraft(root: XElement): WireDraft {
  const draft = readItem(root)
  if (!draft.body.root.children.length) {
    const titles = findAll(root, 'itemRef')
      .map((ref) => text(child(ref, 'title')) || text(child(ref, 'headline')))
      .filter(Boolean)
    if (titles.length) draft.body = bodyFromBlocks([listNode('bullet', titles)])
  }
  draft.notes.push(
    'This NewsML-G2 package refers to items that were not included, so their text was not imported: only its headline, details and the titles it lists.',
  )
  return draft
}

export function readNewsmlG2(root: XElement): WireDraft[] {
  const items = root.name === 'newsItem' ? [root] : findAll(root, 'newsItem')
  if (root.name === 'packageItem' && !items.length) return [packageDraft(root)]
  const texts = items.filter((item) => /text|composite/.test(itemClass(item)))
  const pictures = items
    .filter((item) => /picture|graphic/.test(itemClass(item)))
    .map(pictureFromItem)
    .filter((p): p is Picture => p !== undefined)
  if (!texts.length && root.name === 'packageItem') return [packageDraft(root)]
  if (!texts.length)
    throw new WireError('this NewsML-G2 message holds no text item (only pictures, video or other media)')
  const drafts = texts.map(readItem)
  drafts[0]!.pictures.push(...pictures)
  return drafts
}

export const newsmlG2Format = defineWireFormat({
  id: 'newsml-g2',
  label: 'NewsML-G2',
  detect: { by: 'xml-root', roots: ['newsItem', 'newsMessage', 'packageItem'] },
  read: (text) => readNewsmlG2(parseXml(cleanText(text))),
})
