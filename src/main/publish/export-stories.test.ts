import Ajv from 'ajv'
import { XMLValidator } from 'fast-xml-parser'
import addFormats from 'ajv-formats'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { addPicture, create, fullStoryFields, hostileStoryFields } from '@test/fixtures/export/stories'
import { readPage } from '@test/fixtures/export/read-page'
import ninjsSchema from '@test/fixtures/export/ninjs-2.0.schema.json'
import { call } from '../api'
import type { Library } from '../library'
import { listRevisions } from '../library/stories'
import exifr from 'exifr'
import { addMedia, readMedia } from '../library/media'
import { exifTags, near, pixel, SERIAL, stripes, twentyMegabytePhoto } from '../media/test-pictures'
import { exportBaseName } from '../export/file-names'
import sharp from 'sharp'
import { bodyFromParagraphs } from '../../shared/body'

const libraries = useTempLibraries()

const ajv = new Ajv({ allErrors: true })
addFormats(ajv)
const validNinjs = ajv.compile(ninjsSchema)

/**
 * These tests are about the page the export writes, for finished and deliberately thin stories alike
 * (no headline, no body, a hostile one), so they export past the preflight; preflight.test.ts tests the hold.
 */
const UNFINISHED = { override: { reason: 'the test exports an unfinished story on purpose' } }

