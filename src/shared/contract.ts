import { z } from 'zod'
import type { ApiChannel, Channel, EventChannel } from './channels'
import { apiErrorShapeSchema } from './errors'
import { storyFieldsSchema, storyIdSchema, storySchema, storyStatusSchema, storySummarySchema } from './story'

/** Why a revision was made; the history shows it. */
export const revisionReasons = ['create', 'autosave', 'edit', 'status', 'import', 'restore'] as const
export const revisionReasonSchema = z.enum(revisionReasons)
export type RevisionReason = z.infer<typeof revisionReasonSchema>

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
    }),
    output: storySchema,
  },
  'story:list': {
    input: z.strictObject({
      status: storyStatusSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().nonnegative().default(0),
    }),
    output: z.strictObject({ total: z.number().int().nonnegative(), items: z.array(storySummarySchema) }),
  },
  'story:search': {
    input: z.strictObject({
      query: z.string().trim().min(1, 'type a word to search for').max(500),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ items: z.array(searchHitSchema) }),
  },
  'story:delete': { input: idInput, output: z.strictObject({ id: storyIdSchema }) },
  'app:flushed': { input: z.strictObject({ token: z.string().max(100) }), output: z.strictObject({}) },
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export const menuCommands = ['new-story', 'focus-search', 'save-now'] as const
export type MenuCommand = (typeof menuCommands)[number]

export const events = {
  'menu:command': z.strictObject({ command: z.enum(menuCommands) }),
  /** Main asks the renderer to save what is pending before the window goes; it answers app:flushed. */
  'app:flush-request': z.strictObject({ token: z.string() }),
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
