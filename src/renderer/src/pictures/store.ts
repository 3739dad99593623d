import { LARGE_PICTURE_BYTES, MAX_PICTURE_BYTES, tooBigMessage, type MediaAdded } from '../../../shared/media'
import type { Picture } from '../../../shared/story'
import { invoke } from '../app/client'
import { makePreview } from './preview'
import { afterTypingPauses } from './typing-pause'
import type { PreviewJob, PreviewResult } from './preview.worker'

type Reply = { ok: true; result: PreviewResult } | { ok: false; message: string }

async function readOnThePage(file: File): Promise<PreviewResult> {
  const data = new Uint8Array(await file.arrayBuffer())
  const preview = await makePreview(file)
  return preview ? { data, preview } : { data }
}

/** The worker's answer, or null if it could not run (a policy or a browser without module workers). */
async function readInAWorker(file: File): Promise<PreviewResult | null> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
  try {
    const reply = await new Promise<Reply | null>((resolve) => {
      worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data)
      worker.onerror = () => resolve(null)
      worker.postMessage({ file } satisfies PreviewJob)
    })
    return reply?.ok ? reply.result : null
  } finally {
    worker.terminate()
  }
}

/** The file's bytes and its preview, read off the page's thread by a worker, or on the page if none can run. */
async function readPicture(file: File): Promise<PreviewResult> {
  return (await readInAWorker(file)) ?? readOnThePage(file)
}

/**
 * Put a picture file in the library. A file over the limit is refused here, before its bytes are
 * read; everything else (kind, damage) is decided by main from the bytes. Refusals throw with the
 * message to show the editor.
 */
export async function storePicture(file: File): Promise<MediaAdded> {
  const name = file.name || 'the pasted picture'
  if (file.size > MAX_PICTURE_BYTES) throw new Error(`${name} was not added: ${tooBigMessage('it', file.size)}`)
  let read: PreviewResult
  try {
    // The bytes cross IPC as they are (no base64).
    read = await readPicture(file)
  } catch (error) {
    throw new Error(`${name} was not added: it could not be read (${(error as Error).message})`)
  }
  // A large picture's preview was made off the page's thread while the editor typed; handing the
  // picture over waits for a pause.
  if (file.size >= LARGE_PICTURE_BYTES) await afterTypingPauses()
  return invoke('media:add', { name, ...read })
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
