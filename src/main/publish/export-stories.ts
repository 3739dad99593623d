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
import { blockingItems, overrideNote, overrideProblem, runPreflight } from '../../shared/preflight'
import type { Finding } from '../../shared/checks'
import type { CheckOptions } from '../../shared/checks/options'
import { CheckSession } from '../checks/check-session'
import { readCheckOptions } from '../library/check-options'
import {
  allStoryIds,
  findLinkedStories,
  findLinkedStory,
  markPublished,
  recordOverride,
  type LinkedStory,
  type SaveDoor,
} from '../library/publishing'
import { readHouseStyle } from '../library/settings'
import { getStory } from '../library/stories'
import { canonicalUrl, enc, type Layout } from './page-media'
import { prepareStoryPictures } from './story-pictures'
import { checkExportRoot, ensureFolder, ExportFolder } from './write-files'

/*
 * The export job: load what each page needs from the library (the story, the house style, its
 * pictures, the stories it links to), render it with the pure renderers in src/main/export/, write
 * the files, then mark the story published. See docs/export.md.
 */

/**
 * Per-export memo of what pages and the preflight look up: the stories they link to, and whether a
 * picture is in the library (both asked by the preflight, then by the export's warnings).
 */
class Lookups {
  private linked = new Map<number, LinkedStory | null>()
  private pictures = new Map<string, boolean>()
  constructor(private readonly db: Db) {}

  story = (id: number): LinkedStory | null => {
    let found = this.linked.get(id)
    if (found === undefined) {
      found = findLinkedStory(this.db, id)
      this.linked.set(id, found)
    }
    return found
  }

  /** The stories a batch links to, looked up in one query before its pages are made. */
  storiesLinkedFrom(stories: readonly Story[]): void {
    const wanted = new Set<number>()
    for (const story of stories)
      for (const entry of story.related)
        if (entry.storyId !== undefined && !this.linked.has(entry.storyId)) wanted.add(entry.storyId)
    if (!wanted.size) return
    for (const found of findLinkedStories(this.db, [...wanted])) this.linked.set(found.id, found)
    for (const id of wanted) if (!this.linked.has(id)) this.linked.set(id, null)
  }

  hasPicture = (mediaId: string): boolean => {
    let found = this.pictures.get(mediaId)
    if (found === undefined) {
      found = mediaInfo(this.db, mediaId) !== null
      this.pictures.set(mediaId, found)
    }
    return found
  }
}

/** What every story of one export shares, read once when it starts. */
interface ExportJob {
  db: Db
  request: ExportRequest
  options: ExportOptions
  now: Date
  outDir: string
  folder: ExportFolder
  style: HouseStyle
  checkOptions: CheckOptions
  lookups: Lookups
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

/** How many stories are read and checked together; the next batch is checked while this one is written. */
const BATCH = 50

/** A batch of stories read from the library, their checks under way on the check thread. */
interface Batch {
  stories: ({ id: StoryId; story: Story } | { id: StoryId; error: string })[]
  findings: Promise<(Finding[] | ApiError)[]>
}

function readBatch(db: Db, ids: readonly StoryId[], checks: CheckSession): Batch {
  const stories = ids.map((id): Batch['stories'][number] => {
    try {
      return { id, story: getStory(db, id) }
    } catch (error) {
      return { id, error: (error as Error).message }
    }
  })
  const found: Story[] = stories.flatMap((entry) => ('story' in entry ? [entry.story] : []))
  // Never rejects: a batch whose checks could not be asked for fails story by story, in words.
  const findings = checks.check(found).catch((error: unknown) => found.map(() => asApiError(error)))
  return { stories, findings }
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('stopped', (error as Error)?.message || String(error))
}

/**
 * Export stories to a folder, each on its own: one story failing (a file that cannot be written)
 * never stops the others, and leaves no half-written file. Marking published happens only after
 * the story's files are in place, and the page carries the publication time it records.
 *
 * Stories go in batches: main reads a batch and hands its spelling and style-book checks to the
 * check thread (one check session for the whole export: check-session.ts), then writes the batch
 * before it while the thread checks. The house style, check settings and dictionary are read once.
 */
export async function exportStories(
  db: Db,
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportOutput> {
  const outDir = prepareFolder(request.outDir)
  const style = readHouseStyle(db)
  const job: ExportJob = {
    db,
    request,
    options,
    now: options.now ?? new Date(),
    outDir,
    folder: new ExportFolder(outDir),
    style,
    checkOptions: readCheckOptions(db),
    lookups: new Lookups(db),
  }
  const ids = storyIds(db, request)
  const checks = new CheckSession(db, style.language)
  const results: ExportResult[] = []
  try {
    let next: Batch | null = ids.length ? readBatch(db, ids.slice(0, BATCH), checks) : null
    for (let at = 0; next; at += BATCH) {
      const batch: Batch = next
      next = at + BATCH < ids.length ? readBatch(db, ids.slice(at + BATCH, at + 2 * BATCH), checks) : null
      const findings = await batch.findings
      job.lookups.storiesLinkedFrom(batch.stories.flatMap((entry) => ('story' in entry ? [entry.story] : [])))
      let checked = 0
      for (const entry of batch.stories) {
        results.push(
          'story' in entry
            ? await exportOne(job, entry.story, findings[checked++]!)
            : { id: entry.id, ok: false, error: entry.error, warnings: [] },
        )
        options.onProgress?.(results.length, ids.length)
      }
    }
  } finally {
    await checks.end()
  }
  return { outDir, results }
}

async function exportOne(
  { db, request, options, now, outDir, folder, style, checkOptions, lookups }: ExportJob,
  story: Story,
  findings: Finding[] | ApiError,
): Promise<ExportResult> {
  const id = story.id
  // The preflight first: a story it holds is not written, and says why (the embargo, TK, a kill...).
  if (findings instanceof Error)
    return { id, ok: false, headline: story.headline, error: findings.message, warnings: [] }
  const preflight = runPreflight({
    story,
    now,
    options: checkOptions,
    findings,
    // Counted at the story's save: the rules need not count a thousand words again.
    bodyWords: story.wordCount,
    bodyText: story.bodyText,
    lookups: { hasPicture: lookups.hasPicture, linkedStory: lookups.story },
  })
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
      folder.ensureFolder(imageDir)
      for (const image of pending.values()) {
        const target = join(imageDir, image.file)
        // Content-addressed names: a file already there holds these very bytes.
        if (folder.holdsFile(target)) continue
        const bytes = renditionBytes(db, image.key, image.seq)
        if (bytes) folder.write(target, bytes)
      }
    } else if (layout === 'folder' && request.format === 'html') {
      folder.ensureFolder(join(outDir, base))
    }
    folder.write(file, text)
    const warnings = [
      ...exportWarnings(story, { hasPicture: lookups.hasPicture, linkedStory: lookups.story }),
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
