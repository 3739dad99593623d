import type { Byline } from '../../shared/story'
import type { PagePicture } from './context'

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

/** The first picture that has an absolute address (what social cards can fetch). */
export function shareablePicture(facts: PageFacts): PagePicture | undefined {
  return facts.pictures.find((p) => p.image?.url)
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
