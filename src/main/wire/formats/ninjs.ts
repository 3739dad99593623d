import type { Picture } from '@shared/story'
import { slugify } from '@shared/slug'
import { agencyLabel, isAgencyName } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks, safeUrl, takeDatelineFromBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { isoDate } from '../dates'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { parseHtml } from '../html'
import { pictureOf } from '../pictures'
import { decodeEntities, oneLine, plainParagraphs } from '../text'
import { nitfPicture } from './nitf'
import { killOfStatus } from '../kill'
import { embargoOf, keywordsOf, languageOf, urgencyOf } from '../meta'
import { defineWireFormat } from './format'
import { cleanText } from '../decode'

/**
 * ninjs, IPTC's News in JSON, in all three generations:
 *   1.x  headline, body_html / body_text, description_text, byline, located, associations {name: item}
 *   2.x  headlines [{role, value}], bodies [{role, contenttype, value}], descriptions, by, associations [...]
 *   3.x  as 2.x with camelCase (contentType, versionCreated, firstCreated)
 * Property names are read in any case (lowerKeys), so all three, and capitalised keys, are one spelling.
 * The version is read from $standard / standard when present, else from the shape. Search-result
 * envelopes ({item: [...]}, {items: [...]}, {data: {item}}) and plain arrays carry several stories.
 */

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** A role/value list (2.x headlines, bodies, descriptions): the main one, else the first. */
function pick(list: unknown, prefer: RegExp = /main|summary|abstract|^$/): Json | undefined {
  if (!Array.isArray(list)) return undefined
  const entries = list.filter(isObject)
  return entries.find((e) => prefer.test(str(e.role))) ?? entries[0]
}

function htmlToText(html: string): string {
  return oneLine(
    blocksFromMarkup(parseHtml(html))
      .blocks.map((b) => ('children' in b ? (b.children as { text?: string }[]).map((c) => c.text ?? '').join('') : ''))
      .join(' '),
  )
}

function contentTypeOf(entry: Json): string {
  return str(entry.contenttype ?? entry.content_type)
}

/** The item's body as blocks: HTML through the allowlist, text as paragraphs. */
function bodyOfItem(item: Json): ReturnType<typeof blocksFromMarkup> {
  const html =
    str(item.body_html) ||
    str(item.body_xhtml) ||
    str(item.body_html5) ||
    str(item.body_richtext) ||
    patterned(item, 'body_', /html|rich/)
  if (html) return blocksFromMarkup(parseHtml(html), { picture: nitfPicture })
  if (Array.isArray(item.bodies)) {
    // The schema says objects ({value, contentType}); some feeds send the values as plain strings.
    const entries = (item.bodies as unknown[]).map((b) => (typeof b === 'string' ? { value: b } : b)).filter(isObject)
    const rich = entries.find((e) => /html/i.test(contentTypeOf(e)))
    const plain = entries.find((e) => /text\/plain/i.test(contentTypeOf(e)) || !contentTypeOf(e))
    if (rich) return blocksFromMarkup(parseHtml(str(rich.value)), { picture: nitfPicture })
    if (plain && entries.length > 1 && entries.every((e) => !contentTypeOf(e) && !/<\/?[a-z]/i.test(str(e.value))))
      return {
        blocks: paragraphBlocks(entries.flatMap((e) => plainParagraphs(decodeEntities(str(e.value))))),
        pictures: [],
      }
    if (plain && /<\/?(p|div|br|h\d|ul|ol)\b/i.test(str(plain.value)))
      return blocksFromMarkup(parseHtml(str(plain.value)), { picture: nitfPicture })
    if (plain) return { blocks: paragraphBlocks(plainParagraphs(decodeEntities(str(plain.value)))), pictures: [] }
  }
  const text = str(item.body_text) || str(item.body_richhtml) || patterned(item, 'body_', /./)
  return { blocks: paragraphBlocks(plainParagraphs(decodeEntities(text))), pictures: [] }
}

function descriptionOf(item: Json): string {
  const text = str(item.description_text) || patterned(item, 'description_', /text|summary|short|main/)
  if (text) return oneLine(decodeEntities(text))
  const html = str(item.description_html)
  if (html) return htmlToText(html)
  const entry = pick(item.descriptions)
  if (!entry) return ''
  return /html/i.test(contentTypeOf(entry)) ? htmlToText(str(entry.value)) : oneLine(decodeEntities(str(entry.value)))
}

/**
 * ninjs 1.x names its variants by pattern ("headline_main", "body_html5", "description_short"): the
 * first such property whose suffix matches, for copy that has no plain "headline" or "body_html".
 */
