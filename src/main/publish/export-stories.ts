import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import type { ExportOutput, ExportRequest, ExportResult } from '../../shared/export'
import type { HouseStyle } from '../../shared/settings'
import type { Story, StoryId } from '../../shared/story'
import { exportBaseName } from '../export/file-names'
import { renderStoryNinjs, storyUrn } from '../export/ninjs'
import { renderStoryHtml } from '../export/page'
import { exportWarnings } from '../export/warnings'
import { mediaInfo } from '../library/media'
import { renditionBytes } from '../library/renditions'
import type { Db } from '../library/open'
import { blockingItems, overrideNote, overrideProblem, type PreflightItem } from '../../shared/preflight'
import {
  allStoryIds,
  findLinkedStory,
  markPublished,
  recordOverride,
  type LinkedStory,
  type SaveDoor,
} from '../library/publishing'
import { preflightStory } from './preflight'
import { readHouseStyle } from '../library/settings'
import { getStory } from '../library/stories'
import { canonicalUrl, enc, type Layout } from './page-media'
import { prepareStoryPictures } from './story-pictures'
import { checkExportRoot, ensureFolder, holdsFile, writeFileAtomic } from './write-files'

/*
 * The export job: load what each page needs from the library (the story, the house style, its
 * pictures, the stories it links to), render it with the pure renderers in src/main/export/, write
 * the files, then mark the story published. See docs/export.md.
 */

/** Per-export memo of the stories the pages link to. */
class Lookups {
  private linked = new Map<number, LinkedStory | null>()
  constructor(private readonly db: Db) {}

  story(id: number): LinkedStory | null {
    let found = this.linked.get(id)
    if (found === undefined) {
      found = findLinkedStory(this.db, id)
      this.linked.set(id, found)
    }
    return found
  }
}

export interface ExportOptions {
  now?: Date
  /** Called after each story, for a progress bar. */
  onProgress?: (done: number, total: number) => void
  /**
   * Where "mark published" and an override's note are saved: a shared story's go into its doc on
   * the desk (api.ts), so colleagues see it published and the override in its history.
   */
  save?: SaveDoor
}

function storyIds(db: Db, request: ExportRequest): StoryId[] {
  if (request.all) return allStoryIds(db)
  return [...new Set(request.ids ?? [])]
}

function prepareFolder(typed: string): string {
  try {
    checkExportRoot(typed)
  } catch (error) {
    throw new ApiError('invalid-input', `cannot export to ${typed}: ${(error as Error).message}`)
  }
  const outDir = resolve(typed)
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new ApiError('invalid-input', `cannot export to ${outDir}: it is a file, not a folder`)
  }
  try {
    ensureFolder(outDir)
  } catch (error) {
    throw new ApiError('invalid-input', `cannot export to ${outDir}: ${(error as Error).message}`)
  }
  return outDir
}

/**
 * Export stories to a folder, each on its own: one story failing (a file that cannot be written)
 * never stops the others, and leaves no half-written file. Marking published happens only after
 * the story's files are in place, and the page carries the publication time it records.
 */
export async function exportStories(
  db: Db,
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportOutput> {
  const outDir = prepareFolder(request.outDir)
  const style = readHouseStyle(db)
  const lookups = new Lookups(db)
  const ids = storyIds(db, request)
  const results: ExportResult[] = []
  for (const id of ids) {
    results.push(await exportOne(db, id, outDir, style, lookups, request, options.now ?? new Date(), options))
    options.onProgress?.(results.length, ids.length)
  }
  return { outDir, results }
}

async function exportOne(
  db: Db,
  id: StoryId,
  outDir: string,
  style: HouseStyle,
  lookups: Lookups,
  request: ExportRequest,
  now: Date,
  options: ExportOptions,
): Promise<ExportResult> {
  let story: Story
  try {
    story = getStory(db, id)
  } catch (error) {
    return { id, ok: false, error: (error as Error).message, warnings: [] }
  }
  // The preflight first: a story it holds is not written, and says why (the embargo, TK, a kill...).
  let preflight: PreflightItem[]
  try {
    preflight = await preflightStory(db, story, now)
  } catch (error) {
    return { id, ok: false, headline: story.headline, error: (error as Error).message, warnings: [] }
  }
  const held = overrideProblem(preflight, request.override)
  if (held) return { id, ok: false, headline: story.headline, error: held, warnings: [], preflight }
  const overridden =
    request.override && blockingItems(preflight).length ? overrideNote(preflight, request.override) : undefined
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
    // ninjs needs absolute addresses for renditions: without the site's address, pictures are embedded.
    const embed = layout === 'single-file' || (request.format === 'ninjs' && !style.siteUrl)
    // Renditions made (or read from the library's cache) before the pure renderers run.
    const pictures = await prepareStoryPictures(db, story, style, { base, embed })
    const { media, files: pending } = pictures
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
      ensureFolder(imageDir, outDir)
      for (const image of pending.values()) {
        const target = join(imageDir, image.file)
        // Content-addressed names: a file already there holds these very bytes.
        if (holdsFile(target, outDir)) continue
        const bytes = renditionBytes(db, image.key, image.seq)
        if (bytes) writeFileAtomic(target, bytes, outDir)
      }
    } else if (layout === 'folder' && request.format === 'html') {
      ensureFolder(join(outDir, base), outDir)
    }
    writeFileAtomic(file, text, outDir)
    const warnings = [
      ...exportWarnings(story, {
        hasPicture: (mediaId) => mediaInfo(db, mediaId) !== null,
        linkedStory: (otherId) => lookups.story(otherId),
      }),
      ...pictures.problems,
    ]
    if (publish) markPublished(db, original, story.publishedAt ?? now.toISOString(), now, overridden, options.save)
    else if (overridden) recordOverride(db, original, overridden, now, options.save)
    return { id, ok: true, headline, file, warnings, preflight, ...(publish ? { published: true } : {}) }
  } catch (error) {
    const message = error instanceof ApiError ? error.message : `could not be written: ${(error as Error).message}`
    return { id, ok: false, headline, error: message, warnings: [] }
  }
}
