import type { HouseStyle } from '../../shared/settings'
import type { Story } from '../../shared/story'
import { bylineText } from './byline'
import { bodyContext, type ImageFile, type MediaLookup } from './context'
import { isoInstant } from './dates'
import { cleanText, safeHref } from './escape'
import { renderBody } from './nodes'
import { renderFigure } from './nodes/picture'
import { storyTimes, UNTITLED } from './page'

export const NINJS_VERSION = '2.0'
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json'

export interface NinjsOptions {
  /** The item's URI: its canonical URL when known, else a Copydesk URN. */
  uri?: string
  /** The URI of a related story in the library; undefined when it is gone. */
  relatedUri?: (storyId: number) => string | undefined
}

type Json = Record<string, unknown>

export function storyUrn(id: number): string {
  return `urn:copydesk:story:${id}`
}

const SUBTYPES: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
}

function rendition(image: ImageFile, name: string): Json {
  const out: Json = { name, href: image.url ?? image.src, contenttype: image.type }
  if (image.width && image.height) {
    out.width = image.width
    out.height = image.height
  }
  out.sizeinbytes = image.size
  return out
}

/**
 * The story as an IPTC ninjs 2.0 news item, for syndication partners: headlines, the standfirst as
 * the summary description, the body as XHTML and as plain text, by, located, keywords as subjects,
 * and associations for the pictures (caption, credit, renditions) and related stories.
 */
/** The agency's note and the desk's own, as one ednote. */
function editorNotes(story: Story): string {
  return [story.editorNote?.trim(), story.deskNote?.trim()].filter(Boolean).join('\n\n')
}

export function storyNinjs(story: Story, media: MediaLookup, style: HouseStyle, options: NinjsOptions = {}): Json {
  // In the body a figure links only a picture with an address; the bytes travel in associations.
  const linkable: MediaLookup = (id) => {
    const image = media(id)
    if (!image?.url) return undefined
    const absolute = (file: ImageFile) => ({ ...file, src: file.url ?? file.src })
    return { ...image, src: image.url, ...(image.renditions ? { renditions: image.renditions.map(absolute) } : {}) }
  }
  const ctx = bodyContext(linkable, style, true)
  // The lead picture travels as an association, not in the body; rendering it gathers its facts.
  if (story.leadPicture) renderFigure(story.leadPicture, ctx, true)
  const body = renderBody(story.body, ctx).html

  const item: Json = {
    uri: options.uri ?? storyUrn(story.id),
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    version: String(story.revision),
    firstcreated: isoInstant(story.createdAt) ?? story.createdAt,
    versioncreated: storyTimes(story).modified,
    pubstatus: 'usable',
    language: style.language,
  }
  if (story.slug) item.slugline = cleanText(story.slug)
  item.headlines = [{ role: 'main', value: cleanText(story.headline) || UNTITLED }]
  if (story.standfirst.trim()) item.descriptions = [{ role: 'summary', value: cleanText(story.standfirst) }]
  item.bodies = [
    {
      role: 'richtext',
      contenttype: 'application/xhtml+xml',
      charcount: story.bodyText.length,
      wordcount: story.wordCount,
      value: body.trimEnd(),
    },
    {
      role: 'plaintext',
      contenttype: 'text/plain',
      charcount: story.bodyText.length,
      wordcount: story.wordCount,
      value: story.bodyText,
    },
  ]
  const by = bylineText(story.bylines ?? [])
  if (by) item.by = by
  const place = cleanText(story.dateline?.place ?? '')
  if (place) item.located = place
  const agency = story.dateline?.source?.trim() || story.source?.agency?.trim()
  if (agency) item.infosources = [{ name: cleanText(agency) }]
  if (story.keywords?.length) item.subjects = story.keywords.map((k) => ({ name: cleanText(k) }))
  // Editor's notes never reach a page; in ninjs only when the house sends them on (to a partner desk).
  const ednote = style.ninjsEditorNote ? editorNotes(story) : ''
  if (ednote) item.ednote = ednote

  const associations: Json[] = []
  ctx.pictures.forEach((picture, index) => {
    const full = picture.mediaId ? media(picture.mediaId) : undefined
    const assoc: Json = {
      name: picture.lead ? 'lead-picture' : `picture-${index + 1}`,
      type: 'picture',
      uri: full ? `urn:copydesk:media:${full.mediaId}` : `${storyUrn(story.id)}:picture:${index + 1}`,
    }
    const descriptions: Json[] = []
    if (picture.caption) descriptions.push({ role: 'caption', value: cleanText(picture.caption) })
    if (picture.alt) descriptions.push({ role: 'alt', value: cleanText(picture.alt) })
    if (descriptions.length) assoc.descriptions = descriptions
    if (picture.credit) assoc.by = cleanText(picture.credit)
    if (full?.renditions?.length) {
      // Named by kind and width ("webp-960"), as partners' systems pick a rendition by name.
      const renditions = full.renditions.map((r) => rendition(r, `${SUBTYPES[r.type] ?? 'image'}-${r.width}`))
      if (full.card) renditions.push(rendition(full.card, 'social-card'))
      assoc.renditions = renditions
    } else if (full) assoc.renditions = [rendition(full, 'web')]
    associations.push(assoc)
  })
  story.related.forEach((entry, index) => {
    const uri = (entry.storyId !== undefined ? options.relatedUri?.(entry.storyId) : undefined) ?? safeHref(entry.url)
    const headline = cleanText(entry.headline)
    if (!uri || !headline) return
    associations.push({
      name: `related-${index + 1}`,
      type: 'text',
      uri,
      headlines: [{ role: 'main', value: headline }],
    })
  })
  if (associations.length) item.associations = associations
  return item
}

/** The item as the file holds it: two-space indented JSON and a final newline. */
export function renderStoryNinjs(
  story: Story,
  media: MediaLookup,
  style: HouseStyle,
  options: NinjsOptions = {},
): string {
  return JSON.stringify(storyNinjs(story, media, style, options), null, 2) + '\n'
}
