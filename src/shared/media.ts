import { z } from 'zod'

/**
 * What every process agrees on about picture bytes: the kinds Copydesk takes, the size limit, and
 * the one address the renderer shows them at. The bytes themselves live in the library's media
 * table (src/main/library/media.ts); see docs/pictures.md.
 */

/** The kinds of picture Copydesk stores, by the MIME type each is served with. */
export const pictureTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const
export const pictureTypeSchema = z.enum(pictureTypes)
export type PictureType = z.infer<typeof pictureTypeSchema>

/** Names for messages: "JPEG, PNG, WebP, GIF or AVIF". */
export const PICTURE_TYPE_NAMES: Record<PictureType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
}
export const ACCEPTED_PICTURES = 'JPEG, PNG, WebP, GIF or AVIF'

/** 40 MB: a full-size news photograph from a professional camera is 10 to 30 MB. */
export const MAX_PICTURE_BYTES = 40 * 1024 * 1024

/** A decoded image this large would take gigabytes of memory to show: refused as if broken. */
export const MAX_PICTURE_PIXELS = 250_000_000

/**
 * The longest side a picture may have. Chromium draws no canvas wider or taller than 32,767 pixels,
 * so no screen in the app could show more, and a 1 x 250,000,000 "picture" is an attack, not a
 * panorama (the widest phone panoramas are about 20,000 pixels).
 */
export const MAX_PICTURE_SIDE = 32_767

/**
 * The most pixels the app itself decodes for one picture: what it shows is a preview at most
 * PREVIEW_HEIGHT tall and PREVIEW_MAX_WIDTH wide (5.8 megapixels, 23 MB decoded). A picture with more
 * pixels is shown through a preview, whatever its file size: a 219 KB PNG of 15,000 x 15,000 pixels
 * took Chromium to 1.3 GB when it was shown itself.
 */
export const PREVIEW_MAX_WIDTH = 4800

/** A media id is the SHA-256 of the bytes, in lower-case hex: the same picture is stored once. */
const MEDIA_ID = '[0-9a-f]{64}'
export const mediaIdSchema = z.string().regex(new RegExp(`^${MEDIA_ID}$`), 'a media id is a SHA-256 hex digest')
export type MediaId = z.infer<typeof mediaIdSchema>

/** "24.3 MB", "812 KB": sizes as an editor reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

export function tooBigMessage(name: string, bytes: number): string {
  return `${name} is ${formatBytes(bytes)}; a picture can be at most ${formatBytes(MAX_PICTURE_BYTES)}`
}

/**
 * Where the renderer finds a picture: a RELATIVE url, so it resolves against the page, which is
 * app://copydesk/ in the app (protocol.ts serves it) and the test origin in e2e (the bridge does).
 * Never a file path.
 */
export const MEDIA_PATH_PREFIX = 'media/'

/** The picture's own bytes: what export publishes. */
export function mediaSrc(id: MediaId): string {
  return MEDIA_PATH_PREFIX + id
}

/**
 * What the app shows: the picture's preview when it has one, else the picture itself. Showing a
 * 30-megapixel photograph at panel size costs Chromium seconds of decoding and rasterising, during
 * which no typed key reaches the screen; a preview costs milliseconds. See docs/pictures.md.
 */
export function mediaPreviewSrc(id: MediaId): string {
  return `${MEDIA_PATH_PREFIX}${id}/preview`
}

/**
 * From this size a picture is large: the renderer makes it a preview, and hands it to main in a
 * pause in typing (docs/pictures.md). Smaller ones cost nothing noticeable either way.
 */
export const LARGE_PICTURE_BYTES = 1024 * 1024
/** A preview is this many pixels tall: enough for a figure on a high-density screen. */
export const PREVIEW_HEIGHT = 1200
export const PREVIEW_MAX_PIXELS = PREVIEW_HEIGHT * PREVIEW_MAX_WIDTH
/**
 * A JPEG's preview is a JPEG (encoded five times faster than WebP: 45 ms against 230 ms for a
 * 1,800 x 1,200 copy here); any other picture's is a WebP, which keeps transparency.
 */
export const previewTypes = ['image/jpeg', 'image/webp'] as const
export type PreviewType = (typeof previewTypes)[number]
export const MAX_PREVIEW_BYTES = 4 * 1024 * 1024

