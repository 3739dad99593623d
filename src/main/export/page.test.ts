import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import {
  addPicture,
  create,
  fullStoryFields,
  HOSTILE,
  hostileStoryFields,
  plantUnsafeLinks,
} from '@test/fixtures/export/stories'
import { readPage } from '@test/fixtures/export/read-page'
import { call } from '../api'
import { getStory } from '../library/stories'
import { bodyOf, headingNode, paragraphNode } from '../../shared/body'
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../shared/settings'
import type { Story } from '../../shared/story'
import { noMedia, type MediaLookup } from './context'
import { renderStoryHtml } from './page'

const libraries = useTempLibraries()

const style = (patch: Partial<HouseStyle> = {}): HouseStyle => ({ ...DEFAULT_HOUSE_STYLE, ...patch })

/** Pictures as a folder export refers to them, with an absolute address like a configured site gives. */
const folderMedia: MediaLookup = (mediaId) => ({
  mediaId,
  type: 'image/png',
  width: 12,
  height: 8,
  size: 100,
  src: `images/${mediaId.slice(0, 16)}.png`,
  url: `https://news.example.com/stories/x/images/${mediaId.slice(0, 16)}.png`,
})

function fullStory(): Story {
  const library = libraries.open()
  const related = create(library, { headline: 'Storm warning issued for the coast', status: 'published' })
  const story = create(library, fullStoryFields(addPicture(library), related.id))
  return call(library, 'story:save', {
    id: story.id,
    expectedRevision: story.revision,
    changes: { status: 'published' },
  })
}

