import type { HouseStyle } from '../../shared/settings'
import type { RelatedEntry, Story } from '../../shared/story'
import { bylineHtml } from './byline'
import { bodyContext, type MediaLookup } from './context'
import { formatMoment, isoInstant } from './dates'
import { opensWithDateline, setDateline } from './dateline'
import { cleanText, escapeAttr, escapeText, safeHref } from './escape'
import type { PageFacts } from './facts'
import { jsonLdScript } from './jsonld'
import { socialMeta } from './meta'
import { renderBody } from './nodes'
import { renderFigure } from './nodes/picture'
import { PAGE_CSP, PAGE_STYLE } from './style'

export interface PageOptions {
  /** Where a related story of the library is, relative to this page; undefined when it is gone. */
  relatedHref?: (storyId: number) => string | undefined
  /** The page's address once published (needs the house style's siteUrl). */
  canonicalUrl?: string
}

export const UNTITLED = 'Untitled story'

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb'])

function htmlAttributes(language: string): string {
  const base = language.split('-')[0]!.toLowerCase()
  return `lang="${escapeAttr(language)}"${RTL_LANGUAGES.has(base) ? ' dir="rtl"' : ''}`
}

/**
 * The window title and search result line: search engines cut it at about 60 to 70 characters, so
 * a long headline is shortened at a word (the page's h1 and og:title keep it whole).
 */
export const TITLE_MAX = 70

export function pageTitle(headline: string, site: string): string {
  // Measured as written in the file (checkers count &amp; as five characters).
  const fits = (title: string) => escapeText(title).length <= TITLE_MAX
  const withSite = site ? `${headline} – ${site}` : headline
  if (fits(withSite)) return withSite
  if (fits(headline)) return headline
  let cut = headline
  while (cut && !fits(cut + '…')) {
    const space = cut.lastIndexOf(' ', cut.length - 2)
    cut = space > TITLE_MAX / 3 ? cut.slice(0, space) : cut.slice(0, -1)
  }
  return cut.replace(/[\s,;:.–—-]+$/, '') + '…'
}

/** When the story was published (or, not yet published, last saved) and last changed: UTC. */
export function storyTimes(story: Story): { published: string; modified: string } {
  const modified = isoInstant(story.updatedAt) ?? story.updatedAt
  const published = (story.publishedAt && isoInstant(story.publishedAt)) || modified
  return { published, modified }
}

function timestampsHtml(published: string, modified: string, style: HouseStyle): string {
  const when = (iso: string) => escapeText(formatMoment(iso, style.language, style.timeZone))
  let html = `<p class="timestamps"><time class="dt-published published" datetime="${published}">${when(published)}</time>`
  // An update is worth telling the reader about when it is more than a minute after publication.
  if (Date.parse(modified) - Date.parse(published) > 60_000) {
    html += ` · Updated <time class="dt-updated updated" datetime="${modified}">${when(modified)}</time>`
  }
  return html + '</p>'
}

function relatedHtml(related: readonly RelatedEntry[], options: PageOptions): string {
  const items: string[] = []
  for (const entry of related) {
    const headline = cleanText(entry.headline ?? '')
    const href =
      (entry.storyId !== undefined ? options.relatedHref?.(entry.storyId) : undefined) ?? safeHref(entry.url) ?? null
    const words = headline || (href && entry.url ? cleanText(entry.url) : '')
    if (!words) continue
    items.push(
      href ? `<li><a href="${escapeAttr(href)}">${escapeText(words)}</a></li>` : `<li>${escapeText(words)}</li>`,
    )
  }
  if (!items.length) return ''
  return (
    '<aside class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related stories</h2>\n' +
    `<ul>\n${items.join('\n')}\n</ul>\n</aside>\n`
  )
}

/**
 * The story as a publish-ready HTML5 page: one pure function from the story, its pictures and the
 * house style to a string, so it runs anywhere (export, preview, CLI, benchmark) and gives the same
 * bytes for the same story every time.
 */
export function renderStoryHtml(
  story: Story,
  media: MediaLookup,
  style: HouseStyle,
  options: PageOptions = {},
): string {
  const ctx = bodyContext(media, style)
  const headline = cleanText(story.headline) || UNTITLED
  const standfirst = cleanText(story.standfirst)
  const { published, modified } = storyTimes(story)

  const lead = story.leadPicture ? renderFigure(story.leadPicture, ctx, true) : ''

  const dateline = setDateline(story.dateline ?? {}, style.datelineStyle, style.language)
  const inline = dateline?.placement === 'inline'
  const leadWords = inline ? `<span class="dateline">${escapeText(dateline.text)} ${dateline.dash}</span> ` : ''
  const body = renderBody(story.body, ctx, leadWords, inline ? (text) => opensWithDateline(text, dateline) : undefined)
  let bodyHtml = body.html
  if (inline && !body.leadPlaced) bodyHtml = `<p>${leadWords.trimEnd()}</p>\n${bodyHtml}`

  const header = [`<h1 class="p-name entry-title">${escapeText(headline)}</h1>`]
  if (standfirst) header.push(`<p class="standfirst p-summary entry-summary">${escapeText(standfirst)}</p>`)
  const byline = bylineHtml(story.bylines ?? [])
  if (byline) header.push(byline)
  if (dateline?.placement === 'line') header.push(`<p class="date-line dateline">${escapeText(dateline.text)}</p>`)
  header.push(timestampsHtml(published, modified, style))

  const facts: PageFacts = {
    headline,
    description: standfirst,
    language: style.language,
    published,
    modified,
    bylines: story.bylines ?? [],
    dateline: dateline?.text ?? null,
    keywords: story.keywords ?? [],
    pictures: ctx.pictures,
    ...(options.canonicalUrl ? { canonicalUrl: options.canonicalUrl } : {}),
    siteName: style.siteName,
    wordCount: story.wordCount,
  }

  const site = cleanText(style.siteName)
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(pageTitle(headline, site))}</title>`,
  ]
  if (standfirst) head.push(`<meta name="description" content="${escapeAttr(standfirst)}">`)
  if (options.canonicalUrl) head.push(`<link rel="canonical" href="${escapeAttr(options.canonicalUrl)}">`)
  head.push(...socialMeta(facts))
  head.push(`<style>${PAGE_STYLE}</style>`)
  head.push(jsonLdScript(facts, style.creditLabel))

  return (
    '<!DOCTYPE html>\n' +
    `<html ${htmlAttributes(style.language)}>\n<head>\n${head.join('\n')}\n</head>\n<body>\n` +
    // The story is the page's main landmark; its related stories a complementary one beside it, at
    // the top level where screen readers list landmarks (axe: landmark-one-main, region).
    '<main>\n<article class="h-entry hnews hentry">\n' +
    `<header>\n${header.join('\n')}\n</header>\n` +
    lead +
    `<div class="e-content entry-content">\n${bodyHtml}</div>\n` +
    '</article>\n</main>\n' +
    relatedHtml(story.related ?? [], options) +
    '</body>\n</html>\n'
  )
}