const MEDIA_REQUEST_PATH = new RegExp(`^/media/(${MEDIA_ID})(/preview)?$`)

export interface MediaRequest {
  id: MediaId
  preview: boolean
}

/** The picture a request path asks for ("/media/<64 hex>", or ".../preview"), or null for any other path. */
export function mediaRequestFromPath(pathname: string): MediaRequest | null {
  const match = MEDIA_REQUEST_PATH.exec(pathname)
  return match ? { id: match[1]!, preview: match[2] !== undefined } : null
}

export const mediaAddInputSchema = z.strictObject({
  /** The file name the editor chose or dropped; used in messages only. */
  name: z.string().trim().min(1).max(500),
  /** The file's bytes, as they cross IPC (a structured clone, no base64 to decode on main). */
  data: z
    .instanceof(Uint8Array, { message: "data must be the picture file's bytes" })
    .refine(
      (data) => data.length <= MAX_PICTURE_BYTES,
      `the picture is over ${formatBytes(MAX_PICTURE_BYTES)}, the most Copydesk takes`,
    ),
  /** A smaller copy to show in the app (JPEG or WebP, PREVIEW_HEIGHT tall), made by the renderer for large files. */
  preview: z
    .instanceof(Uint8Array, { message: 'preview must be image bytes' })
    .refine((data) => data.length <= MAX_PREVIEW_BYTES, `a preview can be at most ${formatBytes(MAX_PREVIEW_BYTES)}`)
    .optional(),
})

/**
 * Pictures cross to main and are stored in parts of this size. Crossing: a large picture is handed
 * over a part at a time between the editor's keys (media:begin, media:part, media:finish), so no
 * key waits behind 20 MB being copied from process to process. Storing: see PART_BYTES's use in
 * main/library/media.ts.
 */
export const PART_BYTES = 512 * 1024

/**
 * When no one is typing, a part can be this large (and is stored as rows of PART_BYTES): 42
 * round trips of 512 KiB were most of a 20 MB picture's add (docs/benchmarks.md, "Pictures: where
 * the 20 MB add's time goes").
 */
export const QUIET_PART_BYTES = 8 * PART_BYTES

const uploadIdSchema = z.uuid({ message: 'upload must be the id media:begin gave' })

export const mediaBeginInputSchema = z.strictObject({
  name: mediaAddInputSchema.shape.name,
  /** The whole file's size, so a picture over the limit is refused before any of it is sent. */
  size: z
    .number()
    .int()
    .positive('the picture file is empty')
    .max(MAX_PICTURE_BYTES, `the picture is over ${formatBytes(MAX_PICTURE_BYTES)}, the most Copydesk takes`),
})

export const mediaBeginOutputSchema = z.strictObject({ upload: uploadIdSchema })

export const mediaPartInputSchema = z.strictObject({
  upload: uploadIdSchema,
  /** Parts come in order: 0, 1, 2... */
  seq: z.number().int().nonnegative(),
  data: z
    .instanceof(Uint8Array, { message: "data must be part of the picture file's bytes" })
    .refine((data) => data.length > 0 && data.length <= QUIET_PART_BYTES, `a part is 1 to ${QUIET_PART_BYTES} bytes`),
})

export const mediaPartOutputSchema = z.strictObject({ received: z.number().int().nonnegative() })

export const mediaFinishInputSchema = z.strictObject({
  upload: uploadIdSchema,
  preview: mediaAddInputSchema.shape.preview,
})

/** Words found in the picture's own metadata (IPTC/XMP), offered to prefill its fields. */
export const pictureSuggestionSchema = z.strictObject({
  caption: z.string().max(4000).optional(),
  credit: z.string().max(300).optional(),
  alt: z.string().max(1000).optional(),
})
export type PictureSuggestion = z.infer<typeof pictureSuggestionSchema>

export const mediaAddOutputSchema = z.strictObject({
  mediaId: mediaIdSchema,
  type: pictureTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  size: z.number().int().positive(),
  suggested: pictureSuggestionSchema,
})
export type MediaAdded = z.infer<typeof mediaAddOutputSchema>

/**
 * The point of a picture that matters most, as fractions of its width and height (0,0 top left, as
 * the picture is shown upright): social cards and other fixed-shape crops are centred on it.
 */
export const focusSchema = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
})
export type Focus = z.infer<typeof focusSchema>
