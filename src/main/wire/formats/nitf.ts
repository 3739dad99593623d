import type { Picture } from '@shared/story'
import { slugify } from '@shared/slug'
import { agencyLabel } from '../agencies'
import {
  blocksFromMarkup,
  bodyFromBlocks,
  dropTrailing,
  paragraphBlocks,
  safeUrl,
  takeDatelineFromBlocks,
} from '../blocks'
import { bylinesFrom } from '../bylines'
import { placeOfDateline, sourceOfDateline } from '../dateline'
import { killOfStatus } from '../kill'
import { embargoOf, keywordsOf, languageOf, urgencyOf } from '../meta'
import { compactDate, isoDate } from '../dates'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { pictureOf } from '../pictures'
import { decodeEntities, oneLine, plainParagraphs } from '../text'
import { child, childrenNamed, find, findAll, path, textOf, type XElement, type XNode } from '../xml'
import { defineWireFormat } from './format'
import { cleanText } from '../decode'
import { parseXml } from '../xml'

/**
 * NITF 3.x, with or without a namespace (AP uses one, PA none; the XML reader drops prefixes and
 * we match on local names). Headline, byline, dateline and abstract live in body/body.head; head
 * holds metadata (docdata: copyright, date.issue, ed-msg, management status). The body is
 * body.content through the allowlist of blocks.ts; images (media) become pictures.
 */

const text = (node: XNode | undefined) => oneLine(decodeEntities(textOf(node)))

/** NITF <media media-type="image">: reference (source, alternate text), caption, producer (the credit). */
export function nitfPicture(element: XElement): Picture | undefined {
  const name = element.name.toLowerCase()
  if (name === 'img') {
    const alt = element.attrs.alt?.trim()
    return alt || element.attrs.title ? pictureOf({ alt, caption: element.attrs.title ?? '' }) : undefined
  }
  if (name === 'figure') {
    const img = find(element, 'img')
    const caption = find(element, 'figcaption')
    if (!img?.attrs.alt && !text(caption)) return undefined
    return pictureOf({ alt: img?.attrs.alt, caption: text(caption) })
  }
  const type = (element.attrs['media-type'] ?? '').toLowerCase()
  if (type && type !== 'image' && type !== 'photo' && type !== 'graphic') return undefined
  const reference = child(element, 'media-reference')
  const caption = text(child(element, 'media-caption'))
  const producer = text(child(element, 'media-producer'))
  const alt = reference?.attrs['alternate-text'] ?? reference?.attrs.alt ?? ''
  if (!caption && !alt && !producer) return undefined
  return pictureOf({ alt: decodeEntities(alt), caption, credit: producer })
}

/**
 * The place a <location> names. Written with its own separators ("<city>RENO</city>, <state>Nev.</state>")
 * it is read as written; parts with nothing between them (<city>Naha</city><country>Japan</country>)
 * are joined with commas, so neither "Naha" alone nor "NahaJapan".
 */
function placeOfLocation(location: XElement | undefined): string {
  if (!location) return ''
  const separated = location.children.some((c) => typeof c === 'string' && /[^\s]/.test(c))
  if (separated) return placeOfDateline(text(location))
  const parts = location.children.map((c) => text(c)).filter(Boolean)
  return parts.join(', ')
}

/** Byline text without its title (byttl) and the leading "By". */
function bylinesOfNitf(byline: XElement): ReturnType<typeof bylinesFrom> {
  const title = text(child(byline, 'byttl'))
  const persons = childrenNamed(byline, 'person').map((p) => text(p))
  const own = byline.children
    .filter((c) => typeof c === 'string' || (c.name !== 'byttl' && c.name !== 'person'))
    .map((c) => textOf(c))
    .join(' ')
  const words = persons.length ? persons.join(' and ') : decodeEntities(own)
  return bylinesFrom(words, title || undefined)
}

