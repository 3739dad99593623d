import {
  LARGE_PICTURE_BYTES,
  MAX_PICTURE_BYTES,
  PART_BYTES,
  QUIET_PART_BYTES,
  tooBigMessage,
  type MediaAdded,
} from '@shared/media'
import type { Picture } from '@shared/story'
import { invoke } from '../app/client'
import { makePreview } from './preview'
import { betweenKeys, typingLately } from './typing-pause'
import type { PreviewJob, PreviewResult } from './preview.worker'
import type { Adding } from './AddingProgress'

/**
 * A large picture's preview, made off the page's thread by a worker (decoding 30 megapixels takes
 * a second); on the page only if no worker can start (a policy, or a browser without module workers).
 */
async function previewOf(file: File): Promise<Uint8Array<ArrayBuffer> | undefined> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return makePreview(file)
  }
  try {
    return await new Promise<Uint8Array<ArrayBuffer> | undefined>((resolve) => {
      worker.onmessage = (event: MessageEvent<PreviewResult>) => resolve(event.data.preview)
      worker.onerror = () => resolve(makePreview(file))
      worker.postMessage({ file } satisfies PreviewJob)
    })
  } finally {
    worker.terminate()
  }
}

/**
 * Parts on their way at once: the next part crosses while main takes the one before, instead of
 * after its answer. Each is still its own message of at most 512 KiB while the editor types,
 * which main takes in a turn of its own, and main takes them in the order they were sent.
 */
const PARTS_CROSSING = 2

async function bytesOf(file: Blob, name: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    throw new Error(`${name} was not added: it could not be read (${(error as Error).message})`)
  }
}

/**
 * A large picture goes to main a part at a time, each in a gap between the editor's keys, while a
 * worker makes its preview; main refuses it at the first part if it is no picture at all. The
 * file is read QUIET_PART_BYTES at a time, the next piece while this one crosses; a piece goes
 * whole when no one is typing (6 round trips for 20 MB instead of 42, most of the add's time
 * under load), else PART_BYTES of it at a time.
 */
async function handOverInParts(file: File, name: string, onProgress: (adding: Adding) => void): Promise<MediaAdded> {
  const preview = previewOf(file)
  const read = (at: number) => bytesOf(file.slice(at, at + QUIET_PART_BYTES), name)
  // The first piece is read while main opens the upload, not after.
  let next: Promise<Uint8Array<ArrayBuffer>> | null = read(0)
  next.catch(() => {})
  const { upload } = await invoke('media:begin', { name, size: file.size })
  let seq = 0
  let sent = 0
  const crossing: Promise<void>[] = []
  for (let at = 0; next; at += QUIET_PART_BYTES) {
    const piece = await next
    // Read ahead; a failed read is said when its turn comes.
    next = at + QUIET_PART_BYTES < file.size ? read(at + QUIET_PART_BYTES) : null
    next?.catch(() => {})
    for (let from = 0; from < piece.length;) {
      await betweenKeys()
      const to = typingLately() ? Math.min(from + PART_BYTES, piece.length) : piece.length
      // A copy unless the whole piece goes: a view would cross with its whole buffer.
      const data = from === 0 && to === piece.length ? piece : piece.slice(from, to)
      const part = invoke('media:part', { upload, seq: seq++, data }).then(({ received }) => {
        sent = Math.max(sent, received)
        onProgress({ name, sent, size: file.size })
      })
      part.catch(() => {})
      crossing.push(part)
      // The oldest part is waited for first: its refusal is the one said (the parts after it are
      // refused because it was).
      if (crossing.length >= PARTS_CROSSING) await crossing.shift()
      from = to
    }
  }
  for (const part of crossing) await part
  return invoke('media:finish', { upload, preview: await preview })
}

/**
 * Put a picture file in the library. A file over the limit is refused here, before its bytes are
 * read; everything else (kind, damage) is decided by main from the bytes. Refusals throw with the
 * message to show the editor. onProgress hears how many bytes main has as each part arrives.
 */
export async function storePicture(file: File, onProgress: (adding: Adding) => void = () => {}): Promise<MediaAdded> {
  const name = file.name || 'the pasted picture'
  if (file.size > MAX_PICTURE_BYTES) throw new Error(`${name} was not added: ${tooBigMessage('it', file.size)}`)
  onProgress({ name, sent: 0, size: file.size })
  if (file.size >= LARGE_PICTURE_BYTES) return handOverInParts(file, name, onProgress)
  // Small pictures cross in one call, as they are (no base64), and need no preview.
  return invoke('media:add', { name, data: await bytesOf(file, name) })
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