describe('the page', () => {
  it('is an article with the headline, standfirst, byline, dateline and times in its header', () => {
    const story = fullStory()
    const page = readPage(renderStoryHtml(story, folderMedia, style()))

    expect(page.one('html').attribs.lang).toBe('en-GB')
    expect(page.one('title').children.length).toBe(1)
    const article = page.one('article')
    const header = page.one('header')
    expect(header.parent).toBe(article)
    expect(page.text(page.one('h1'))).toBe('Harbour wall gives way as storm closes ports')
    expect(page.text(page.byClass('standfirst')[0]!)).toBe(story.standfirst)
    expect(page.text(page.byClass('byline')[0]!)).toBe('By Mara Quinn, Coast Correspondent and Tom Hale, Coast News')
    const times = page.all('time')
    expect(times[0]!.attribs.datetime).toBe(story.publishedAt)
    expect(times[0]!.attribs.class).toContain('dt-published')
    // AP style by default: the dateline opens the first paragraph, the city in capitals.
    const firstParagraph = page.all('p').find((p) => page.text(p).startsWith('SEACOMBE'))!
    expect(page.text(firstParagraph)).toMatch(/^SEACOMBE, England \(CN\) — The harbour wall at Seacombe gave way/)
  })

  it('shows an update time only when the story changed after it was published', () => {
    const story = fullStory()
    const same = readPage(renderStoryHtml({ ...story, updatedAt: story.publishedAt! }, noMedia, style()))
    expect(same.all('time')).toHaveLength(1)
    const later = new Date(Date.parse(story.publishedAt!) + 3600_000).toISOString()
    const updated = readPage(renderStoryHtml({ ...story, updatedAt: later }, noMedia, style()))
    const times = updated.all('time')
    expect(times.map((t) => t.attribs.datetime)).toEqual([story.publishedAt, later])
    expect(updated.text(updated.byClass('timestamps')[0]!)).toMatch(/Updated/)
  })

  it('sets every picture as a figure with alt, caption and the labelled credit; a picture with no image keeps its words', () => {
    const story = fullStory()
    const page = readPage(renderStoryHtml(story, folderMedia, style({ creditLabel: 'Picture:' })))
    const figures = page.all('figure')
    expect(figures).toHaveLength(3)
    const [lead, inBody, noImage] = figures
    const leadImg = page.all('img').find((img) => img.parent === lead)!
    expect(leadImg.attribs.alt).toBe('Waves breaking over the harbour wall at dawn')
    expect(leadImg.attribs.width).toBe('12')
    expect(leadImg.attribs.height).toBe('8')
    expect(leadImg.attribs.src).toMatch(/^images\/[0-9a-f]{16}\.png$/)
    expect(page.text(lead!)).toBe('Waves hit Seacombe before the wall gave way. Picture: Ana Ruiz/Coast News')
    expect(page.byClass('credit').map(page.text)).toEqual([
      'Picture: Ana Ruiz/Coast News',
      'Picture: Ana Ruiz/Coast News',
      'Picture: Coast News',
    ])
    expect(page.all('img').some((img) => img.parent === inBody)).toBe(true)
    expect(page.all('img').some((img) => img.parent === noImage)).toBe(false)
    expect(page.text(noImage!)).toBe('Ferry passengers at the closed terminal. Picture: Coast News')
  })

  it('keeps a credit that already carries the label, and a house without a label prints the credit alone', () => {
    const story = { ...fullStory(), leadPicture: { alt: 'a', caption: 'c', credit: 'Picture: PA' } }
    const labelled = readPage(renderStoryHtml(story, noMedia, style({ creditLabel: 'Picture:' })))
    expect(labelled.text(labelled.byClass('credit')[0]!)).toBe('Picture: PA')
    const bare = readPage(renderStoryHtml(fullStory(), noMedia, style({ creditLabel: '' })))
    expect(bare.text(bare.byClass('credit')[0]!)).toBe('Ana Ruiz/Coast News')
  })

  it('lists related stories in an aside with a heading, each linked by its headline', () => {
    const story = fullStory()
    const page = readPage(
      renderStoryHtml(story, noMedia, style(), { relatedHref: (id) => `../story-${id}/index.html` }),
    )
    const aside = page.one('aside')
    const heading = page.all('h2').find((h) => h.attribs.id === aside.attribs['aria-labelledby'])!
    expect(page.text(heading)).toBe('Related stories')
    const links = page.all('a').filter((a) => isInside(aside, a))
    expect(links.map((a) => [page.text(a), a.attribs.href])).toEqual([
      ['Storm warning issued for the coast', `../story-${story.related[0]!.storyId}/index.html`],
      ['How harbour walls are built', 'https://example.org/harbour-walls'],
    ])
  })

  it('gives the body one outline: the headline is the only h1 and no heading skips a level', () => {
    const story = fullStory()
    const withH1 = {
      ...story,
      body: bodyOf([headingNode('A heading typed as h1'), paragraphNode('Words.'), ...story.body.root.children]),
    }
    ;(withH1.body.root.children[0] as { tag: string }).tag = 'h1'
    const page = readPage(renderStoryHtml(withH1, noMedia, style()))
    expect(page.all('h1')).toHaveLength(1)
    const levels = page.elements.filter((e) => /^h[1-6]$/.test(e.name)).map((e) => Number(e.name[1]))
    // h1 headline, h2 (typed h1), h2, h3 (typed h4, after an h2), then the related aside's h2.
    expect(levels).toEqual([1, 2, 2, 3, 2])
  })

  it('renders text formats, links, line breaks, quotes and nested lists as their HTML elements', () => {
    const page = readPage(renderStoryHtml(fullStory(), noMedia, style()))
    expect(page.text(page.all('strong')[0]!)).toBe('coastguard')
    expect(page.all('strong').some((s) => s.children.some((c) => 'name' in c && c.name === 'em'))).toBe(true)
    expect(page.all('a').map((a) => a.attribs.href)).toContain('mailto:help@seacombe.example.gov.uk')
    expect(page.all('br')).toHaveLength(1)
    expect(page.text(page.one('blockquote'))).toBe('We have never seen the water come over like that.')
    const ol = page.one('ol')
    const items = ol.children.filter((c) => 'name' in c && c.name === 'li')
    // The nested list sits inside the item before it, not in an empty item of its own.
    expect(items).toHaveLength(2)
    expect(page.all('ul').some((ul) => ul.parent === items[1])).toBe(true)
  })

  it('follows each dateline style of the house', () => {
    const story = fullStory()
    const first = (s: HouseStyle) => {
      const page = readPage(renderStoryHtml(story, noMedia, s))
      return page.byClass('dateline').map(page.text)
    }
    expect(first(style({ datelineStyle: 'agency' }))).toEqual(['SEACOMBE, England (CN) —'])
    expect(first(style({ datelineStyle: 'agency-en-dash' }))).toEqual(['SEACOMBE, England (CN) –'])
    expect(first(style({ datelineStyle: 'reuters' }))).toEqual(['SEACOMBE, England, Nov 24 (CN) -'])
    // Intl's words; ICU versions differ on the comma after the weekday.
    expect(first(style({ datelineStyle: 'date-line' }))).toEqual([
      expect.stringMatching(/^Seacombe, England, Tuesday,? 24 November 2026$/),
    ])
    expect(first(style({ datelineStyle: 'none' }))).toEqual([])
  })

  it('does not set a dateline in front of copy that already opens with one', () => {
    const story = { ...fullStory(), body: bodyOf([paragraphNode('SEACOMBE, England (CN) — The wall fell.')]) }
    const page = readPage(renderStoryHtml(story, noMedia, style()))
    expect(page.byClass('dateline')).toHaveLength(0)
    expect(page.text(page.one('div'))).toContain('SEACOMBE, England (CN) — The wall fell.')
  })

  it('shows times in the house time zone and language, while datetime attributes stay UTC', () => {
    const story = { ...fullStory(), publishedAt: '2026-07-01T12:00:00.000Z', updatedAt: '2026-07-01T12:00:00.000Z' }
    const page = readPage(renderStoryHtml(story, noMedia, style({ timeZone: 'America/New_York', language: 'en-US' })))
    expect(page.one('html').attribs.lang).toBe('en-US')
    const time = page.one('time')
    expect(time.attribs.datetime).toBe('2026-07-01T12:00:00.000Z')
    expect(page.text(time)).toMatch(/July 1, 2026.*08:00.*EDT/)
  })

  it('marks a right-to-left language on the page', () => {
    const page = readPage(renderStoryHtml(fullStory(), noMedia, style({ language: 'ar' })))
    expect(page.one('html').attribs).toMatchObject({ lang: 'ar', dir: 'rtl' })
  })
})

