import { z } from 'zod'
import type { ApiChannel, Channel, EventChannel } from './channels'
import { apiErrorShapeSchema } from './errors'
import { MAX_BODY_JSON_CHARACTERS } from './limits'
import {
  mediaAddInputSchema,
  mediaAddOutputSchema,
  mediaBeginInputSchema,
  mediaBeginOutputSchema,
  mediaFinishInputSchema,
  mediaPartInputSchema,
  mediaPartOutputSchema,
} from './media'
import { exportOutputSchema, exportRequestSchema, storyPreviewSchema } from './export'
import { houseStylePatchSchema, houseStyleSchema } from './settings'
import {
  relatedLookupInputSchema,
  relatedLookupItemSchema,
  relatedMatchInputSchema,
  relatedSuggestInputSchema,
} from './related'
import { storyFieldsSchema, storyIdSchema, storySchema, storyStatusSchema, storySummarySchema } from './story'
import { wireImportInputSchema, wireImportResultSchema, wireOriginalSchema } from './wire'
import {
  historyEntrySchema,
  restoreInputSchema,
  restorePreviewSchema,
  revisionDiffInputSchema,
  revisionDiffSchema,
  revisionInputSchema,
  revisionReasonSchema,
} from './revisions'
import { findingSchema } from './checks/finding'
import {
  purgeInputSchema,
  purgeOutputSchema,
  spikedStorySchema,
  spikeListOutputSchema,
  unspikeOutputSchema,
} from './spike'
import { checkOptionsSchema } from './checks/options'
import { overrideSchema, preflightSchema } from './preflight/item'
import { spellingContract } from './spelling/contract'
import { deskContract, deskNewsSchema } from './desk/contract'

export { revisionReasons, revisionReasonSchema, type RevisionReason } from './revisions'