/** Every file under a folder, relative paths, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort()
}

function library(): { library: Library; out: string } {
  return { library: libraries.open(), out: join(libraries.dir(), 'export') }
}

function twoStories(library: Library) {
  const related = create(library, { headline: 'Storm warning issued for the coast', status: 'published' })
  const story = create(library, fullStoryFields(addPicture(library), related.id))
  return { story, related }
}

describe('story:export to a folder', () => {
  it('writes each story as a folder with its page and its pictures, linked to each other', async () => {
    const { library: lib, out } = library()
    const { story, related } = twoStories(lib)
    const { results, outDir } = await call(lib, 'story:export', { ...UNFINISHED, all: true, outDir: out })
    expect(outDir).toBe(out)
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [related.id, true],
      [story.id, true],
    ])
    const base = exportBaseName(story)
    expect(base).toBe(`harbour-wall-gives-way-as-storm-closes-ports-${story.id}`)
    const files = filesUnder(out)
    const images = files.filter((f) => f.startsWith(`${base}/images/`))
    expect(files.filter((f) => !images.includes(f))).toEqual([
      `${base}/index.html`,
      `${exportBaseName(related)}/index.html`,
    ])
    // The 12 x 8 picture at its own width (never enlarged), in WebP and JPEG: named by the picture.
    const stem = story.leadPicture!.mediaId!.slice(0, 12)
    expect(images.map((f) => f.replace(/-[0-9a-f]{8}-/, '-KEY-'))).toEqual([
      `${base}/images/${stem}-KEY-12.jpg`,
      `${base}/images/${stem}-KEY-12.webp`,
    ])
    expect(results[1]!.file).toBe(join(out, base, 'index.html'))
    const page = readPage(readFileSync(join(out, base, 'index.html'), 'utf8'))
    // The same picture in two places is the same files; every file the page names is there.
    const jpeg = images[0]!.slice(base.length + 1)
    expect(new Set(page.all('img').map((i) => i.attribs.src))).toEqual(new Set([jpeg]))
    expect(new Set(page.all('img').map((i) => i.attribs.srcset))).toEqual(new Set([`${jpeg} 12w`]))
    expect(new Set(page.all('source').map((s) => `${s.attribs.type} ${s.attribs.srcset}`))).toEqual(
      new Set([`image/webp ${images[1]!.slice(base.length + 1)} 12w`]),
    )
    const relatedLink = page.all('a').find((a) => page.text(a) === 'Storm warning issued for the coast')!
    expect(relatedLink.attribs.href).toBe(`../${exportBaseName(related)}/index.html`)
    // The files are the picture, made again, not the library's bytes.
    const stored = readMedia(lib.db, story.leadPicture!.mediaId!)
    const written = readFileSync(join(out, images[0]!))
    expect(written).not.toEqual(stored.bytes)
    expect(await sharp(written).metadata()).toMatchObject({ format: 'jpeg', width: 12, height: 8 })
  })

  it('writes one self-contained file a story with --single-file, pictures embedded', async () => {
    const { library: lib, out } = library()
    const { story, related } = twoStories(lib)
    const { results } = await call(lib, 'story:export', {
      ...UNFINISHED,
      ids: [story.id],
      outDir: out,
      singleFile: true,
    })
    expect(results[0]).toMatchObject({ ok: true, file: join(out, `${exportBaseName(story)}.html`) })
    expect(filesUnder(out)).toEqual([`${exportBaseName(story)}.html`])
    const page = readPage(readFileSync(results[0]!.file!, 'utf8'))
    const srcs = page.all('img').map((i) => i.attribs.src!)
    expect(srcs.length).toBe(2)
    for (const src of srcs) expect(src).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/)
    expect(page.all('source')).toEqual([]) // one file a picture, embedded: no choice to offer
    const relatedLink = page.all('a').find((a) => page.text(a) === 'Storm warning issued for the coast')!
    expect(relatedLink.attribs.href).toBe(`${exportBaseName(related)}.html`)
  })

  it('gives pages a canonical address and absolute picture URLs when the house style knows the site', async () => {
    const { library: lib, out } = library()
    const { story } = twoStories(lib)
    call(lib, 'settings:set', { siteUrl: 'https://news.example.com/stories/', siteName: 'Coast Gazette' })
    const { results } = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out })
    const page = readPage(readFileSync(results[0]!.file!, 'utf8'))
    const base = exportBaseName(story)
    expect(page.meta('og:url')).toEqual([`https://news.example.com/stories/${base}/`])
    // The social card: a crop of the card's shape (the 12 x 8 picture is too small for 1200 x 630).
    expect(page.meta('og:image')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^https://news\\.example\\.com/stories/${base}/images/${story.leadPicture!.mediaId!.slice(0, 12)}-[0-9a-f]{8}-card\\.jpg$`,
        ),
      ),
    ])
    expect(page.meta('og:image:width')).toEqual(['12'])
    expect(page.meta('og:image:height')).toEqual(['6'])
    expect(page.meta('twitter:image')).toEqual(page.meta('og:image'))
    const card = page.meta('og:image')[0]!.split('/').pop()!
    expect(filesUnder(join(out, base))).toContain(`images/${card}`)
    expect(page.text(page.one('title'))).toBe('Harbour wall gives way as storm closes ports – Coast Gazette')
  })

  it('gives the same bytes when the same story is exported twice', async () => {
    const { library: lib, out } = library()
    const { story } = twoStories(lib)
    const first = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out })
    const bytes = readFileSync(first.results[0]!.file!)
    const second = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: join(out, 'again') })
    expect(readFileSync(second.results[0]!.file!)).toEqual(bytes)
  })

  it('marks stories published on request: status, publication time on the page, and nothing changes the second time', async () => {
    const { library: lib, out } = library()
    const { story } = twoStories(lib)
    expect(story.status).toBe('ready')
    const now = Date.now()
    const { results } = await call(lib, 'story:export', {
      ...UNFINISHED,
      ids: [story.id],
      outDir: out,
      markPublished: true,
    })
    expect(results[0]).toMatchObject({ ok: true, published: true })
    const saved = call(lib, 'story:get', { id: story.id })
    expect(saved.status).toBe('published')
    expect(Date.parse(saved.publishedAt!)).toBeGreaterThanOrEqual(now - 1000)
    expect(saved.revision).toBe(story.revision + 1)
    expect(listRevisions(lib.db, story.id)[0]).toMatchObject({ revision: saved.revision, reason: 'status' })

    const html = readFileSync(results[0]!.file!, 'utf8')
    const page = readPage(html)
    expect(page.one('time').attribs.datetime).toBe(saved.publishedAt)
    expect(page.jsonLd()).toMatchObject({ datePublished: saved.publishedAt, dateModified: saved.updatedAt })

    const again = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out, markPublished: true })
    expect(again.results[0]!.published).toBeUndefined()
    expect(call(lib, 'story:get', { id: story.id }).revision).toBe(saved.revision)
    expect(readFileSync(again.results[0]!.file!, 'utf8')).toBe(html)
  })

  it('stamps the publication time when an editor sets the status to published by hand, once', () => {
    const { library: lib } = library()
    const story = create(lib, { headline: 'By hand', body: bodyFromParagraphs(['Words enough to publish.']) })
    const published = call(lib, 'story:save', {
      id: story.id,
      expectedRevision: story.revision,
      changes: { status: 'published' },
    })
    expect(published.publishedAt).toBe(published.updatedAt)
    const edited = call(lib, 'story:save', {
      id: story.id,
      expectedRevision: published.revision,
      changes: { headline: 'By hand, corrected' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })

  it('reports warnings an editor should see: missing alt text, credit, image; a related story gone', async () => {
    const { library: lib, out } = library()
    const gone = create(lib, { headline: 'A story later deleted' })
    const story = create(lib, {
      headline: '',
      leadPicture: { mediaId: 'a'.repeat(64), alt: '', caption: 'A picture whose bytes are gone', credit: '' },
      related: [{ headline: 'A story later deleted', storyId: gone.id }],
    })
    call(lib, 'story:delete', { id: gone.id })
    const { results } = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out })
    expect(results[0]!.ok).toBe(true)
    expect(results[0]!.warnings).toEqual([
      'it has no headline (the page says "Untitled story")',
      'the lead picture: its image is not in the library; the page has its caption and credit only',
      'the lead picture has no credit',
      'related story "A story later deleted" is no longer in the library; listed without a link',
    ])
  })
})

describe('failures', () => {
  it('leaves no partial file when a page cannot be written, keeps the old page, and goes on with the others', async () => {
    const { library: lib, out } = library()
    const { story, related } = twoStories(lib)
    // The story's page path is taken by a folder: the rename onto it fails after the bytes are written.
    const base = exportBaseName(story)
    mkdirSync(join(out, `${base}.html`), { recursive: true })
    writeFileSync(join(out, 'keep.html'), 'old page')
    const { results } = await call(lib, 'story:export', {
      ...UNFINISHED,
      ids: [story.id, related.id],
      outDir: out,
      singleFile: true,
    })
    expect(results[0]).toMatchObject({ id: story.id, ok: false })
    expect(results[0]!.error).toMatch(/could not be written/)
    expect(results[1]).toMatchObject({ id: related.id, ok: true })
    expect(filesUnder(out)).toEqual(['keep.html', `${exportBaseName(related)}.html`])
    expect(statSync(join(out, `${base}.html`)).isDirectory()).toBe(true)
    expect(readFileSync(join(out, 'keep.html'), 'utf8')).toBe('old page')
  })

  it('does not mark a story published when its page could not be written', async () => {
    const { library: lib, out } = library()
    const { story } = twoStories(lib)
    mkdirSync(join(out, `${exportBaseName(story)}.html`), { recursive: true })
    const { results } = await call(lib, 'story:export', {
      ...UNFINISHED,
      ids: [story.id],
      outDir: out,
      singleFile: true,
      markPublished: true,
    })
    expect(results[0]!.ok).toBe(false)
    expect(call(lib, 'story:get', { id: story.id })).toMatchObject({ status: 'ready', revision: story.revision })
  })

  it('names a story that is not in the library, and a folder that is a file', async () => {
    const { library: lib, out } = library()
    const { results } = await call(lib, 'story:export', { ...UNFINISHED, ids: [999], outDir: out })
    expect(results).toEqual([{ id: 999, ok: false, error: 'there is no story 999 in the library', warnings: [] }])
    writeFileSync(join(out, 'a-file'), '')
    await expect(call(lib, 'story:export', { ...UNFINISHED, ids: [999], outDir: join(out, 'a-file') })).rejects.toThrow(
      /cannot export to .*a-file: it is a file, not a folder/,
    )
  })

  it('refuses a request without stories, with both ids and all, or with a relative folder, naming the field', () => {
    const { library: lib } = library()
    expect(() => call(lib, 'story:export', { ...UNFINISHED, outDir: '/tmp/x' })).toThrow(
      /ids: give the ids of the stories/,
    )
    expect(() => call(lib, 'story:export', { ...UNFINISHED, ids: [1], all: true, outDir: '/tmp/x' })).toThrow(
      /ids: give the ids/,
    )
    expect(() => call(lib, 'story:export', { ...UNFINISHED, all: true, outDir: 'relative/path' })).toThrow(
      /outDir: the export folder must be a full path/,
    )
    expect(() => call(lib, 'story:export', { ...UNFINISHED, all: true, outDir: '/tmp/x', format: 'pdf' })).toThrow(
      /format/,
    )
  })
})

describe('ninjs', () => {
  it('writes ninjs 2.0 that the schema accepts, with headlines, bodies, by, located and associations', async () => {
    const { library: lib, out } = library()
    const { story, related } = twoStories(lib)
    const { results } = await call(lib, 'story:export', { ...UNFINISHED, all: true, outDir: out, format: 'ninjs' })
    expect(results.every((r) => r.ok)).toBe(true)
    expect(filesUnder(out)).toEqual([`${exportBaseName(story)}.json`, `${exportBaseName(related)}.json`].sort())
    const item = JSON.parse(readFileSync(join(out, `${exportBaseName(story)}.json`), 'utf8')) as Record<string, unknown>
    expect(validNinjs(item), ajv.errorsText(validNinjs.errors)).toBe(true)
    expect(item).toMatchObject({
      uri: `urn:copydesk:story:${story.id}`,
      type: 'text',
      standard: { name: 'ninjs', version: '2.0' },
      headlines: [{ role: 'main', value: story.headline }],
      descriptions: [{ role: 'summary', value: story.standfirst }],
      by: 'Mara Quinn, Coast Correspondent and Tom Hale, Coast News',
      located: 'Seacombe, England',
      language: 'en-GB',
      subjects: [{ name: 'storm' }, { name: 'Seacombe' }, { name: 'ferries' }],
    })
    const [richtext, plain] = item.bodies as { contenttype: string; value: string }[]
    expect(richtext!.contenttype).toBe('application/xhtml+xml')
    expect(richtext!.value).toContain('<br/>')
    // application/xhtml+xml: the body must be well-formed XML.
    expect(XMLValidator.validate(`<div>${richtext!.value}</div>`)).toBe(true)
    expect(plain!.value).toBe(story.bodyText)
    const associations = item.associations as Record<string, unknown>[]
    expect(associations.map((a) => [a.name, a.type])).toEqual([
      ['lead-picture', 'picture'],
      ['picture-2', 'picture'],
      ['picture-3', 'picture'],
      ['related-1', 'text'],
      ['related-2', 'text'],
    ])
    expect(associations[0]).toMatchObject({
      by: 'Ana Ruiz/Coast News',
      descriptions: [
        { role: 'caption', value: 'Waves hit Seacombe before the wall gave way.' },
        { role: 'alt', value: 'Waves breaking over the harbour wall at dawn' },
      ],
      renditions: [{ name: 'web', contenttype: 'image/jpeg', width: 12, height: 8 }],
    })
    // Without the site's address the picture travels inside the file, at one width.
    expect((associations[0]!.renditions as { href: string }[])[0]!.href).toMatch(/^data:image\/jpeg;base64,/)
    expect(associations[3]).toMatchObject({ uri: `urn:copydesk:story:${related.id}` })
  })

  it('links pictures by URL and writes them beside the file when the site address is known', async () => {
    const { library: lib, out } = library()
    const { story } = twoStories(lib)
    call(lib, 'settings:set', { siteUrl: 'https://news.example.com/stories' })
    await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out, format: 'ninjs' })
    const base = exportBaseName(story)
    const images = filesUnder(join(out, base, 'images'))
    const named = (end: string) => images.find((f) => f.endsWith(end))!
    expect(images.map((f) => f.replace(/^[0-9a-f]{12}-[0-9a-f]{8}-/, '')).sort()).toEqual([
      '12.jpg',
      '12.webp',
      'card.jpg',
    ])
    const item = JSON.parse(readFileSync(join(out, `${base}.json`), 'utf8')) as Record<string, unknown>
    expect(validNinjs(item), ajv.errorsText(validNinjs.errors)).toBe(true)
    expect(item).toMatchObject({ uri: `https://news.example.com/stories/${base}/` })
    const lead = (item.associations as { renditions: { name: string; href: string; contenttype: string }[] }[])[0]!
    const url = (file: string) => `https://news.example.com/stories/${base}/images/${file}`
    expect(lead.renditions.map((r) => [r.name, r.contenttype, r.href])).toEqual([
      ['webp-12', 'image/webp', url(named('-12.webp'))],
      ['jpeg-12', 'image/jpeg', url(named('-12.jpg'))],
      ['social-card', 'image/jpeg', url(named('-card.jpg'))],
    ])
  })

  it('stays valid and safe for a hostile story and an empty one', async () => {
    const { library: lib, out } = library()
    const hostile = create(lib, hostileStoryFields())
    const empty = create(lib, {})
    const { results } = await call(lib, 'story:export', {
      ...UNFINISHED,
      ids: [hostile.id, empty.id],
      outDir: out,
      format: 'ninjs',
    })
    for (const result of results) {
      const item = JSON.parse(readFileSync(result.file!, 'utf8')) as Record<string, unknown>
      expect(validNinjs(item), ajv.errorsText(validNinjs.errors)).toBe(true)
    }
    const item = JSON.parse(readFileSync(results[0]!.file!, 'utf8')) as { bodies: { value: string }[] }
    expect(item.bodies[0]!.value).not.toMatch(/<script/i)
    expect(item.bodies[0]!.value).toContain('&lt;script&gt;')
    expect(XMLValidator.validate(`<div>${item.bodies[0]!.value}</div>`)).toBe(true)
  })
})

describe('published pictures', () => {
  it(
    'publishes a 20 MB camera original as renditions: no location, camera or software in any file, a single file under 1 MB',
    { timeout: 120_000 },
    async () => {
      const { library: lib, out } = library()
      const mediaId = addMedia(lib.db, await twentyMegabytePhoto()).id
      expect(readMedia(lib.db, mediaId).size).toBeGreaterThan(15 * 1024 * 1024)
      const story = create(lib, fullStoryFields(mediaId))
      call(lib, 'settings:set', { siteUrl: 'https://news.example.com/stories' })
      const folder = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: join(out, 'folder') })
      const single = await call(lib, 'story:export', {
        ...UNFINISHED,
        ids: [story.id],
        outDir: join(out, 'single'),
        singleFile: true,
      })

      // The single file embeds one width of each picture, not the original.
      expect(statSync(single.results[0]!.file!).size).toBeLessThan(1024 * 1024)

      const page = readPage(readFileSync(folder.results[0]!.file!, 'utf8'))
      for (const img of page.all('img')) {
        expect(Number(img.attribs.width)).toBeGreaterThan(0)
        expect(Number(img.attribs.height)).toBeGreaterThan(0)
      }
      const lead = page.all('img')[0]!
      expect([lead.attribs.width, lead.attribs.height]).toEqual(['960', '645'])
      expect(lead.attribs.srcset!.split(', ').map((c) => c.split(' ')[1])).toEqual(['480w', '960w', '1440w', '1920w'])
      expect(page.all('source').map((s) => s.attribs.type)).toEqual(['image/webp', 'image/webp'])

      const imageDir = join(out, 'folder', exportBaseName(story), 'images')
      const written = readdirSync(imageDir)
      expect(written).toHaveLength(4 * 2 + 1) // four widths in two formats, and the social card
      for (const name of written) {
        const bytes = readFileSync(join(imageDir, name))
        const meta = await sharp(bytes).metadata()
        const tags = await exifTags(bytes)
        expect(
          Object.keys(tags).filter((k) => /gps|latitude|serial|make|model|software/i.test(k)),
          name,
        ).toEqual([])
        if (meta.format === 'jpeg') {
          const read = (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true, ifd1: true })) as
            Record<string, unknown> | undefined
          expect(read?.latitude, name).toBeUndefined()
          expect(read?.Software, name).toBeUndefined()
          // The photographer's credit and copyright travel in the file.
          expect(read?.Credit, name).toBe('Zoë Ångström/PA')
          expect(JSON.stringify(read?.rights), name).toContain('© 2026 PA Media')
        }
        expect(bytes.toString('latin1')).not.toContain(SERIAL)
        expect(meta.width).toBeLessThanOrEqual(1920)
      }
      const card = page.meta('og:image')[0]!.split('/').pop()!
      expect(await sharp(join(imageDir, card)).metadata()).toMatchObject({ width: 1200, height: 630 })
    },
  )

  it('centres the social card on the focal point the editor set', async () => {
    const { library: lib, out } = library()
    const mediaId = addMedia(lib.db, await stripes(1400, 2400, '#ff0000', '#0000ff')).id
    call(lib, 'settings:set', { siteUrl: 'https://news.example.com/stories' })
    const story = create(lib, fullStoryFields(mediaId))
    const cardColour = async (focus: { x: number; y: number }) => {
      const saved = call(lib, 'story:save', {
        id: story.id,
        expectedRevision: call(lib, 'story:get', { id: story.id }).revision,
        changes: { leadPicture: { ...story.leadPicture!, focus } },
        reason: 'autosave',
      })
      expect(saved.leadPicture?.focus).toEqual(focus)
      const { results } = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out })
      const page = readPage(readFileSync(results[0]!.file!, 'utf8'))
      const card = page.meta('og:image')[0]!.split('/').pop()!
      return pixel(readFileSync(join(out, exportBaseName(story), 'images', card)), 600, 315)
    }
    expect(near(await cardColour({ x: 0.5, y: 0.05 }), [255, 0, 0])).toBe(true)
    expect(near(await cardColour({ x: 0.5, y: 0.95 }), [0, 0, 255])).toBe(true)
    const preview = await call(lib, 'story:preview', { id: story.id })
    expect(preview.card).toMatchObject({ width: 1200, height: 630 })
    expect(near(await pixel(Buffer.from(preview.card!.src.split(',')[1]!, 'base64'), 600, 315), [0, 0, 255])).toBe(true)
  })

  it('says which pictures lack alt text or credit, and which could not be made ready for the web', async () => {
    const { library: lib, out } = library()
    const mediaId = addPicture(lib)
    const story = create(lib, {
      headline: 'Pictures without words',
      leadPicture: { mediaId, alt: '', caption: 'A caption', credit: '' },
    })
    const { results } = await call(lib, 'story:export', { ...UNFINISHED, ids: [story.id], outDir: out })
    expect(results[0]!.warnings).toEqual(['the lead picture has no alt text', 'the lead picture has no credit'])
  })
})
