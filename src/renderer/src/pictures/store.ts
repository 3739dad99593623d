import { MAX_PICTURE_BYTES, tooBigMessage, type MediaAdded } from '../../../shared/media'
import type { Picture } from '../../../shared/story'
import { invoke } from '../app/client'

/**
 * Put a picture file in the library. A file over the limit is refused here, before its bytes are
 * read; everything else (kind, damage) is decided by main from the bytes. Refusals throw with the
 * message to show the editor.
 */
export async function storePicture(file: File): Promise<MediaAdded> {
  const name = file.name || 'the pasted picture'
  if (file.size > MAX_PICTURE_BYTES) throw new Error(`${name} was not added: ${tooBigMessage('it', file.size)}`)
  let data: Uint8Array<ArrayBuffer>
  try {
    // Read by the browser off the main thread; the bytes cross IPC as they are (no base64).
    data = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    throw new Error(`${name} was not added: it could not be read (${(error as Error).message})`)
  }
  return invoke('media:add', { name, data })
}

/** A new picture's fields: what the image's own metadata suggests, else empty for the editor to fill. */
export function pictureFrom(added: MediaAdded): Picture {
  return {
    mediaId: added.mediaId,
    alt: added.suggested.alt ?? '',
    caption: added.suggested.caption ?? '',
    credit: added.suggested.credit ?? '',
  }
}

/** Replacing the image keeps every word the editor wrote; only empty fields take the new image's suggestions. */
export function replacedImage(current: Picture, added: MediaAdded): Picture {
  return {
    mediaId: added.mediaId,
    alt: current.alt || (added.suggested.alt ?? ''),
    caption: current.caption || (added.suggested.caption ?? ''),
    credit: current.credit || (added.suggested.credit ?? ''),
  }
}

/** The files of a drop or paste that might be pictures (main decides); folders and strings are left out. */
export function filesOf(list: FileList | readonly File[] | null | undefined): File[] {
  return list ? Array.from(list).filter((file) => file instanceof File) : []
}
