import { z } from 'zod'
import { bodyLimitProblem } from '../../shared/limits'
import { WireError } from './errors'
import { bodySchema, pictureNodeSchema } from '../../shared/body'
import { embargoFrom } from '../../shared/embargo'
import {
  bylineSchema,
  datelineSchema,
  pictureSchema,
  relatedEntrySchema,
  storyFieldsSchema,
  storySourceSchema,
  wireEmbargoSchema,
  type StoryFields,
  type StorySource,
} from '../../shared/story'

/**
 * What every importer yields, whatever the agency sent: the story's fields, the pictures that came
 * with it (the first becomes the lead picture; wire text carries no image, so no mediaId), related
 * headlines, and the editor's notes, which are kept apart from the body and never published.
 */
export const wireDraftSchema = z.strictObject({
  headline: z.string().max(1000, 'the headline is longer than 1,000 characters'),
  standfirst: z.string().max(4000, 'the standfirst is longer than 4,000 characters'),
  bylines: z.array(bylineSchema).max(50),
  dateline: datelineSchema,
  body: bodySchema,
  pictures: z.array(pictureSchema.omit({ mediaId: true })).max(200),
  related: z.array(relatedEntrySchema.pick({ headline: true, url: true })).max(200),
  slug: z.string().max(200),
  notes: z.array(z.string().max(20000)).max(100),
  source: storySourceSchema.omit({ importedAt: true }),
  /** What the copy says about itself, where its format carries it (issue 16). */
  embargo: wireEmbargoSchema.optional(),
  /** A kill or withdrawal notice: the story it refers to is found by guid, or by slug and agency (kill.ts). */
  kill: z.strictObject({ kind: z.enum(['kill', 'withdrawal']), notice: z.string().max(2000) }).optional(),
  urgency: storyFieldsSchema.shape.urgency,
  language: storyFieldsSchema.shape.language,
  keywords: storyFieldsSchema.shape.keywords,
})
export type WireDraft = z.infer<typeof wireDraftSchema>

/**
 * Everything but the body. The body is never taken from the feed: blocks.ts builds it node by node
 * from an allowlist, so it is valid by construction (test/wire/sanitize.test.ts checks it against
 * bodySchema), and re-validating thousands of nodes per story would halve import speed.
 */
export const wireDraftFieldsSchema = wireDraftSchema.omit({ body: true })

/** A draft with nothing filled in, for importers to complete. */
export function blankDraft(format: WireDraft['source']['format']): WireDraft {
  return {
    headline: '',
    standfirst: '',
    bylines: [],
    dateline: {},
    body: { root: { type: 'root', children: [] } },
    pictures: [],
    related: [],
    slug: '',
    notes: [],
    source: { format },
  }
}

/** The story fields and source a draft becomes. Pictures after the first follow the body as picture nodes. */
export function storyFromDraft(
  draft: WireDraft,
  fileName: string,
  importedAt: string,
  /** The house's zone: an embargo time the agency gave without one is read in it. */
  zone = 'UTC',
): { fields: Partial<StoryFields>; source: StorySource; kill?: WireDraft['kill'] } {
  const [lead, ...more] = draft.pictures
  const blocks = [...draft.body.root.children]
  for (const picture of more) blocks.push(pictureNodeSchema.parse({ type: 'picture', version: 1, ...picture }))
  const fields: Partial<StoryFields> = {
    headline: draft.headline,
    standfirst: draft.standfirst,
    bylines: draft.bylines,
    dateline: draft.dateline,
    leadPicture: lead ?? null,
    body: { root: { ...draft.body.root, children: blocks } },
    related: draft.related,
  }
  // Checked again with the pictures in: 20,000 paragraphs and 198 pictures are more than a save takes.
  const problem = bodyLimitProblem(fields.body)
  if (problem) throw new WireError(problem)
  if (draft.slug) fields.slug = draft.slug
  // The agency's notes to editors become the story's editor's note (never published).
  if (draft.notes.length) fields.editorNote = draft.notes.join('\n\n').slice(0, 20000)
  if (draft.embargo) {
    const embargo = embargoFrom(draft.embargo.until, zone, {
      ...(draft.embargo.note ? { note: draft.embargo.note } : {}),
      from: 'wire',
    })
    if (embargo && (embargo.at || embargo.note)) fields.embargo = embargo
  }
  if (draft.urgency) fields.urgency = draft.urgency
  if (draft.language) fields.language = draft.language
  if (draft.keywords?.length) fields.keywords = draft.keywords
  const source: StorySource = { ...draft.source, fileName: fileName.slice(0, 500), importedAt }
  return draft.kill ? { fields, source, kill: draft.kill } : { fields, source }
}
