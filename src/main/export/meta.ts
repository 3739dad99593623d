import { cleanText, escapeAttr } from './escape'
import { ogLocale, shareablePicture, type PageFacts } from './facts'

function tag(attr: 'name' | 'property', key: string, value: string | number): string {
  return `<meta ${attr}="${key}" content="${escapeAttr(cleanText(String(value)))}">`
}

/**
 * Open Graph and Twitter card tags. Pictures appear only with an absolute URL (social sites cannot
 * read data: URLs or relative paths); the twitter:* values are given in full rather than left to
 * fall back on og:*, which some checkers fail.
 */
export function socialMeta(facts: PageFacts): string[] {
  const out: string[] = []
  const og = (key: string, value: string | number) => out.push(tag('property', key, value))
  const tw = (key: string, value: string | number) => out.push(tag('name', key, value))
  const shared = shareablePicture(facts)
  const picture = shared?.picture
  const image = shared?.file

  og('og:type', 'article')
  og('og:title', facts.headline)
  if (facts.description) og('og:description', facts.description)
  og('og:locale', ogLocale(facts.language))
  if (facts.siteName) og('og:site_name', facts.siteName)
  if (facts.canonicalUrl) og('og:url', facts.canonicalUrl)
  if (image?.url) {
    og('og:image', image.url)
    og('og:image:type', image.type)
    if (image.width && image.height) {
      og('og:image:width', image.width)
      og('og:image:height', image.height)
    }
    if (picture?.alt) og('og:image:alt', picture.alt)
  }
  og('article:published_time', facts.published)
  og('article:modified_time', facts.modified)
  for (const byline of facts.bylines) if (byline.name.trim()) og('article:author', byline.name)
  for (const keyword of facts.keywords) og('article:tag', keyword)

  tw('twitter:card', image?.url ? 'summary_large_image' : 'summary')
  tw('twitter:title', facts.headline)
  if (facts.description) tw('twitter:description', facts.description)
  if (image?.url) {
    tw('twitter:image', image.url)
    if (picture?.alt) tw('twitter:image:alt', picture.alt)
  }
  return out
}
