import type { HouseStyle } from '../../shared/settings'
import type { Picture, Story } from '../../shared/story'
import type { ExportImage, ImageFile, MediaLookup } from '../export/context'
import { dataUrl, renditionFileName } from '../export/file-names'
import { embedWidth, SOCIAL_CARD } from '../media/renditions'
import type { Db } from '../library/open'
import {
  ensureCrop,
  ensureRenditions,
  renditionBytes,
  type CachedRendition,
  type CachedSet,
} from '../library/renditions'

/*
 * A story's pictures as a page publishes them: renditions made (or read from the library's cache)
 * before the page is rendered, so the pure renderers get a plain lookup. Folder exports write
 * every rendition beside the page; a single file embeds one width. See docs/pictures.md.
 */

/** A rendition to write beside the page (its bytes are read from the cache only if the file is not there yet). */
export interface RenditionFile {
  file: string
  key: string
  seq: number
}

export interface StoryPictures {
  media: MediaLookup
  /** Files to write in the story's images/ folder, by name. */
  files: Map<string, RenditionFile>
  /** Pictures that could not be made ready for the web, in words for the export report. */
  problems: string[]
}

interface Where {
  /** The story's folder name, for absolute addresses. */
  base: string
  /** A single file (or ninjs without a site address): pictures embedded as data: URLs. */
  embed: boolean
}

function pictures(story: Story): { picture: Picture; where: string; lead: boolean }[] {
  const out: { picture: Picture; where: string; lead: boolean }[] = []
  if (story.leadPicture) out.push({ picture: story.leadPicture, where: 'the lead picture', lead: true })
  let n = 0
  for (const block of story.body.root.children) {
    if (block.type !== 'picture') continue
    n++
    out.push({ picture: block, where: `picture ${n} in the body`, lead: false })
  }
  return out
}

/** The one file a single-file page embeds: the img's type at the house's embed width, or the nearest below it. */
function embedded(set: CachedSet, style: HouseStyle): CachedRendition {
  const own = set.renditions.filter((r) => r.type === set.fallback)
  const target = embedWidth(style.pictureWidths)
  return own.filter((r) => r.width <= target).pop() ?? own[0]!
}

/**
 * Make (or find) every picture's renditions, then answer the page's lookups from them. The lead
 * picture also gets its social card, centred on its focal point, when the page can point to it.
 */
export async function prepareStoryPictures(
  db: Db,
  story: Story,
  style: HouseStyle,
  where: Where,
): Promise<StoryPictures> {
  const plan = { widths: style.pictureWidths, format: style.pictureFormat }
  const files = new Map<string, RenditionFile>()
  const problems: string[] = []
  const images = new Map<string, ExportImage>()
  const folderUrl = style.siteUrl ? `${style.siteUrl}/${encodeURIComponent(where.base)}/images/` : undefined

  const asFile = (set: CachedSet, r: CachedRendition, card = false): ImageFile => {
    if (where.embed) {
      const bytes = renditionBytes(db, set.key, r.seq)!
      return { type: r.type, width: r.width, height: r.height, size: r.size, src: dataUrl(r.type, bytes) }
    }
    const file = renditionFileName(set.mediaId, set.key, card ? 'card' : r.width, r.type)
    files.set(file, { file, key: set.key, seq: r.seq })
    return {
      type: r.type,
      width: r.width,
      height: r.height,
      size: r.size,
      src: `images/${file}`,
      ...(folderUrl ? { url: folderUrl + file } : {}),
    }
  }

  for (const { picture, where: named, lead } of pictures(story)) {
    const mediaId = picture.mediaId
    if (!mediaId || images.has(mediaId)) continue
    let set: CachedSet | null
    try {
      set = await ensureRenditions(db, mediaId, plan)
    } catch (error) {
      problems.push(
        `${named} could not be made ready for the web (${(error as Error).message}); the page has its caption and credit only`,
      )
      continue
    }
    if (!set) continue // not in the library: the warnings say so
    let image: ExportImage
    if (where.embed) {
      image = { mediaId, ...asFile(set, embedded(set, style)) }
    } else {
      const renditions = set.renditions.map((r) => asFile(set, r))
      const own = renditions.filter((r) => r.type === set.fallback)
      // The img's own src: the embed width, the one a browser without srcset shows.
      const shown = own.find((r) => r.width === embedded(set, style).width) ?? own[0]!
      image = { mediaId, ...shown, renditions }
      if (lead && folderUrl) {
        const card = await ensureCrop(db, mediaId, SOCIAL_CARD, picture.focus)
        if (card) image.card = asFile(card, card.renditions[0]!, true)
      }
    }
    images.set(mediaId, image)
  }
  return { media: (mediaId) => images.get(mediaId), files, problems }
}

/** The lead picture's social card as the preview shows it (a data: URL), whether or not the site has an address. */
export async function socialCardPreview(
  db: Db,
  story: Story,
): Promise<{ src: string; width: number; height: number } | undefined> {
  const lead = story.leadPicture
  if (!lead?.mediaId) return undefined
  const set = await ensureCrop(db, lead.mediaId, SOCIAL_CARD, lead.focus)
  const card = set?.renditions[0]
  if (!set || !card) return undefined
  return { src: dataUrl(card.type, renditionBytes(db, set.key, card.seq)!), width: card.width, height: card.height }
}
