import { z } from 'zod'
import { storyIdSchema, storyStatusSchema } from './story'

/** Why a revision was made; the history shows it. */
export const revisionReasons = [
  'create',
  'autosave',
  'edit',
  'status',
  'import',
  'restore',
  'override',
  'kill',
] as const
export const revisionReasonSchema = z.enum(revisionReasons)
export type RevisionReason = z.infer<typeof revisionReasonSchema>

const revisionNumber = z.number().int().positive()
const count = z.number().int().nonnegative()

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
  /** More than the reason says: "revision 3" for a restore, "copy of story 12 …" for a duplicate. */
  note: z.string().optional(),
  current: z.boolean(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** Every field an editor can change, in the order the story shows them. */
export const diffFields = [
  'headline',
  'standfirst',
  'bylines',
  'dateline',
  'status',
  'leadPicture',
  'leadCaption',
  'leadCredit',
  'leadAlt',
  'body',
  'bodyPictures',
  'comments',
  'related',
  'keywords',
] as const
export type DiffField = (typeof diffFields)[number]
export const diffPartSchema = z.strictObject({
  text: z.string(),
  change: z.enum(['same', 'added', 'removed']),
})
export type DiffPart = z.infer<typeof diffPartSchema>

/** What changed from a revision to a later one (the story as it is now unless asked), word by word, field by field. */
export const revisionDiffSchema = z.strictObject({
  id: storyIdSchema,
  revision: revisionNumber,
  /** The revision compared against: the later one (the current revision when none was asked for). */
  against: revisionNumber,
  currentRevision: revisionNumber,
  /** Only the fields that differ. */
  fields: z.array(z.strictObject({ field: z.enum(diffFields), parts: z.array(diffPartSchema) })),
  wordsAdded: z.number().int().nonnegative(),
  wordsRemoved: z.number().int().nonnegative(),
  /** What happened to the inline comments (src/shared/comments.ts), counted; absent when nothing did. */
  comments: z
    .strictObject({
      added: count,
      replies: count,
      resolved: count,
      reopened: count,
      removed: count,
    })
    .optional(),
})
export type RevisionDiff = z.infer<typeof revisionDiffSchema>

export const revisionInputSchema = z.strictObject({ id: storyIdSchema, revision: revisionNumber })
export const revisionDiffInputSchema = revisionInputSchema.extend({
  /** Compare with this revision instead of the story as it is now. */
  against: revisionNumber.optional(),
})
export const restoreInputSchema = revisionInputSchema.extend({ expectedRevision: revisionNumber })

/** What a restore would do, said before it is done. */
export const restorePreviewSchema = z.strictObject({
  id: storyIdSchema,
  revision: revisionNumber,
  currentRevision: revisionNumber,
  /** The fields the restore changes. */
  fields: z.array(z.enum(diffFields)),
  /** What the story has now that the revision did not have, so the restore takes it out ("the lead picture “…”"). */
  removes: z.array(z.string()),
  /** What the revision had that the story has not now, so the restore brings it back. */
  bringsBack: z.array(z.string()),
})
export type RestorePreview = z.infer<typeof restorePreviewSchema>
