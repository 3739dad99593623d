import { z } from 'zod'

export const checkFields = ['headline', 'standfirst', 'bylines', 'dateline', 'picture', 'body'] as const
export const checkFieldSchema = z.enum(checkFields)
export type CheckField = z.infer<typeof checkFieldSchema>

/**
 * Where a finding is, precisely enough to put the cursor there. For the body, `block` is the index
 * of the Lexical top-level block (body.root.children) and offset/length count characters in that
 * block's text as blockRun() (body-text.ts) reads it; for the headline and standfirst they count in the field's
 * text. A picture is named by its block, or by no block when it is the lead picture.
 */
export const findingWhereSchema = z.strictObject({
  field: checkFieldSchema,
  block: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
  length: z.number().int().nonnegative().optional(),
})
export type FindingWhere = z.infer<typeof findingWhereSchema>

export const severities = ['error', 'warning'] as const
export const severitySchema = z.enum(severities)
export type Severity = z.infer<typeof severitySchema>

export const findingSchema = z.strictObject({
  rule: z.string(),
  severity: severitySchema,
  message: z.string(),
  /** The words at fault, as they stand in the copy. */
  excerpt: z.string(),
  where: findingWhereSchema,
  /**
   * The one-click fix, where there is a sure one: put `replacement` in place of the words at
   * `where` (a misspelling's first suggestion, a style-book entry's preferred form).
   */
  fix: z.strictObject({ replacement: z.string().max(200) }).optional(),
})
export type Finding = z.infer<typeof findingSchema>
