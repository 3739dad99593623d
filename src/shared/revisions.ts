import { z } from 'zod'
import { storyIdSchema, storyStatusSchema } from './story'

/** Why a revision was made; the history shows it. */
export const revisionReasons = ['create', 'autosave', 'edit', 'status', 'import', 'restore'] as const
export const revisionReasonSchema = z.enum(revisionReasons)
export type RevisionReason = z.infer<typeof revisionReasonSchema>

const revisionNumber = z.number().int().positive()

/** One entry of a story's history: a revision, or a run of autosaves kept as its last. */
export const historyEntrySchema = z.strictObject({
  revision: revisionNumber,
  savedAt: z.iso.datetime(),
  reason: revisionReasonSchema,
  wordCount: z.number().int().nonnegative(),
  /** Words gained (or lost, negative) since the entry before. */
  wordChange: z.number().int(),
  /** How many saves this entry stands for (autosaves in the same few minutes collapse into one). */
  saves: z.number().int().positive(),
  /** The story's status at this revision, for entries that changed it. */
  status: storyStatusSchema.optional(),
  current: z.boolean(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const diffFields = ['headline', 'standfirst', 'bylines', 'dateline', 'body'] as const
export const diffPartSchema = z.strictObject({
  text: z.string(),
  change: z.enum(['same', 'added', 'removed']),
})
export type DiffPart = z.infer<typeof diffPartSchema>

/** What changed from a revision to the story as it is now, word by word, field by field. */
export const revisionDiffSchema = z.strictObject({
  id: storyIdSchema,
  revision: revisionNumber,
  currentRevision: revisionNumber,
  /** Only the fields that differ. */
  fields: z.array(z.strictObject({ field: z.enum(diffFields), parts: z.array(diffPartSchema) })),
  wordsAdded: z.number().int().nonnegative(),
  wordsRemoved: z.number().int().nonnegative(),
})
export type RevisionDiff = z.infer<typeof revisionDiffSchema>

export const revisionInputSchema = z.strictObject({ id: storyIdSchema, revision: revisionNumber })
export const restoreInputSchema = revisionInputSchema.extend({ expectedRevision: revisionNumber })
