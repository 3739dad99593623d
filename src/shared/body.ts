import { z } from 'zod'
import { isSafeLink } from './links'
import { pictureNodeSchema } from './picture'
import { commentIdSchema, rootStateSchema } from './comments'
import { bodyLimitProblem, MAX_BLOCKS, MAX_MARK_IDS } from './limits'

/**
 * The story body is the Lexical editor state as JSON. These schemas name the node types the
 * editor may produce; main reads and writes the same JSON with plain functions (no Lexical, no DOM),
 * so import, export and the CLI run in plain Node. Objects are loose because Lexical adds
 * bookkeeping fields (direction, indent, version) that must survive a round trip.
 */

/** Lexical's text format bit flags. */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const

const safeLinkUrl = z.string().max(2000).refine(isSafeLink, 'links must be http, https, mailto or tel')

export const textNodeSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  format: z.number().int().nonnegative().optional(),
  /**
   * Inline CSS is dropped from every door (api, paste, import): the toolbar sets none, and a style
   * such as `position: fixed; inset: 0` would lay the story's text over the whole window.
   */
  style: z
    .string()
    .optional()
    .transform(() => ''),
})
export const lineBreakNodeSchema = z.looseObject({ type: z.literal('linebreak') })
export const tabNodeSchema = z.looseObject({ type: z.literal('tab'), text: z.string().optional() })

export const linkNodeSchema = z.looseObject({
  type: z.enum(['link', 'autolink']),
  url: safeLinkUrl,
  // A comment may be made on part of a link's words, so a mark may sit inside a link.
  get children(): z.ZodArray<
    z.ZodUnion<[typeof textNodeSchema, typeof lineBreakNodeSchema, typeof tabNodeSchema, typeof markNodeSchema]>
  > {
    return z.array(z.union([textNodeSchema, lineBreakNodeSchema, tabNodeSchema, markNodeSchema]))
  },
})

/**
 * Words an inline comment is about (Lexical's MarkNode, src/shared/comments.ts): the ids of the
 * threads on them, and the words. A mark never publishes: export renders its words only. Marks
 * inside marks are accepted (the editor flattens them, but a save must never fail on one).
 */
export const markNodeSchema = z.looseObject({
  type: z.literal('mark'),
  ids: z.array(commentIdSchema).max(MAX_MARK_IDS, `one stretch of words carries at most ${MAX_MARK_IDS} comments`),
  get children(): z.ZodArray<typeof inlineNodeSchema> {
    return z.array(inlineNodeSchema)
  },
})

export const inlineNodeSchema: z.ZodUnion<
  [
    typeof textNodeSchema,
    typeof lineBreakNodeSchema,
    typeof tabNodeSchema,
    typeof linkNodeSchema,
    typeof markNodeSchema,
  ]
> = z.union([textNodeSchema, lineBreakNodeSchema, tabNodeSchema, linkNodeSchema, markNodeSchema])
export type InlineNode = z.infer<typeof inlineNodeSchema>
export type MarkNode = z.infer<typeof markNodeSchema>

export const paragraphNodeSchema = z.looseObject({
  type: z.literal('paragraph'),
  children: z.array(inlineNodeSchema),
})
export const headingNodeSchema = z.looseObject({
  type: z.literal('heading'),
  tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  children: z.array(inlineNodeSchema),
})
export const quoteNodeSchema = z.looseObject({
  type: z.literal('quote'),
  children: z.array(inlineNodeSchema),
})

export const listItemNodeSchema = z.looseObject({
  type: z.literal('listitem'),
  get children(): z.ZodArray<z.ZodUnion<[typeof inlineNodeSchema, typeof listNodeSchema]>> {
    return z.array(z.union([inlineNodeSchema, listNodeSchema]))
  },
})
export const listNodeSchema = z.looseObject({
  type: z.literal('list'),
  listType: z.enum(['bullet', 'number', 'check']),
  get children(): z.ZodArray<typeof listItemNodeSchema> {
    return z.array(listItemNodeSchema)
  },
})
export type ListNode = z.infer<typeof listNodeSchema>
export type ListItemNode = z.infer<typeof listItemNodeSchema>

/** A picture in the body: its home, shared with the lead picture, is picture.ts. */
export { pictureNodeSchema }

export type PictureNode = z.infer<typeof pictureNodeSchema>

export const blockNodeSchema = z.union([
  paragraphNodeSchema,
  headingNodeSchema,
  quoteNodeSchema,
  listNodeSchema,
  pictureNodeSchema,
])
export type BlockNode = z.infer<typeof blockNodeSchema>

const bodyShapeSchema = z.strictObject({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(blockNodeSchema).max(MAX_BLOCKS),
    /** Lexical's node state on the root: the story's comment threads (src/shared/comments.ts). */
    $: rootStateSchema.optional(),
  }),
})

/** Size and depth are measured first (without recursion), so the node schemas never recurse too deep. */
export const bodySchema = z
  .unknown()
  .superRefine((body, ctx) => {
    const problem = bodyLimitProblem(body)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true })
  })
  .pipe(bodyShapeSchema)
export type Body = z.infer<typeof bodySchema>

/* ---------- building bodies (import, tests, new stories) ---------- */

const elementDefaults = { direction: null, format: '', indent: 0, version: 1 } as const

export function textNode(text: string, format = 0): z.infer<typeof textNodeSchema> {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

export function paragraphNode(text: string): BlockNode {
  return { ...elementDefaults, type: 'paragraph', textFormat: 0, textStyle: '', children: text ? [textNode(text)] : [] }
}

export function headingNode(text: string, tag: 'h2' | 'h3' | 'h4' = 'h2'): BlockNode {
  return { ...elementDefaults, type: 'heading', tag, children: [textNode(text)] }
}

export function quoteNode(text: string): BlockNode {
  return { ...elementDefaults, type: 'quote', children: [textNode(text)] }
}

export function listNode(listType: 'bullet' | 'number', items: string[]): BlockNode {
  return {
    ...elementDefaults,
    type: 'list',
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    children: items.map((item, index) => ({
      ...elementDefaults,
      type: 'listitem',
      value: index + 1,
      children: [textNode(item)],
    })),
  }
}

export function bodyOf(blocks: BlockNode[]): Body {
  return { root: { ...elementDefaults, type: 'root', children: blocks } }
}

export function emptyBody(): Body {
  return bodyOf([paragraphNode('')])
}

/** A body of plain paragraphs, as wire copy usually arrives. */
export function bodyFromParagraphs(paragraphs: string[]): Body {
  const blocks = paragraphs.map((p) => p.trim()).filter(Boolean)
  return blocks.length ? bodyOf(blocks.map((p) => paragraphNode(p))) : emptyBody()
}

/* ---------- counting (the text itself is read by body-text.ts) ---------- */

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

export function countWords(text: string): number {
  let n = 0
  for (const _ of text.matchAll(WORD)) n++
  return n
}

/** Minutes to read at a news reader's pace (about 230 words a minute), at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230))
}
