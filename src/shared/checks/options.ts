import { z } from 'zod'
import { dashStyleSchema } from '../settings'
import { DEFAULT_PLACEHOLDER_WORDS } from '../placeholders'

/** The house's settings the checks read (main keeps them in the settings table; see docs/copy-desk.md). */
export const checkOptionsSchema = z.strictObject({
  /** The longest headline the house allows, in characters. */
  headlineMaxLength: z.number().int().min(10).max(1000),
  /** The house sets curly quotes and dashes (house style `typography`): straight ones are flagged. */
  typography: z.boolean(),
  /** The house dash (house style `dash`), which a double hyphen's fix puts in. */
  dash: dashStyleSchema,
  /**
   * The language the quotes are set in: the house's from `checks:options`; the story's own
   * (`spelling:story`, the one answer to "what language is this story") put in by whoever checks.
   */
  language: z.string().max(35),
  /** The house's words for "to come" (TK and its own), found wherever they are left in the copy. */
  placeholderWords: z.array(z.string().trim().min(1).max(40)).max(50),
})
export type CheckOptions = z.infer<typeof checkOptionsSchema>

export const defaultCheckOptions: CheckOptions = {
  headlineMaxLength: 80,
  typography: true,
  dash: 'en',
  language: 'en-GB',
  placeholderWords: [...DEFAULT_PLACEHOLDER_WORDS],
}
