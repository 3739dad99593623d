import { z } from 'zod'
import { storyIdSchema, wireFormatIdSchema } from './story'

/** One outcome of importing wire copy: a story made from a file, or the reason a file was refused. */
export const wireImportResultSchema = z.strictObject({
  file: z.string(),
  ok: z.boolean(),
  id: storyIdSchema.optional(),
  format: wireFormatIdSchema.optional(),
  /** The format as the editor reads it ("IPTC 7901"), from main's registry of formats. */
  formatLabel: z.string().optional(),
  headline: z.string().optional(),
  error: z.string().optional(),
})
export type WireImportResult = z.infer<typeof wireImportResultSchema>

/** The largest wire file accepted (also enforced in main, where the reason is given). */
export const MAX_WIRE_FILE_BYTES = 20 * 1024 * 1024

/** A file as the renderer sends it: its name and its bytes in base64. */
export const wireFileInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'a wire file needs a name').max(500),
  data: z
    .string()
    .max(
      Math.ceil((MAX_WIRE_FILE_BYTES * 4) / 3) + 1024 * 1024,
      'the file is over 20 MB; wire files that large are refused',
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file data must be base64'),
})

/** The original copy of an imported story, decoded for display beside it. */
export const wireOriginalSchema = z.strictObject({
  fileName: z.string(),
  format: wireFormatIdSchema,
  /** The format as the editor reads it ("ANPA 1312"). */
  formatLabel: z.string(),
  /** How the bytes were read: utf-8, windows-1252, utf-8+windows-1252 (mixed)… */
  encoding: z.string(),
  size: z.number().int().nonnegative(),
  /** The copy as text; control characters shown as symbols (␁ ␂ ␃). */
  text: z.string(),
  /** The agency's notes to editors, kept apart from the story. */
  notes: z.array(z.string()),
})
export type WireOriginal = z.infer<typeof wireOriginalSchema>
