import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import type { ExportOutput, ExportRequest, ExportResult } from '../../shared/export'
import type { HouseStyle } from '../../shared/settings'
import type { Story, StoryId, StoryStatus } from '../../shared/story'
import { findMedia, mediaInfo, type MediaInfo } from '../library/media'
import type { Db } from '../library/open'
import { prepared } from '../library/open'
import { readHouseStyle } from '../library/settings'
import { getStory, saveStory } from '../library/stories'
import type { ExportImage, MediaLookup } from './context'
import { dataUrl, ensureFolder, exportBaseName, imageFileName, writeFileAtomic } from './files'
import { renderStoryNinjs, storyUrn } from './ninjs'
import { renderStoryHtml, UNTITLED } from './page'

interface RelatedStory {
  id: number
  slug: string
  headline: string
  status: StoryStatus
}

/** Per-export memo of the library rows the pages refer to. */
class Lookups {
  private related = new Map<number, RelatedStory | null>()
  constructor(private readonly db: Db) {}

  story(id: number): RelatedStory | null {
    let found = this.related.get(id)
    if (found === undefined) {
      found = (prepared(this.db, 'SELECT id, slug, headline, status FROM stories WHERE id = ?').get(id) ??
        null) as RelatedStory | null
      this.related.set(id, found)
    }
    return found
  }
}

type Layout = 'folder' | 'single-file'

const enc = encodeURIComponent

/** The address a story's page will have on the website, when the house style says where that is. */
function canonicalUrl(style: HouseStyle, base: string, layout: Layout): string | undefined {
  if (!style.siteUrl) return undefined
  return layout === 'folder' ? `${style.siteUrl}/${enc(base)}/` : `${style.siteUrl}/${enc(base)}.html`
}

/** A picture to write beside the page (its bytes are read only if the file is not there yet). */
interface PendingImage {
  file: string
  mediaId: string
}

function describe(info: MediaInfo): Omit<ExportImage, 'src'> {
  return { mediaId: info.id, type: info.type, width: info.width, height: info.height, size: info.size }
}

/**
 * How one story's pictures are referred to: embedded (data: URLs) in a single file, or image files
 * in the story's folder (images/...), with absolute URLs when the site address is known.
 */
function mediaFor(
  db: Db,
  base: string,
  style: HouseStyle,
  embed: boolean,
  pending: Map<string, PendingImage>,
): MediaLookup {
  const cache = new Map<string, ExportImage | undefined>()
  return (mediaId) => {
    if (cache.has(mediaId)) return cache.get(mediaId)
    let image: ExportImage | undefined
    if (embed) {
      const stored = findMedia(db, mediaId)
      if (stored) image = { ...describe(stored), src: dataUrl(stored.type, stored.bytes) }
    } else {
      const info = mediaInfo(db, mediaId)
      if (info) {
        const file = imageFileName(mediaId, info.type)
        pending.set(file, { file, mediaId })
        const url = style.siteUrl ? `${style.siteUrl}/${enc(base)}/images/${file}` : undefined
        image = { ...describe(info), src: `images/${file}`, ...(url ? { url } : {}) }
      }
    }
    cache.set(mediaId, image)
    return image
  }
}

/** What an editor should know about a story that was exported anyway. */
function warningsFor(db: Db, story: Story, lookups: Lookups): string[] {
  const warnings: string[] = []
  if (!story.headline.trim()) warnings.push(`it has no headline (the page says "${UNTITLED}")`)
  const pictures = [
    ...(story.leadPicture ? [{ where: 'the lead picture', p: story.leadPicture }] : []),
    ...story.body.root.children
      .filter((b) => b.type === 'picture')
      .map((p, i) => ({ where: `picture ${i + 1} in the body`, p })),
  ]
  for (const { where, p } of pictures) {
    if (p.mediaId && !mediaInfo(db, p.mediaId)) {
      warnings.push(`${where}: its image is not in the library; the page has its caption and credit only`)
    } else if (p.mediaId && !p.alt.trim()) {
      warnings.push(`${where} has no alt text`)
    }
    if ((p.mediaId || p.caption.trim()) && !p.credit.trim()) warnings.push(`${where} has no credit`)
  }
  for (const entry of story.related) {
    if (entry.storyId === undefined) continue
    const other = lookups.story(entry.storyId)
    if (!other && !entry.url)
      warnings.push(`related story "${entry.headline}" is no longer in the library; listed without a link`)
    else if (other && other.status !== 'published')
      warnings.push(`related story "${other.headline || entry.headline}" is not published yet`)
  }
  return warnings
}