export const searchHitSchema = storySummarySchema.extend({
  /** Headline and a body excerpt with matched words between \u0002 and \u0003 (never HTML). */
  headlineMarked: z.string(),
  snippet: z.string(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

const idInput = z.strictObject({ id: storyIdSchema })

/** Every channel: its input and output. Main validates input; types for all three doors come from here. */
export const contract = {
  'story:create': {
    input: storyFieldsSchema.partial(),
    output: storySchema,
  },
  'story:get': { input: idInput, output: storySchema },
  'story:save': {
    input: z.strictObject({
      id: storyIdSchema,
      expectedRevision: z.number().int().positive(),
      changes: storyFieldsSchema
        .partial()
        .refine((changes) => Object.keys(changes).length > 0, 'a save needs at least one changed field'),
      reason: revisionReasonSchema.default('edit'),
      /** Setting the status "published" past the preflight's blocking items: why (kept in the history). */
      override: overrideSchema.optional(),
    }),
    output: storySchema,
  },
  /**
   * The window's autosave: story:save's edit with the body as JSON text, answered with the new
   * revision alone. The renderer makes that text a block at a time (editor/body-json.ts); a string
   * crosses to main as one copy, where a 10,000-word body's thousands of objects were cloned one by
   * one on the page's thread and the whole story came back to be read there: together the longest
   * task while typing (docs/benchmarks.md, "Typing: the longest task (stop 29)").
   */
  'story:autosave': {
    input: z
      .strictObject({
        id: storyIdSchema,
        expectedRevision: z.number().int().positive(),
        changes: storyFieldsSchema.omit({ body: true }).partial(),
        bodyJson: z
          .string()
          .max(MAX_BODY_JSON_CHARACTERS, 'the body is far larger than any story the library can keep')
          .transform((text, ctx) => {
            try {
              return JSON.parse(text) as unknown
            } catch {
              ctx.addIssue({ code: 'custom', message: 'the body is not JSON' })
              return z.NEVER
            }
          })
          .pipe(storyFieldsSchema.shape.body)
          .optional(),
      })
      .refine(
        (save) => save.bodyJson !== undefined || Object.keys(save.changes).length > 0,
        'a save needs at least one changed field',
      ),
    output: z.strictObject({ revision: z.number().int().positive(), updatedAt: z.iso.datetime() }),
  },
  'story:list': {
    input: z.strictObject({
      status: storyStatusSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().nonnegative().default(0),
      /** Only stories whose embargo still holds. */
      embargoed: z.boolean().optional(),
    }),
    output: z.strictObject({ total: z.number().int().nonnegative(), items: z.array(storySummarySchema) }),
  },
  'story:search': {
    input: z.strictObject({
      query: z.string().trim().min(1, 'type a word to search for').max(500),
      limit: z.number().int().min(1).max(200).default(50),
      /** Only stories with this status (the list's filter, kept while searching). */
      status: storyStatusSchema.optional(),
    }),
    output: z.strictObject({ items: z.array(searchHitSchema) }),
  },
  'story:delete': { input: idInput, output: z.strictObject({ id: storyIdSchema }) },
  /** Import wire copy (any format, detected from the bytes); one result a story made or a file refused. */
  'wire:import': {
    input: wireImportInputSchema,
    output: z.strictObject({ results: z.array(wireImportResultSchema) }),
  },
  /** The wire copy an imported story came from, decoded for reading beside it, with the agency's notes. */
  'story:original': { input: idInput, output: wireOriginalSchema },
  /** Store a picture's bytes in the library in one call (small pictures); refused with a reason if it is not a usable picture. */
  'media:add': { input: mediaAddInputSchema, output: mediaAddOutputSchema },
  /**
   * A large picture, handed over in parts between the editor's keys: begin (name, size) gives an
   * upload id; each part is refused at once if the file turns out not to be a picture; finish
   * stores it as media:add would.
   */
  'media:begin': { input: mediaBeginInputSchema, output: mediaBeginOutputSchema },
  'media:part': { input: mediaPartInputSchema, output: mediaPartOutputSchema },
  'media:finish': { input: mediaFinishInputSchema, output: mediaAddOutputSchema },
  /** The name comments are signed with until the editor gives their own: the computer's user name. */
  'comments:author': { input: z.strictObject({}), output: z.strictObject({ name: z.string() }) },
  /** The house style the export follows (dateline style, credit label, language...). */
  'settings:get': { input: z.strictObject({}), output: houseStyleSchema },
  'settings:set': { input: houseStylePatchSchema, output: houseStyleSchema },
  /** Write stories as HTML pages or ninjs files to a folder; one result a story. */
  'story:export': { input: exportRequestSchema, output: exportOutputSchema },
  /** The story's page as the export would write it (pictures embedded) and its social card, for the Preview panel. */
  'story:preview': { input: idInput, output: storyPreviewSchema },
  /** The publish preflight: what export and "published" show first (docs/preflight.md). */
  'story:preflight': { input: idInput, output: preflightSchema },
  /** Library stories like this one (by its distinctive terms), not itself nor those already related. */
  'related:suggest': {
    input: relatedSuggestInputSchema,
    output: z.strictObject({ terms: z.array(z.string()), items: z.array(searchHitSchema) }),
  },
  /** Candidates for a related headline that came with wire copy and is not linked to a story yet. */
  'related:match': { input: relatedMatchInputSchema, output: z.strictObject({ items: z.array(searchHitSchema) }) },
  /** Status and date of each linked story, or found: false when it has been deleted. */
  'related:lookup': {
    input: relatedLookupInputSchema,
    output: z.strictObject({ items: z.array(relatedLookupItemSchema) }),
  },
  /** A story's history, newest first: each revision (autosaves in one five-minute stretch kept as one). */
  'story:revisions': { input: idInput, output: z.strictObject({ revisions: z.array(historyEntrySchema) }) },
  /** What changed from a revision to the current story (or to a later revision), field by field, word by word. */
  'story:revision-diff': { input: revisionDiffInputSchema, output: revisionDiffSchema },
  /** What restoring a revision would change, take out and bring back: said before the editor agrees. */
  'story:restore-preview': { input: revisionInputSchema, output: restorePreviewSchema },
  /** Bring back a revision's words as a new revision (reason 'restore'); the old ones stay. */
  'story:restore': { input: restoreInputSchema, output: storySchema },
  /** Put a story on the spike: out of the list, search and suggestions, kept until purged; undone by story:unspike. */
  'story:spike': { input: idInput, output: spikedStorySchema },
  /** Bring a story back from the spike, as it was. */
  'story:unspike': { input: idInput, output: unspikeOutputSchema },
  /** The spike, most recently spiked first, with the house period. */
  'spike:list': { input: z.strictObject({}), output: spikeListOutputSchema },
  /** Delete spiked stories for good: those named, all, or (neither) those past the house period. */
  'spike:purge': { input: purgeInputSchema, output: purgeOutputSchema },
  /** A new draft with the story's words, pictures and related stories ("copy of story N" in its history). */
  'story:duplicate': { input: idInput, output: storySchema },
  /** Remove a story made with New story and never typed in; anything in it keeps it. */
  'story:discard-untouched': { input: idInput, output: z.strictObject({ discarded: z.boolean() }) },
  /** The copy-desk checks on the story as saved. */
  'story:check': { input: idInput, output: z.strictObject({ findings: z.array(findingSchema) }) },
  /** The house settings the checks read, so the renderer checks live exactly as main does. */
  'checks:options': { input: z.strictObject({}), output: checkOptionsSchema },
  ...spellingContract,
  ...deskContract,
  'app:flushed': { input: z.strictObject({ token: z.string().max(100) }), output: z.strictObject({}) },
  /** Still saving (a large picture on a busy machine): main waits on, up to a limit (shell/flush.ts). */
  'app:flush-working': { input: z.strictObject({ token: z.string().max(100) }), output: z.strictObject({}) },
  /** Electron only: the system's folder picker; path is null when the editor cancels. */
  'dialog:choose-folder': {
    input: z.strictObject({ title: z.string().max(200).optional() }),
    output: z.strictObject({ path: z.string().nullable() }),
  },
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export const menuCommands = ['new-story', 'focus-search', 'save-now', 'export-html', 'import-wire'] as const
export type MenuCommand = (typeof menuCommands)[number]

export const events = {
  'menu:command': z.strictObject({ command: z.enum(menuCommands) }),
  /** Main asks the renderer to save what is pending before the window goes; it answers app:flushed. */
  'app:flush-request': z.strictObject({ token: z.string() }),
  /** The desk changed something the window shows (stories from elsewhere, the connection). */
  'desk:news': deskNewsSchema,
} satisfies Record<EventChannel, z.ZodType>

export type Contract = typeof contract
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>

export const replySchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: apiErrorShapeSchema }),
])
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof apiErrorShapeSchema> }

/**
 * window.copydesk: what the preload exposes, and what the e2e bridge and any browser build must
 * implement too (each declares `satisfies CopydeskApi`, so none can drift).
 */
export interface CopydeskApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Reply<Output<C>>>
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export type { ApiChannel, Channel, EventChannel }