function patterned(item: Json, prefix: string, suffix: RegExp): string {
  for (const [k, v] of Object.entries(item))
    if (k.startsWith(prefix) && suffix.test(k.slice(prefix.length)) && str(v)) return str(v)
  return ''
}

function headlineOf(item: Json): string {
  const one = str(item.headline) || str(item.headline_main) || patterned(item, 'headline_', /./)
  if (one) return oneLine(decodeEntities(one))
  const listed = pick(item.headlines, /main|^$/)
  // A headline may be marked up (contentType text/html): its words, never its tags.
  if (listed && (/html/i.test(contentTypeOf(listed)) || /<\/?[a-z][^>]*>/i.test(str(listed.value))))
    return htmlToText(str(listed.value))
  // ninjs 2.x/3.x "title" is metadata, but some agencies put the headline only there.
  return oneLine(decodeEntities(str(listed?.value) || str(item.title)))
}

function associationsOf(item: Json): Json[] {
  const value = item.associations
  if (Array.isArray(value)) return value.filter(isObject)
  if (isObject(value))
    return Object.entries(value)
      .filter((e): e is [string, Json] => isObject(e[1]))
      .map(([name, v]) => ({ name, ...v }))
  return []
}

function pictureOfAssociation(a: Json): Picture {
  const byline = str(a.byline) || str(a.by)
  const credit = str(a.creditline) || str(a.credit) || byline || str(a.copyrightholder)
  // 2.x/3.x descriptions carry roles: the caption and the alternative text are different lines.
  const described = Array.isArray(a.descriptions) ? a.descriptions.filter(isObject) : []
  const alt = described.find((d) => /alt|access/i.test(str(d.role)))
  const caption = described.find((d) => /caption/i.test(str(d.role)))
  const rest = described.length ? { ...a, descriptions: described.filter((d) => d !== alt) } : a
  return pictureOf({
    alt: str(a.body_text) || str(a.alt_text) || str(alt?.value),
    caption: (caption && oneLine(decodeEntities(str(caption.value)))) || descriptionOf(rest) || headlineOf(a),
    credit,
  })
}

