import { z } from 'zod'

/**
 * The house style the export follows. Every process agrees on it: main stores it (one row of the
 * `settings` table a key) and renders with it, the renderer edits it in the House style dialog.
 */

/**
 * How the dateline is set:
 * - agency: `KYIV, Ukraine (AP) —` at the start of the first paragraph (AP style, em dash)
 * - agency-en-dash: `KYIV, Ukraine (PA) –` (UK style prefers the spaced en dash)
 * - reuters: `LONDON, Nov 24 (Reuters) -` (abbreviated month, no full stop, spaced hyphen)
 * - date-line: a line of its own under the byline: `KYIV, Ukraine, 24 November 2026`
 * - none: no dateline on the page (it stays in the metadata)
 */
export const datelineStyles = ['agency', 'agency-en-dash', 'reuters', 'date-line', 'none'] as const
export const datelineStyleSchema = z.enum(datelineStyles)
export type DatelineStyle = z.infer<typeof datelineStyleSchema>

export const DATELINE_STYLE_EXAMPLES: Record<DatelineStyle, string> = {
  agency: 'KYIV, Ukraine (AP) — at the start of the story',
  'agency-en-dash': 'KYIV, Ukraine (PA) – at the start of the story',
  reuters: 'LONDON, Nov 24 (Reuters) - at the start of the story',
  'date-line': 'KYIV, Ukraine, 24 November 2026 on a line of its own',
  none: 'No dateline on the page',
}

// Each check looks at a value only once it is of a sensible length (the max() beside it says so).
function isLanguageTag(value: string): boolean {
  if (value.length > 35) return true
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

function isTimeZone(value: string): boolean {
  if (value.length > 64) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

function isSiteUrl(value: string): boolean {
  if (value === '' || value.length > 500) return true
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash
  } catch {
    return false
  }
}

/** Widths a house style may name: below 64 pixels is an icon, above 4096 no page needs. */
export const MIN_PICTURE_WIDTH = 64
export const MAX_PICTURE_WIDTH = 4096

/**
 * AVIF files are about a fifth smaller than WebP at the same look, but take several times longer to
 * make; every browser of the last five years shows both.
 */
export const pictureFormats = ['webp', 'avif'] as const
export const pictureFormatSchema = z.enum(pictureFormats)
export type PictureFormat = z.infer<typeof pictureFormatSchema>

export const dashStyles = ['en', 'em'] as const
export const dashStyleSchema = z.enum(dashStyles)
export type DashStyle = z.infer<typeof dashStyleSchema>

const fields = {
  /** BCP 47, as the page's lang and og:locale: en-GB, en-US, de, fr-CA ... */
  language: z
    .string()
    .trim()
    .max(35)
    .refine(isLanguageTag, 'a language tag such as en-GB, en-US or de')
    .transform((tag) => Intl.getCanonicalLocales(tag)[0]!),
  datelineStyle: datelineStyleSchema,
  /** Put before every picture credit: "Picture:" gives "Picture: PA". Empty: the credit alone. */
  creditLabel: z.string().trim().max(40),
  /** Publication times on the page are shown in this zone (the datetime attributes stay UTC). */
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'a time zone such as Europe/London, America/New_York or UTC'),
  /** The publication's name: page title suffix, og:site_name, the JSON-LD publisher. */
  siteName: z.string().trim().max(200),
  /**
   * Where the exported folder will be served from (https://news.example.com/stories). With it the
   * page gets a canonical URL, and og:image and JSON-LD images get absolute URLs.
   */
  siteUrl: z
    .string()
    .trim()
    .max(500)
    .refine(isSiteUrl, 'an http or https address with no query, such as https://news.example.com/stories')
    .transform((url) => url.replace(/\/+$/, '')),
  /**
   * The widths (in pixels) each picture is published at; a page's srcset offers them all and the
   * browser picks. A picture narrower than a width is never enlarged to it.
   */
  pictureWidths: z
    .array(z.number().int('a width is a whole number of pixels').min(MIN_PICTURE_WIDTH).max(MAX_PICTURE_WIDTH))
    .min(1, 'at least one picture width')
    .max(8, 'at most 8 picture widths')
    .transform((widths) => [...new Set(widths)].sort((a, b) => a - b)),
  /** The modern format offered first (the JPEG, or PNG for a picture with transparency, is always there too). */
  pictureFormat: pictureFormatSchema,
  /**
   * Curly quotes and apostrophes in the story's language, dashes and the ellipsis as an editor
   * types, and the `straight-quotes` check for those that slipped in (src/shared/typography.ts).
   */
  typography: z.boolean(),
  /** What "--" and a spaced hyphen become: en (spaced en dash, UK style) or em (em dash, AP style). */
  dash: dashStyleSchema,
  /** The house's words for "to come" besides TK ("XXX", "FILL IN"): highlighted in the copy, held by the preflight. */
  placeholderWords: z
    .array(z.string().trim().min(1, 'a placeholder word cannot be empty').max(40))
    .max(50, 'at most 50 placeholder words'),
  /** Keep the editor's notes in ninjs's ednote (for a partner desk); off, they never leave the library. */
  ninjsEditorNote: z.boolean(),
}

export const houseStyleSchema = z.strictObject({
  language: fields.language.default('en-GB'),
  datelineStyle: fields.datelineStyle.default('agency'),
  creditLabel: fields.creditLabel.default('Picture:'),
  timeZone: fields.timeZone.default('Europe/London'),
  siteName: fields.siteName.default(''),
  siteUrl: fields.siteUrl.default(''),
  pictureWidths: fields.pictureWidths.default([480, 960, 1440, 1920]),
  pictureFormat: fields.pictureFormat.default('webp'),
  typography: fields.typography.default(true),
  dash: fields.dash.default('en'),
  placeholderWords: fields.placeholderWords.default(['TK', 'TKTK', 'TKTKTK']),
  ninjsEditorNote: fields.ninjsEditorNote.default(false),
})
export type HouseStyle = z.output<typeof houseStyleSchema>

export const DEFAULT_HOUSE_STYLE: HouseStyle = houseStyleSchema.parse({})

/** A change to some settings: the fields given are checked and saved, the rest kept. */
export const houseStylePatchSchema = z.strictObject(fields).partial()
export type HouseStylePatch = z.input<typeof houseStylePatchSchema>
