import { z } from 'zod'
import { focusSchema, mediaIdSchema } from './media'

/**
 * A picture's words, kept once for both places a picture sits: a story's lead picture and a
 * picture in the body (a body node of type 'picture' with the same fields). Wire readers build
 * one, export renders one (src/main/export/nodes/picture.ts), the editor's PictureNode holds one.
 * The credit is the agency or photographer ("PA"), never "Picture: PA".
 */
export const pictureSchema = z.strictObject({
  /** The stored bytes; absent when wire copy described a picture it did not carry. */
  mediaId: mediaIdSchema.optional(),
  alt: z.string().max(1000),
  caption: z.string().max(4000),
  credit: z.string().max(300),
  /**
   * The point that matters most (a face, the ball), as fractions of the upright picture: social
   * cards and other fixed-shape crops are centred on it. Absent: the middle. The editor sets it on
   * the lead picture; a body picture keeps one it was given.
   */
  focus: focusSchema.optional(),
})
export type Picture = z.infer<typeof pictureSchema>

/** The body node: the same fields, loose because Lexical adds its own bookkeeping (version) to every node. */
export const pictureNodeSchema = z.looseObject({ type: z.literal('picture'), ...pictureSchema.shape })
