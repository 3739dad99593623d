import { z } from 'zod'
import { overrideSchema, preflightItemSchema } from './preflight/item'
import { storyIdSchema } from './story'

/** What the export writes: publish-ready HTML pages, or IPTC ninjs 2.0 JSON for syndication. */
export const exportFormats = ['html', 'ninjs'] as const
export const exportFormatSchema = z.enum(exportFormats)
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** An absolute path on any of the systems Copydesk runs on (the renderer has no node:path). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}

export const exportRequestSchema = z
  .strictObject({
    /** The stories to export, in order; or all: true for the whole library. */
    ids: z.array(storyIdSchema).min(1, 'choose at least one story').max(10_000).optional(),
    all: z.boolean().optional(),
    outDir: z
      .string()
      .trim()
      .min(1, 'choose a folder to export to')
      .max(1000)
      .refine(isAbsolutePath, 'the export folder must be a full path, such as /home/desk/export'),
    format: exportFormatSchema.default('html'),
    /** One self-contained file a story (pictures embedded as data: URLs) instead of a folder with image files. */
    singleFile: z.boolean().default(false),
    /** Set each story's status to published and stamp its publication time (kept if it has one). */
    markPublished: z.boolean().default(false),
    /** Export past the preflight's blocking items (an embargo, TK, a kill...): why, and who (kept in each story's history). */
    override: overrideSchema.optional(),
  })
  .refine((r) => (r.ids !== undefined) !== (r.all === true), {
    message: 'give the ids of the stories to export, or all: true (not both)',
    path: ['ids'],
  })
export type ExportRequest = z.output<typeof exportRequestSchema>

export const exportResultSchema = z.strictObject({
  id: storyIdSchema,
  ok: z.boolean(),
  headline: z.string().optional(),
  /** The page (or ninjs file) written. */
  file: z.string().optional(),
  error: z.string().optional(),
  /** Written, but worth a look: no alt text, a picture's image missing, a related story gone... */
  warnings: z.array(z.string()),
  /** The story was marked published by this export. */
  published: z.boolean().optional(),
  /** The publish preflight's list for the story: why it was held, or what was overridden. */
  preflight: z.array(preflightItemSchema).optional(),
})
export type ExportResult = z.infer<typeof exportResultSchema>

export const exportOutputSchema = z.strictObject({
  outDir: z.string(),
  results: z.array(exportResultSchema),
})
export type ExportOutput = z.infer<typeof exportOutputSchema>

/** What the Preview panel shows: the page as exported, and the lead picture's social card. */
export const storyPreviewSchema = z.strictObject({
  html: z.string(),
  /** The 1200 x 630 crop social sites show (og:image), centred on the focal point; a data: URL. */
  card: z
    .strictObject({ src: z.string(), width: z.number().int().positive(), height: z.number().int().positive() })
    .optional(),
})
export type StoryPreview = z.infer<typeof storyPreviewSchema>
