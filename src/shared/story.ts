import { z } from 'zod'
import { bodySchema, emptyBody } from './body'
import { embargoSchema } from './embargo'
import { killSchema } from './kill'
import { pictureSchema } from './picture'

/** Where a story stands on the desk; the order is the order of the workflow. */
export const storyStatuses = ['draft', 'editing', 'ready', 'published'] as const
export const storyStatusSchema = z.enum(storyStatuses)
export type StoryStatus = z.infer<typeof storyStatusSchema>

const line = (max: number) => z.string().max(max)

export const bylineSchema = z.strictObject({
  name: line(200).trim().min(1, 'a byline needs a name'),
  kind: z.enum(['person', 'agency']),
  title: line(200).optional(),
})
export type Byline = z.infer<typeof bylineSchema>

/** Dates are kept as written: local time, with a zone only when the source gave one. */
export const datelineDateSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'expected an ISO 8601 date such as 2023-11-20 or 2023-11-20T15:34',
  )

export const datelineSchema = z.strictObject({
  place: line(200).optional(),
  date: datelineDateSchema.optional(),
  source: line(100).optional(),
})
export type Dateline = z.infer<typeof datelineSchema>

/** The lead picture has the body picture's fields; both live in picture.ts. */
export { pictureSchema, type Picture } from './picture'

const httpUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'only http and https links are accepted')

export const relatedEntrySchema = z.strictObject({
  headline: line(500),
  storyId: z.number().int().positive().optional(),
  url: httpUrlSchema.optional(),
})
export type RelatedEntry = z.infer<typeof relatedEntrySchema>

/**
 * How wire copy arrived: the id of a wire format. The formats themselves are listed once, in main's
 * registry (src/main/wire/formats/index.ts), which this file cannot import; a registry test checks
 * every id there fits this pattern (docs/architecture.md, "Wire formats").
 */
export const wireFormatIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a wire format id is lower-case letters, digits and hyphens')
export const storySourceSchema = z.strictObject({
  format: wireFormatIdSchema,
  agency: line(100).optional(),
  fileName: line(500).optional(),
  /** The agency's id for the item (NewsML-G2 guid, ninjs uri, NITF doc-id): how a kill notice finds its story. */
  guid: line(500).optional(),
  importedAt: z.iso.datetime(),
})
export type StorySource = z.infer<typeof storySourceSchema>

/**
 * An embargo as wire copy states it: a date (ISO 8601, zone only if given) and/or the agency's words
 * ("Sperrfrist: Donnerstag, 12.00 Uhr"). The importers read this; the story keeps an Embargo (embargo.ts).
 */
export const wireEmbargoSchema = z.strictObject({
  until: datelineDateSchema.optional(),
  note: line(300).optional(),
})
export type WireEmbargo = z.infer<typeof wireEmbargoSchema>
export { embargoSchema, type Embargo } from './embargo'
export { killSchema, type Kill } from './kill'

/** The fields an editor writes; everything else is kept by the library. */
export const storyFieldsSchema = z.strictObject({
  slug: line(200),
  status: storyStatusSchema,
  headline: line(1000),
  standfirst: line(4000),
  bylines: z.array(bylineSchema).max(50),
  dateline: datelineSchema,
  leadPicture: pictureSchema.nullable(),
  body: bodySchema,
  related: z.array(relatedEntrySchema).max(200),
  /** Publishing keywords (tags): the exported page's keywords and article:tag, ninjs subjects. */
  keywords: z.array(line(100).trim().min(1, 'a keyword cannot be empty')).max(50).optional(),
  /** When the story was first published (UTC); stamped when its status first becomes published. */
  publishedAt: z.iso.datetime().nullable().optional(),
  /** Notes to the desk, never published: what the agency said to editors (ednote, ed-msg, flags, contacts). */
  editorNote: z.string().max(20000).optional(),
  /** The desk's own note on the story, never published (shown beside the agency's, above the story). */
  deskNote: z.string().max(20000).optional(),
  /**
   * The story's one embargo: read from the wire copy or set by hand, and what the shared desk's
   * embargo is fed from (docs/team.md). Export and "published" wait for it (docs/preflight.md).
   */
  embargo: embargoSchema.nullable().optional(),
  /** The agency killed or withdrew the story (a kill notice filed after it); null while it stands. */
  kill: killSchema.nullable().optional(),
  /** How urgent the agency marked the copy, on IPTC's scale: 1 (flash) to 9 (lowest). */
  urgency: z.number().int().min(1).max(9).nullable().optional(),
  /** The language of the copy as a BCP 47 tag ("de", "en-GB", "nb-NO"); '' when unknown. */
  language: z
    .string()
    .regex(/^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, 'a language is a tag such as de, en-GB or nb-NO')
    .optional(),
})
export type StoryFields = z.infer<typeof storyFieldsSchema>

/**
 * The fields an editor writes, by name, read off the schema: a field added to storyFieldsSchema is
 * stored, loaded, held by the story pane and read by the checks without another list to update.
 */
export const storyFieldNames = Object.keys(storyFieldsSchema.shape) as (keyof StoryFields)[]

/** A new story's fields before anyone has written a word; the return type makes a new field say what its blank is. */
export function blankStoryFields(): Required<StoryFields> {
  return {
    slug: '',
    status: 'draft',
    headline: '',
    standfirst: '',
    bylines: [],
    dateline: {},
    leadPicture: null,
    body: emptyBody(),
    related: [],
    keywords: [],
    publishedAt: null,
    editorNote: '',
    deskNote: '',
    embargo: null,
    kill: null,
    urgency: null,
    language: '',
  }
}

/** Just the fields an editor writes, picked from a whole story (which also has its id, revision, dates...). */
export function storyFieldsOf(story: StoryFields): StoryFields {
  return Object.fromEntries(storyFieldNames.map((name) => [name, story[name]])) as StoryFields
}

export const storyIdSchema = z.number().int().positive()
export type StoryId = z.infer<typeof storyIdSchema>

export const storySchema = storyFieldsSchema.extend({
  id: storyIdSchema,
  bodyText: z.string(),
  wordCount: z.number().int().nonnegative(),
  source: storySourceSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.number().int().positive(),
})
export type Story = z.infer<typeof storySchema>

/** One row of the library list or of search results. */
export const storySummarySchema = z.strictObject({
  id: storyIdSchema,
  slug: z.string(),
  status: storyStatusSchema,
  headline: z.string(),
  bylines: z.array(z.string()),
  agency: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  /** The lead picture's media id, for the list's thumbnail; null without one (or without its image). */
  leadMediaId: z.string().nullable(),
  /** The embargo while it is set (the row counts it down while it holds). */
  embargo: embargoSchema.nullable().optional(),
  /** Killed or withdrawn by the agency: the row shows it in red. */
  kill: z.enum(['kill', 'withdrawal']).nullable().optional(),
  /** Present on a story shared to the desk: whose it is, who has it, which desk. */
  desk: z.strictObject({ owner: z.string(), assignee: z.string().nullable(), desk: z.string() }).optional(),
})
export type StorySummary = z.infer<typeof storySummarySchema>