describe('the metadata', () => {
  it('carries a NewsArticle JSON-LD with the story as the page shows it', () => {
    const story = fullStory()
    const page = readPage(
      renderStoryHtml(story, folderMedia, style({ siteName: 'Coast Gazette' }), {
        canonicalUrl: 'https://news.example.com/stories/x/',
      }),
    )
    const ld = page.jsonLd()
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour wall gives way as storm closes ports',
      description: story.standfirst,
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      inLanguage: 'en-GB',
      dateline: 'SEACOMBE, England (CN)',
      keywords: 'storm, Seacombe, ferries',
      url: 'https://news.example.com/stories/x/',
      publisher: { '@type': 'Organization', name: 'Coast Gazette' },
    })
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Mara Quinn', jobTitle: 'Coast Correspondent' },
      { '@type': 'Person', name: 'Tom Hale' },
      { '@type': 'Organization', name: 'Coast News' },
    ])
    const images = ld.image as Record<string, unknown>[]
    expect(images).toHaveLength(3)
    expect(images[0]).toMatchObject({
      '@type': 'ImageObject',
      caption: 'Waves hit Seacombe before the wall gave way.',
      creditText: 'Picture: Ana Ruiz/Coast News',
      contentUrl: expect.stringMatching(/^https:\/\/news\.example\.com\/.*\.png$/) as unknown,
      width: 12,
      height: 8,
    })
    expect(images[2]).not.toHaveProperty('contentUrl')
    expect(Date.parse(ld.datePublished as string)).not.toBeNaN()
  })

  it('has Open Graph and Twitter card tags, with the picture only when it has an absolute address', () => {
    const story = fullStory()
    const page = readPage(
      renderStoryHtml(story, folderMedia, style({ siteName: 'Coast Gazette' }), {
        canonicalUrl: 'https://news.example.com/stories/x/',
      }),
    )
    expect(page.meta('og:type')).toEqual(['article'])
    expect(page.meta('og:title')).toEqual([story.headline])
    expect(page.meta('og:description')).toEqual([story.standfirst])
    expect(page.meta('og:url')).toEqual(['https://news.example.com/stories/x/'])
    expect(page.meta('og:locale')).toEqual(['en_GB'])
    expect(page.meta('og:site_name')).toEqual(['Coast Gazette'])
    expect(page.meta('og:image')[0]).toMatch(/^https:\/\//)
    expect(page.meta('og:image:alt')).toEqual(['Waves breaking over the harbour wall at dawn'])
    expect(page.meta('article:published_time')).toEqual([story.publishedAt])
    expect(page.meta('article:tag')).toEqual(['storm', 'Seacombe', 'ferries'])
    expect(page.meta('twitter:card')).toEqual(['summary_large_image'])
    expect(page.meta('twitter:image')).toEqual(page.meta('og:image'))
    expect(page.all('link').find((l) => l.attribs.rel === 'canonical')?.attribs.href).toBe(
      'https://news.example.com/stories/x/',
    )

    const embedded = readPage(renderStoryHtml(story, noMedia, style()))
    expect(embedded.meta('og:image')).toEqual([])
    expect(embedded.meta('twitter:card')).toEqual(['summary'])
    expect(embedded.meta('og:url')).toEqual([])
  })

  it('has a restrictive Content-Security-Policy, and the JSON-LD is the only script', () => {
    const page = readPage(renderStoryHtml(fullStory(), folderMedia, style()))
    const csp = page.all('meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')!
    expect(csp.attribs.content).toMatch(/^default-src 'none'; /)
    expect(csp.attribs.content).not.toMatch(/unsafe-inline|unsafe-eval|script-src/)
    const scripts = page.all('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]!.attribs.type).toBe('application/ld+json')
  })
})

