import type { Byline } from '../../shared/story'
import { largestFile, type ImageFile, type PagePicture } from './context'

/** What the page says about its story, gathered once for the metadata (JSON-LD, Open Graph, Twitter). */
export interface PageFacts {
  headline: string
  description: string
  language: string
  /** ISO 8601 UTC instants. */
  published: string
  modified: string
  bylines: readonly Byline[]
  /** The dateline as shown on the page, without its dash; null when none is shown. */
  dateline: string | null
  keywords: readonly string[]
  /** Every picture on the page, the lead picture first. */
  pictures: readonly PagePicture[]
  canonicalUrl?: string
  siteName: string
  wordCount: number
}

/** The file a social card shows of a picture: its crop of the card's shape, else its widest file. */
export function cardFile(picture: PagePicture): ImageFile | undefined {
  if (!picture.image) return undefined
  return picture.image.card ?? largestFile(picture.image)
}

/** The first picture with an absolute address for its card (what social sites can fetch). */
export function shareablePicture(facts: PageFacts): { picture: PagePicture; file: ImageFile } | undefined {
  for (const picture of facts.pictures) {
    const file = cardFile(picture)
    if (file?.url) return { picture, file }
  }
  return undefined
}

const locales = new Map<string, string>()

/** og:locale wants language_TERRITORY: en-GB -> en_GB. (Cached: Intl.Locale is slow to build.) */
export function ogLocale(language: string): string {
  let found = locales.get(language)
  if (found === undefined) {
    try {
      const locale = new Intl.Locale(language)
      found = locale.region ? `${locale.language}_${locale.region}` : locale.language
    } catch {
      found = language.replace(/-/g, '_')
    }
    locales.set(language, found)
  }
  return found
}