/** Read the story of an <nitf> element (also what NewsML inlines). */
export function readNitf(nitf: XElement, draft: WireDraft = blankDraft('nitf')): WireDraft {
  const head = child(nitf, 'head')
  const body = child(nitf, 'body')
  const bodyHead = child(body, 'body.head')
  const docdata = child(head, 'docdata')

  const hedline = child(bodyHead, 'hedline')
  draft.headline ||= text(child(hedline, 'hl1')) || text(child(head, 'title'))
  const subhead = text(child(hedline, 'hl2'))
  const abstract = child(bodyHead, 'abstract')
  draft.standfirst ||= abstract ? text(abstract) : subhead !== draft.headline ? subhead : ''

  if (!draft.bylines.length)
    for (const byline of childrenNamed(bodyHead, 'byline')) draft.bylines.push(...bylinesOfNitf(byline))
  const dateline = child(bodyHead, 'dateline')
  if (dateline) {
    const location = child(dateline, 'location')
    // The dateline's own words, not its story.date (EFE repeats the timestamp there): never a date as the place.
    const own = dateline.children.filter((c) => typeof c === 'string' || c.name !== 'story.date')
    const words = oneLine(decodeEntities(own.map((c) => textOf(c)).join(' ')))
    const written = placeOfDateline(words)
    const place = placeOfLocation(location) || written
    if (place && !draft.dateline.place) draft.dateline.place = place.slice(0, 200)
    // "ISTANBUL, Nov 20 (AFP) -": the agency in the brackets is the dateline's source.
    const source = sourceOfDateline(words)
    if (source && !draft.dateline.source) draft.dateline.source = source
    const storyDate = child(dateline, 'story.date')
    draft.dateline.date ??= compactDate(storyDate?.attrs.norm) ?? isoDate(storyDate?.attrs.norm)
  }
  draft.dateline.date ??=
    compactDate(child(docdata, 'date.issue')?.attrs.norm) ?? isoDate(child(docdata, 'date.issue')?.attrs.norm)

  const holder = child(docdata, 'doc.copyright')?.attrs.holder
  const distributor = text(child(bodyHead, 'distributor'))
  const agency = agencyLabel(holder) ?? agencyLabel(distributor) ?? agencyLabel(child(docdata, 'doc-id')?.attrs.regsrc)
  if (agency && !draft.source.agency) draft.source.agency = agency

  const keyword = child(child(docdata, 'key-list'), 'keyword')?.attrs.key ?? child(docdata, 'du-key')?.attrs.key
  if (keyword && !draft.slug) draft.slug = slugify(keyword)

  const edMsg = child(docdata, 'ed-msg')?.attrs.info?.trim()
  if (edMsg) draft.notes.push(decodeEntities(edMsg))
  const status = docdata?.attrs['management-status']
  if (status && status !== 'usable') draft.notes.push(`Wire status: ${status}.`)
  const docId = child(docdata, 'doc-id')?.attrs['id-string']?.trim()
  if (docId) draft.source.guid = docId.slice(0, 500)
  const kill = killOfStatus(status, [`management-status ${status ?? ''}`, edMsg].filter(Boolean).join(' — '))
  if (kill) draft.kill = kill
  const embargo = child(docdata, 'date.release')?.attrs.norm
  if (embargo) draft.notes.push(`Embargoed until ${compactDate(embargo) ?? embargo}.`)
  draft.embargo ??= embargoOf(embargo)
  draft.urgency ??= urgencyOf(child(docdata, 'urgency')?.attrs['ed-urg'])
  draft.language ??= languageOf(nitf.attrs.baselang) ?? languageOf(nitf.attrs.lang)
  if (!draft.keywords?.length)
    draft.keywords = keywordsOf(childrenNamed(child(docdata, 'key-list'), 'keyword').map((k) => k.attrs.key))

  const content = child(body, 'body.content')
  // body.content should hold <p>s, but some agencies send it as plain text, paragraphs split by blank lines.
  const plainOnly = content && content.children.every((c) => typeof c === 'string')
  const built = plainOnly
    ? { blocks: paragraphBlocks(plainParagraphs(decodeEntities(textOf(content)))), pictures: [] }
    : blocksFromMarkup(content ? content.children : [], { picture: nitfPicture })
  const tagline = path(body, 'body.end', 'tagline')
  for (const m of findAll(child(body, 'body.end'), 'a')) {
    // A mailto: in the tagline is how to reach the reporter, not a related story (the tagline keeps it).
    if (/^\s*mailto:/i.test(m.attrs.href ?? '') || (tagline && findAll(tagline, 'a').includes(m))) continue
    const url = safeUrl(m.attrs.href)
    const headline = text(m)
    if (headline) draft.related.push(url ? { headline, url } : { headline })
  }
  // PA ends with "ends"; AFP with the editors' initials ("hh/ph/ts/hd").
  dropTrailing(built.blocks, (t) => /^(ends|end|more|-?30-|#+)$/i.test(t) || /^[a-z]{1,4}(\/[a-z]{1,4}){1,8}$/.test(t))
  const taglineText = text(tagline)
  // A tagline of addresses only ("kari@ntb.no/per@ntb.no") is a contact for the desk; words are copy.
  if (taglineText && /^[\s/,;]*(?:[\w.+-]+@[\w.-]+[\s/,;]*)+$/.test(taglineText))
    draft.notes.push(`Contact: ${taglineText}`)
  else if (taglineText) built.blocks.push(...blocksFromMarkup([taglineText]).blocks)
  takeDatelineFromBlocks(built.blocks, draft.dateline, draft.headline)
  draft.body = bodyFromBlocks(built.blocks)
  draft.pictures.push(...built.pictures)
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

export function readNitfDocument(root: XElement): WireDraft {
  if (root.name !== 'nitf') throw new WireError(`expected an <nitf> document, found <${root.name}>`)
  return readNitf(root)
}

export const nitfFormat = defineWireFormat({
  id: 'nitf',
  label: 'NITF',
  detect: { by: 'xml-root', roots: ['nitf'] },
  read: (text) => [readNitfDocument(parseXml(cleanText(text)))],
})
