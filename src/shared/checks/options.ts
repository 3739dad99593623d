import { z } from 'zod'

/** The house's settings the checks read (main keeps them in the settings table; see docs/copy-desk.md). */
export const checkOptionsSchema = z.strictObject({
  /** The longest headline the house allows, in characters. */
  headlineMaxLength: z.number().int().min(10).max(1000),
})
export type CheckOptions = z.infer<typeof checkOptionsSchema>

export const defaultCheckOptions: CheckOptions = { headlineMaxLength: 80 }
