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

/**
 * Wire copy taken in one call: twenty 19 MB files in one call held main for 26 s at 2.7 GB. The
 * window and the CLI send batches well under this (wire copy is kilobytes); a caller with more
 * sends more calls.
 */
export const MAX_WIRE_BATCH_BYTES = 64 * 1024 * 1024

/** Files in one call of wire:import. */
export const MAX_WIRE_BATCH_FILES = 500

export const wireImportInputSchema = z.strictObject({
  files: z
    .array(wireFileInputSchema)
    .min(1, 'choose at least one file')
    .max(MAX_WIRE_BATCH_FILES)
    .refine(
      (files) => files.reduce((sum, file) => sum + file.data.length, 0) <= Math.ceil((MAX_WIRE_BATCH_BYTES * 4) / 3),
      'the files come to more than 64 MB in one import; import them in smaller batches',
    ),
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
