import { largestFile } from './context'
import { cleanText, jsonForScript } from './escape'
import type { PageFacts } from './facts'
import { creditLine } from './nodes/picture'

/**
 * schema.org NewsArticle, from what the page shows (Google reads it; it must match the visible
 * copy). Authors are Person or Organization as their bylines say; pictures are ImageObjects with
 * creditText, the credit line field schema.org took from IPTC.
 */
export function newsArticle(facts: PageFacts, creditLabel: string): Record<string, unknown> {
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: cleanText(facts.headline),
  }
  if (facts.description) article.description = cleanText(facts.description)
  article.inLanguage = facts.language
  article.datePublished = facts.published
  article.dateModified = facts.modified
  const authors = facts.bylines
    .filter((b) => b.name.trim())
    .map((b) =>
      b.kind === 'agency'
        ? { '@type': 'Organization', name: cleanText(b.name) }
        : { '@type': 'Person', name: cleanText(b.name), ...(b.title?.trim() ? { jobTitle: cleanText(b.title) } : {}) },
    )
  if (authors.length) article.author = authors
  const images = facts.pictures.map((p) => {
    const image: Record<string, unknown> = { '@type': 'ImageObject' }
    const file = p.image ? largestFile(p.image) : undefined
    if (file?.url) {
      image.contentUrl = file.url
      image.url = file.url
    }
    if (file?.width && file.height) {
      image.width = file.width
      image.height = file.height
    }
    if (p.caption) image.caption = cleanText(p.caption)
    if (p.credit) image.creditText = cleanText(creditLine(p.credit, creditLabel))
    if (p.alt) image.description = cleanText(p.alt)
    return image
  })
  if (images.length) article.image = images
  if (facts.dateline) article.dateline = cleanText(facts.dateline)
  if (facts.keywords.length) article.keywords = facts.keywords.map(cleanText).join(', ')
  article.wordCount = facts.wordCount
  if (facts.canonicalUrl) {
    article.url = facts.canonicalUrl
    article.mainEntityOfPage = { '@type': 'WebPage', '@id': facts.canonicalUrl }
  }
  if (facts.siteName) article.publisher = { '@type': 'Organization', name: cleanText(facts.siteName) }
  return article
}

export function jsonLdScript(facts: PageFacts, creditLabel: string): string {
  return `<script type="application/ld+json">${jsonForScript(newsArticle(facts, creditLabel))}</script>`
}
