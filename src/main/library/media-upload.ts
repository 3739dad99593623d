import { randomUUID } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import { formatBytes, type MediaAdded } from '../../shared/media'
import { notAPicture } from '../media/sniff-image'
import { pictureRow, refuse } from './media'
import type { Db } from './open'
import { pictureWriter } from './picture-writer'
import { quietMoment } from '../input-quiet'

/**
 * A large picture handed over a part at a time (media:begin, media:part, media:finish). The
 * renderer sends each part in a gap between the editor's keys; copying 20 MB from one process to
 * the other in one message held every key behind it (docs/pictures.md). Main hands each part, in a
 * moment with no keys, to the picture thread (picture-writer.ts), which copies it into one buffer
 * the size begin announced (shared with main, so finishing needs no 20 MB concat), hashes it (so
 * finishing needs no 20 MB hash) and writes it to the library under the upload's key as rows of
 * at most PART_BYTES, with no picture row yet; finishing writes that one row. Main itself only
 * checks each part's place and size and the file's first bytes: copying parts into fresh memory,
 * hashing and writing held main up to 0.4 s under load while keys waited (docs/benchmarks.md,
 * "Pictures: where the 20 MB add's time goes"). An upload the renderer gives up on is forgotten
 * after a while and its parts removed; a crash leaves parts with no row, swept when the library
 * opens.
 */

interface Upload {
  name: string
  /** The whole file, filled by the picture thread as it takes each part in (made there too). */
  bytes: Promise<Buffer>
  size: number
  /** The file's first bytes, kept here as they arrive: enough to tell whether it can be a picture. */
  start: Buffer
  received: number
  /** The seq the next part must have. */
  next: number
  heardAt: number
  /** The parts, handed to the picture thread one after another, each in a moment with no keys. */
  stored: Promise<void>
  /** Set when the upload is given up: parts still waiting to be handed over are not. */
  dropped: boolean
}

/** An upload nothing has arrived for in this long was given up (the window closed, the file went). */
export const UPLOAD_IDLE_MS = 2 * 60_000
/** At most this many at once (each holds up to 40 MB): the editor adds pictures one after another. */
export const MOST_UPLOADS = 4
/** Enough of a file's start to tell whether it can be a picture at all. */
const START_BYTES = 4096

const uploadsOf = new WeakMap<Db, Map<string, Upload>>()

function uploads(db: Db): Map<string, Upload> {
  let map = uploadsOf.get(db)
  if (!map) {
    map = new Map<string, Upload>()
    uploadsOf.set(db, map)
  }
  return map
}

/** Where an upload's parts wait in media_part until the picture's row names them. */
const partsKey = (upload: string) => `upload:${upload}`

/** Parts of an upload given up on: removed after any write already sent (a crash leaves them to the sweep). */
function removeParts(db: Db, id: string): Promise<void> {
  return pictureWriter(db).remove(partsKey(id))
}

function forget(db: Db, id: string): void {
  const upload = uploads(db).get(id)
  if (upload) upload.dropped = true
  uploads(db).delete(id)
  removeParts(db, id).catch(() => {})
}

function forgetIdle(db: Db, now: number): void {
  for (const [id, upload] of uploads(db)) if (now - upload.heardAt > UPLOAD_IDLE_MS) forget(db, id)
}

function find(db: Db, id: string): Upload {
  forgetIdle(db, Date.now())
  const upload = uploads(db).get(id)
  if (!upload) throw new ApiError('not-found', 'the picture was not added: its upload was given up; add it again')
  return upload
}

export function beginUpload(db: Db, { name, size }: { name: string; size: number }): { upload: string } {
  forgetIdle(db, Date.now())
  const map = uploads(db)
  if (map.size >= MOST_UPLOADS) {
    throw new ApiError(
      'conflict',
      `${name} was not added: ${MOST_UPLOADS} pictures are being added already; wait for them`,
    )
  }
  const upload = randomUUID()
  const bytes = pictureWriter(db)
    .begin(partsKey(upload), size)
    .then((shared) => Buffer.from(shared))
  bytes.catch(() => {})
  const stored = bytes.then(() => {})
  stored.catch(() => {})
  map.set(upload, {
    name,
    bytes,
    size,
    start: Buffer.alloc(Math.min(START_BYTES, size)),
    received: 0,
    next: 0,
    heardAt: Date.now(),
    stored,
    dropped: false,
  })
  return { upload }
}

/** Take the next part; a part out of turn, too many bytes, or a start that is no picture ends the upload. */
export function receivePart(db: Db, part: { upload: string; seq: number; data: Uint8Array }): { received: number } {
  const upload = find(db, part.upload)
  const giveUp = (error: ApiError) => {
    forget(db, part.upload)
    return error
  }
  if (part.seq !== upload.next) {
    throw giveUp(new ApiError('invalid-input', `${upload.name} was not added: part ${part.seq} came out of turn`))
  }
  if (upload.received + part.data.length > upload.size) {
    throw giveUp(refuse(upload.name, `more than its announced ${formatBytes(upload.size)} arrived`))
  }
  const before = upload.received
  if (before < upload.start.length) upload.start.set(part.data.subarray(0, upload.start.length - before), before)
  upload.received += part.data.length
  // Handed over in the next moment with no keys (input-quiet.ts), not in this call: taking it in
  // competes with typing for the machine's cores.
  const key = partsKey(part.upload)
  const { data } = part
  upload.stored = upload.stored.then(async () => {
    await quietMoment()
    if (!upload.dropped) await pictureWriter(db).part(key, data)
  })
  // A part that failed is said by finish (which waits for them all); nothing else waits on it.
  upload.stored.catch(() => {})
  upload.next++
  upload.heardAt = Date.now()
  const judgeAt = upload.start.length
  if (before < judgeAt && upload.received >= judgeAt) {
    const refusal = notAPicture(upload.start)
    if (refusal) throw giveUp(refuse(upload.name, refusal))
  }
  return { received: upload.received }
}

/** Store the whole picture as media:add does (same checks, same dedupe), and forget the upload. */
export async function finishUpload(
  db: Db,
  { upload: id, preview }: { upload: string; preview?: Uint8Array },
): Promise<MediaAdded> {
  const upload = find(db, id)
  uploads(db).delete(id)
  try {
    await upload.stored
    if (upload.received !== upload.size) {
      throw refuse(
        upload.name,
        `only ${formatBytes(upload.received)} of its ${formatBytes(upload.size)} arrived; add it again`,
      )
    }
    const writer = pictureWriter(db)
    const { id: sha, rows } = await writer.digest(partsKey(id))
    const { row, added } = pictureRow(await upload.bytes, partsKey(id), rows, { name: upload.name, preview, id: sha })
    await writer.adopt(row)
    return added
  } catch (error) {
    await removeParts(db, id).catch(() => {})
    throw error
  }
}
