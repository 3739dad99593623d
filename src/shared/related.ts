import { z } from 'zod'
import { relatedEntrySchema, storyIdSchema, storyStatusSchema, type RelatedEntry } from './story'

/**
 * Related stories: what the panel, the api and the library agree on. An entry is a story in the
 * library (storyId), an external link (url), or a headline that came in with wire copy and is not
 * linked to anything yet (neither): the panel offers library stories that match it.
 */
export type RelatedKind = 'story' | 'link' | 'unresolved'

export function relatedKind(entry: RelatedEntry): RelatedKind {
  if (entry.storyId !== undefined) return 'story'
  if (entry.url !== undefined) return 'link'
  return 'unresolved'
}

export const relatedSuggestInputSchema = z.strictObject({
  id: storyIdSchema,
  limit: z.number().int().min(1).max(50).default(8),
})

export const relatedMatchInputSchema = z.strictObject({
  headline: z.string().trim().min(1, 'a headline to match is needed').max(500),
  /** The story being edited: never offered as related to itself. */
  excludeId: storyIdSchema.optional(),
  limit: z.number().int().min(1).max(20).default(4),
})

export const relatedLookupInputSchema = z.strictObject({
  ids: z.array(storyIdSchema).max(200),
})

/** What an entry shows about the story it links to; found: false when the story has been deleted. */
export const relatedLookupItemSchema = z.discriminatedUnion('found', [
  z.strictObject({ id: storyIdSchema, found: z.literal(false) }),
  z.strictObject({
    id: storyIdSchema,
    found: z.literal(true),
    headline: z.string(),
    status: storyStatusSchema,
    /** The dateline date as written, else null. */
    date: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    /** It was published once and is not any more: readers following the link would find nothing. */
    unpublished: z.boolean(),
  }),
])
export type RelatedLookupItem = z.infer<typeof relatedLookupItemSchema>

export type LinkCheck = { ok: true; entry: RelatedEntry } | { ok: false; field: 'headline' | 'url'; message: string }

/**
 * An external link as an editor types it: a headline and an address. A bare domain
 * ("bbc.co.uk/news/1") gets https://; anything that is not http or https (javascript:, file:,
 * mailto:, data:) is refused with the reason, so a reader is never sent somewhere unsafe.
 */
export function checkExternalLink(headline: string, typedUrl: string): LinkCheck {
  const title = headline.trim().replace(/\s+/g, ' ')
  const typed = typedUrl.trim()
  if (!title)
    return { ok: false, field: 'headline', message: 'Give the link a headline: readers see it, not the address.' }
  if (!typed) return { ok: false, field: 'url', message: 'Type the address the link goes to.' }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(typed)?.[1]?.toLowerCase()
  const looksLikeHost = scheme !== undefined && /^[a-z0-9.-]+:\d+(\/|$)/i.test(typed)
  if (scheme && !looksLikeHost && scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      field: 'url',
      message: `Only http and https links can be added; "${scheme}:" links are refused.`,
    }
  }
  const candidate = scheme && !looksLikeHost ? typed : `https://${typed}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return { ok: false, field: 'url', message: `"${typed}" is not a web address (e.g. https://example.com/story).` }
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, field: 'url', message: `"${url.hostname}" is not a web site's name (e.g. example.com).` }
  }
  if (url.username || url.password) {
    return { ok: false, field: 'url', message: 'Addresses with a user name or password in them are refused.' }
  }
  const parsed = relatedEntrySchema.safeParse({ headline: title, url: url.href })
  if (!parsed.success) return { ok: false, field: 'url', message: parsed.error.issues[0]!.message }
  return { ok: true, entry: parsed.data }
}
