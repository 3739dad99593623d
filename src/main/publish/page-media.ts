import type { HouseStyle } from '../../shared/settings'
import type { ExportImage, MediaLookup } from '../export/context'
import { dataUrl, imageFileName } from '../export/file-names'
import { findMedia, mediaInfo, type MediaInfo } from '../library/media'
import type { Db } from '../library/open'

/* Where a page's pictures and address come from: the library's media, the house style's site address. */

export type Layout = 'folder' | 'single-file'

export const enc = encodeURIComponent

/** The address a story's page will have on the website, when the house style says where that is. */
export function canonicalUrl(style: HouseStyle, base: string, layout: Layout): string | undefined {
  if (!style.siteUrl) return undefined
  return layout === 'folder' ? `${style.siteUrl}/${enc(base)}/` : `${style.siteUrl}/${enc(base)}.html`
}

/** A picture to write beside the page (its bytes are read only if the file is not there yet). */
export interface PendingImage {
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
export function mediaFor(
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
