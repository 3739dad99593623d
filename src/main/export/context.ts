import type { HouseStyle } from '../../shared/settings'

/** One file of a picture as the page refers to it. */
export interface ImageFile {
  /** MIME type: image/jpeg ... */
  type: string
  width: number | null
  height: number | null
  size: number
  /** What the page holds: a data: URL, or a path relative to the page (images/...). */
  src: string
  /** An absolute URL where the file will be served (needs the house style's siteUrl). */
  url?: string
}

/** A picture as the page refers to it: the file its img shows, and the others published with it. */
export interface ExportImage extends ImageFile {
  mediaId: string
  /**
   * Every rendition published (srcset, ninjs renditions): the modern format's first, then the img's
   * own type, each narrowest first. Absent in a single file, which embeds the img's file alone.
   */
  renditions?: ImageFile[]
  /** The social card (1200 x 630, centred on the focal point): og:image and twitter:image. */
  card?: ImageFile
}

/** The widest file of the img's own type: what JSON-LD and ninjs offer as the picture. */
export function largestFile(image: ExportImage): ImageFile {
  const own = (image.renditions ?? []).filter((r) => r.type === image.type)
  return own[own.length - 1] ?? image
}

/** Finds a picture by media id; undefined when the library has no such bytes. */
export type MediaLookup = (mediaId: string) => ExportImage | undefined

export const noMedia: MediaLookup = () => undefined

/** A picture as it appears on the page, gathered for the metadata (JSON-LD, Open Graph, ninjs). */
export interface PagePicture {
  /** The story's lead picture (shown above the body). */
  lead: boolean
  mediaId?: string
  alt: string
  caption: string
  credit: string
  image?: ExportImage
}

/** What the body renderers share while one story is rendered. */
export interface BodyContext {
  media: MediaLookup
  style: HouseStyle
  /** ninjs bodies are XHTML: void elements closed (<br/>), which HTML pages leave open. */
  xhtml: boolean
  /** The level of the heading above: the page has one h1 (the headline) and never skips a level. */
  lastHeading: number
  pictures: PagePicture[]
}

export function bodyContext(media: MediaLookup, style: HouseStyle, xhtml = false): BodyContext {
  return { media, style, xhtml, lastHeading: 1, pictures: [] }
}
