import { z } from 'zod'
import { storyIdSchema, storySummarySchema } from './story'

/** A story on the spike: set aside, out of the list and search, kept until purged. */
export const spikedStorySchema = storySummarySchema.extend({
  spikedAt: z.iso.datetime(),
  /** From when it may be purged (the house period after it was spiked). */
  purgeAfter: z.iso.datetime(),
})
export type SpikedStory = z.infer<typeof spikedStorySchema>

export const purgeInputSchema = z
  .strictObject({
    ids: z.array(storyIdSchema).min(1).max(10_000).optional(),
    all: z.boolean().optional(),
  })
  .refine((input) => !(input.ids && input.all), 'purge either the stories named or all of them, not both')

const storyRef = z.strictObject({ id: storyIdSchema, headline: z.string() })
export const purgeOutputSchema = z.strictObject({ purged: z.array(storyRef) })
export const unspikeOutputSchema = storyRef
export const spikeListOutputSchema = z.strictObject({
  /** The house period, in days, after which a spiked story may be purged. */
  days: z.number().int().positive(),
  items: z.array(spikedStorySchema),
})
