import type { HouseStyle } from '../../shared/settings'

/** A picture's bytes as the page refers to them. */
export interface ExportImage {
  mediaId: string
  /** MIME type: image/jpeg ... */
  type: string
  width: number | null
  height: number | null
  size: number
  /** What the page's img src holds: a data: URL, or a path relative to the page (images/...). */
  src: string
  /** An absolute URL where the picture will be served (needs the house style's siteUrl). */
  url?: string
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