export interface ExportOptions {
  now?: Date
  /** Called after each story, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

function storyIds(db: Db, request: ExportRequest): StoryId[] {
  if (request.all)
    return (prepared(db, 'SELECT id FROM stories ORDER BY id').all() as { id: number }[]).map((r) => r.id)
  return [...new Set(request.ids ?? [])]
}

function prepareFolder(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new ApiError('invalid-input', `cannot export to ${outDir}: it is a file, not a folder`)
  }
  try {
    ensureFolder(outDir)
  } catch (error) {
    throw new ApiError('invalid-input', `cannot export to ${outDir}: ${(error as Error).message}`)
  }
}

/**
 * Export stories to a folder, each on its own: one story failing (a file that cannot be written)
 * never stops the others, and leaves no half-written file. Marking published happens only after
 * the story's files are in place, and the page carries the publication time it records.
 */
export function exportStories(db: Db, request: ExportRequest, options: ExportOptions = {}): ExportOutput {
  const outDir = resolve(request.outDir)
  prepareFolder(outDir)
  const style = readHouseStyle(db)
  const lookups = new Lookups(db)
  const ids = storyIds(db, request)
  const results: ExportResult[] = []
  for (const id of ids) {
    results.push(exportOne(db, id, outDir, style, lookups, request, options.now ?? new Date()))
    options.onProgress?.(results.length, ids.length)
  }
  return { outDir, results }
}

function exportOne(
  db: Db,
  id: StoryId,
  outDir: string,
  style: HouseStyle,
  lookups: Lookups,
  request: ExportRequest,
  now: Date,
): ExportResult {
  let story: Story
  try {
    story = getStory(db, id)
  } catch (error) {
    return { id, ok: false, error: (error as Error).message, warnings: [] }
  }
  const original = story
  const publish = request.markPublished && (story.status !== 'published' || !story.publishedAt)
  if (publish) {
    const at = now.toISOString()
    story = {
      ...story,
      status: 'published',
      publishedAt: story.publishedAt ?? at,
      updatedAt: at,
      revision: story.revision + 1,
    }
  }
  const headline = story.headline
  try {
    const base = exportBaseName(story)
    const layout: Layout = request.singleFile ? 'single-file' : 'folder'
    const pending = new Map<string, PendingImage>()
    // ninjs needs absolute addresses for renditions: without the site's address, pictures are embedded.
    const embed = layout === 'single-file' || (request.format === 'ninjs' && !style.siteUrl)
    const media = mediaFor(db, base, style, embed, pending)
    let file: string
    let text: string
    if (request.format === 'ninjs') {
      file = join(outDir, `${base}.json`)
      text = renderStoryNinjs(story, media, style, {
        uri: canonicalUrl(style, base, 'folder') ?? storyUrn(story.id),
        relatedUri: (otherId) => {
          const other = lookups.story(otherId)
          return other ? (canonicalUrl(style, exportBaseName(other), 'folder') ?? storyUrn(other.id)) : undefined
        },
      })
    } else {
      file = layout === 'folder' ? join(outDir, base, 'index.html') : join(outDir, `${base}.html`)
      const canonical = canonicalUrl(style, base, layout)
      text = renderStoryHtml(story, media, style, {
        ...(canonical ? { canonicalUrl: canonical } : {}),
        relatedHref: (otherId) => {
          const other = lookups.story(otherId)
          if (!other) return undefined
          const otherBase = enc(exportBaseName(other))
          return layout === 'folder' ? `../${otherBase}/index.html` : `${otherBase}.html`
        },
      })
    }
    // Pictures first, the page last: a page never points at an image that is not there yet.
    if (pending.size) {
      const imageDir = join(outDir, base, 'images')
      ensureFolder(imageDir)
      for (const image of pending.values()) {
        const target = join(imageDir, image.file)
        // Content-addressed names: a file already there holds these very bytes.
        if (existsSync(target)) continue
        const stored = findMedia(db, image.mediaId)
        if (stored) writeFileAtomic(target, stored.bytes)
      }
    } else if (layout === 'folder' && request.format === 'html') {
      ensureFolder(join(outDir, base))
    }
    writeFileAtomic(file, text)
    const warnings = warningsFor(db, story, lookups)
    if (publish) {
      saveStory(db, {
        id,
        expectedRevision: original.revision,
        changes: { status: 'published', publishedAt: story.publishedAt ?? null },
        reason: 'status',
        now,
      })
    }
    return { id, ok: true, headline, file, warnings, ...(publish ? { published: true } : {}) }
  } catch (error) {
    const message = error instanceof ApiError ? error.message : `could not be written: ${(error as Error).message}`
    return { id, ok: false, headline, error: message, warnings: [] }
  }
}

/** The page as the export would write it, pictures embedded: what the Preview panel shows. */
export function previewStoryHtml(db: Db, id: StoryId): string {
  const story = getStory(db, id)
  const style = readHouseStyle(db)
  const media = mediaFor(db, exportBaseName(story), style, true, new Map())
  return renderStoryHtml(story, media, style)
}