/** An association with no type whose renditions are images (image/jpeg…) is a picture. */
function isImageByRendition(a: Json): boolean {
  const renditions = Array.isArray(a.renditions)
    ? a.renditions
    : isObject(a.renditions)
      ? Object.values(a.renditions)
      : []
  return renditions.filter(isObject).some((r) => /^image\//i.test(str(r.contenttype ?? r.mimetype)))
}

/** The first of 3.x's infoSources that names an agency. */
function infoSourceAgency(sources: unknown): string | undefined {
  if (!Array.isArray(sources)) return undefined
  for (const s of sources.filter(isObject)) {
    const agency = agencyLabel(str(s.name)) ?? agencyLabel(str(s.literal))
    if (agency) return agency
  }
  return undefined
}

/**
 * Property names in lower case, at every depth. ninjs 1.x and 2.x write them in lower case, 3.x in
 * camelCase (firstCreated, contentType), and some agencies' own APIs capitalise them (Headline,
 * Body_Html): read once this way, every spelling is the same name.
 */
function lowerKeys(value: unknown, depth = 0): unknown {
  if (depth > 64) return value
  if (Array.isArray(value)) return value.map((v) => lowerKeys(v, depth + 1))
  if (!isObject(value)) return value
  const out: Json = {}
  for (const key of Object.keys(value)) {
    const lower = key.toLowerCase()
    if (!(lower in out) || key === lower) out[lower] = lowerKeys(value[key], depth + 1)
  }
  return out
}

function readItem(item: Json): WireDraft {
  const draft = blankDraft('ninjs')
  draft.headline = headlineOf(item)
  draft.standfirst = descriptionOf(item)
  const slug = str(item.slugline)
  if (slug) draft.slug = slugify(slug)

  const byline = str(item.byline) || str(item.by)
  if (byline) draft.bylines = bylinesFrom(decodeEntities(byline))
  else if (Array.isArray(item.bylines))
    // AP's media API: [{by: "By LISA MASCARO and KEVIN FREKING", title: "Associated Press"}]
    for (const b of item.bylines.filter(isObject)) {
      const title = str(b.title)
      draft.bylines.push(...bylinesFrom(str(b.by) || str(b.name), title && !isAgencyName(title) ? title : undefined))
      if (title && isAgencyName(title)) draft.bylines.push({ name: title, kind: 'agency' })
    }
  else if (Array.isArray(item.authors))
    for (const a of item.authors.filter(isObject)) draft.bylines.push(...bylinesFrom(str(a.name)))

  const located = str(item.located)
  if (located) draft.dateline.place = oneLine(located).slice(0, 200)
  const date = isoDate(str(item.firstcreated)) ?? isoDate(str(item.versioncreated))
  if (date) draft.dateline.date = date

  const agency =
    agencyLabel(str(item.source)) ??
    agencyLabel(str(item.copyrightholder)) ??
    agencyLabel(str(item.provider && isObject(item.provider) ? item.provider.name : item.provider)) ??
    infoSourceAgency(item.infosources)
  if (agency) draft.source.agency = agency

  const ednote = str(item.ednote)
  if (ednote) draft.notes.push(oneLine(ednote))
  const status = str(item.pubstatus)
  if (status && status !== 'usable') draft.notes.push(`Wire status: ${status}.`)
  const guid = str(item.guid) || str(item.uri)
  if (guid) draft.source.guid = guid.slice(0, 500)
  const kill = killOfStatus(status, [`pubstatus ${status}`, ednote].filter(Boolean).join(' — '))
  if (kill) draft.kill = kill
  const usage = str(item.usageterms)
  const embargo = str(item.embargoed)
  if (embargo) draft.notes.push(`Embargoed until ${embargo}.`)
  draft.embargo = embargoOf(embargo)
  if (usage) draft.notes.push(`Usage terms: ${oneLine(usage)}`)
  draft.urgency = urgencyOf(item.urgency)
  draft.language = languageOf(item.language)
  const subjects = [item.subject, item.subjects].flatMap((list) => (Array.isArray(list) ? list.filter(isObject) : []))
  draft.keywords = keywordsOf([
    ...(Array.isArray(item.keywords) ? (item.keywords as unknown[]).map(str) : []),
    ...subjects.map((s) => str(s.name)),
  ])

  const built = bodyOfItem(item)
  takeDatelineFromBlocks(built.blocks, draft.dateline, draft.headline)
  draft.body = bodyFromBlocks(built.blocks)
  draft.pictures.push(...built.pictures)

  for (const a of associationsOf(item)) {
    const type = str(a.type)
    if (/picture|image|graphic/i.test(type) || (!type && isImageByRendition(a)))
      draft.pictures.push(pictureOfAssociation(a))
    else if (/text|composite/i.test(type) || /related/i.test(str(a.name))) {
      const headline = headlineOf(a)
      const url = safeUrl(str(a.uri))
      if (headline) draft.related.push(url ? { headline, url } : { headline })
    }
  }
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  return draft
}

function isNinjsItem(value: unknown): value is Json {
  if (!isObject(value)) return false
  return (
    ['uri', 'guid', 'headline', 'headlines', 'body_html', 'body_text', 'bodies'].some((k) => k in value) ||
    Object.keys(value).some((k) => /^(headline|body)_/.test(k))
  )
}

/** How many envelopes deep ("data" in "items" in "item"...) a ninjs file may wrap its stories. */
const MAX_ENVELOPES = 16

/** The stories in a ninjs file: one object, an array, or a search envelope (a few levels at most). */
function itemsOf(doc: unknown): Json[] {
  let current = doc
  for (let depth = 0; depth <= MAX_ENVELOPES; depth++) {
    if (Array.isArray(current)) return current.filter(isNinjsItem)
    if (!isObject(current)) return []
    let inner: unknown
    for (const key of ['item', 'items', 'data']) {
      if (current[key] !== undefined && (Array.isArray(current[key]) || isObject(current[key]))) {
        inner = current[key]
        break
      }
    }
    if (inner === undefined) return isNinjsItem(current) ? [current] : []
    if (Array.isArray(inner)) return inner.filter(isNinjsItem)
    if (isNinjsItem(inner)) return [inner]
    current = inner
  }
  throw new WireError(
    `the ninjs items are wrapped in more than ${MAX_ENVELOPES} envelopes; this is not a feed Copydesk can read`,
  )
}

export function readNinjs(text: string): WireDraft[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    throw new WireError(`this is not valid JSON (${message}); a ninjs file may be cut off`)
  }
  const items = itemsOf(lowerKeys(doc))
  if (!items.length) {
    throw new WireError('this JSON is not ninjs: no item has a uri, headline(s) or body (body_html, body_text, bodies)')
  }
  return items.map(readItem)
}

export const ninjsFormat = defineWireFormat({
  id: 'ninjs',
  label: 'ninjs',
  // JSON opens an object with a key, or an array of objects; "[Updated] Storm…" is text.
  detect: { by: 'text', test: (text) => /^\{\s*("|\})|^\[\s*(\{|\])/.test(text) },
  // U+2028 and U+2029 are allowed inside JSON strings; cleanText makes them line ends, which JSON
  // strings may not hold raw, so they become the \n escape first (outside a string neither is JSON).
  read: (text) => readNinjs(cleanText(text.replace(/[\u2028\u2029]/g, '\\n'))),
})