describe('safety', () => {
  it('escapes script tags, quotes and angle brackets in every field: nothing runs, every word survives', () => {
    const library = libraries.open()
    const story = create(library, hostileStoryFields())
    const html = renderStoryHtml(story, noMedia, style())
    const page = readPage(html)

    // Only our own elements: no script but the JSON-LD, no img (the hostile <img> is text), no handlers.
    expect(page.all('script')).toHaveLength(1)
    expect(page.all('img')).toHaveLength(0)
    expect(page.attributes().filter((a) => /^on/i.test(a.name))).toEqual([])
    // The words are there, exactly as typed.
    expect(page.text(page.one('h1'))).toBe(`Headline ${HOSTILE}`)
    expect(page.text(page.byClass('standfirst')[0]!)).toBe(`Standfirst ${HOSTILE}`)
    expect(page.text(page.one('blockquote'))).toBe(`Quote ${HOSTILE}`)
    expect(page.byClass('credit').map(page.text)).toEqual([`Picture: Credit ${HOSTILE}`, `Picture: Credit ${HOSTILE}`])
    expect(page.meta('og:title')).toEqual([`Headline ${HOSTILE}`])
    // The JSON-LD block cannot be closed early, and still says the same.
    expect(html.match(/<\/script/gi)).toHaveLength(1)
    expect(page.jsonLd().headline).toBe(`Headline ${HOSTILE}`)
    const link = page.all('a').find((a) => page.text(a).startsWith('Related'))!
    expect(link.attribs.href).toBe('https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')
  })

  it('drops links that are not http, https or mailto, keeping their words, even from a damaged library', () => {
    const library = libraries.open()
    const story = create(library, { headline: 'Links', body: bodyOf([paragraphNode('x')]) })
    plantUnsafeLinks(library, story.id)
    const page = readPage(renderStoryHtml(getStory(library.db, story.id), noMedia, style()))
    expect(page.all('a')).toHaveLength(0)
    const text = page.text(page.one('div'))
    expect(text).toContain('click me and me and data and vb bell nul lone\uFFFD surrogate')
    expect(page.all('li').map(page.text)).toEqual(['Bad link', 'Data link'])
  })

  it('gives the same bytes for the same story every time', () => {
    const story = fullStory()
    expect(renderStoryHtml(story, folderMedia, style())).toBe(
      renderStoryHtml(structuredClone(story), folderMedia, style()),
    )
  })
})

function isInside(ancestor: unknown, node: { parent: unknown }): boolean {
  for (let at: unknown = node.parent; at; at = (at as { parent: unknown }).parent) if (at === ancestor) return true
  return false
}
