import { createHash, randomUUID, type Hash } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import { formatBytes, type MediaAdded } from '../../shared/media'
import { notAPicture } from '../media/sniff-image'
import { adoptParts, refuse } from './media'
import { prepared, type Db } from './open'
import { quietMoment } from '../input-quiet'

/**
 * A large picture handed over a part at a time (media:begin, media:part, media:finish). The
 * renderer sends each part in a gap between the editor's keys; copying 20 MB from one process to
 * the other in one message held every key behind it (docs/pictures.md). Main keeps the parts in
 * one buffer the size begin announced, so finishing needs no 20 MB concat (80 ms here), and hashes
 * them as they come, so it needs no 20 MB hash either. Each part is also written to the library as
 * it arrives (under the upload's key, no picture row yet), so finishing writes one row instead of
 * 20 MB (0.3 s of main's time at the end before). An upload the renderer gives up on is forgotten
 * after a while and its parts removed; a crash leaves parts with no row, swept when the library opens.
 */

interface Upload {
  name: string
  bytes: Buffer
  received: number
  /** The seq the next part must have. */
  next: number
  hash: Hash
  heardAt: number
  /** The parts' writes to the library, one after another, each in a moment with no keys. */
  stored: Promise<void>
  /** Set when the upload is given up: parts still waiting to be written are not. */
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

function forget(db: Db, id: string): void {
  const upload = uploads(db).get(id)
  if (upload) upload.dropped = true
  uploads(db).delete(id)
  prepared(db, 'DELETE FROM media_part WHERE media_id = ?').run(partsKey(id))
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
  // allocUnsafe: every byte is written by a part before finish will use it (received === size).
  map.set(upload, {
    name,
    bytes: Buffer.allocUnsafe(size),
    received: 0,
    next: 0,
    hash: createHash('sha256'),
    heardAt: Date.now(),
    stored: Promise.resolve(),
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
  if (upload.received + part.data.length > upload.bytes.length) {
    throw giveUp(refuse(upload.name, `more than its announced ${formatBytes(upload.bytes.length)} arrived`))
  }
  const before = upload.received
  upload.bytes.set(part.data, before)
  upload.received += part.data.length
  upload.hash.update(part.data)
  // Written in the next moment with no keys (input-quiet.ts), not in this call: a 512 KiB write
  // (and the WAL checkpoint every few parts) held main up to 0.4 s under load while keys waited.
  const key = partsKey(part.upload)
  const { seq } = part
  const bytes = upload.bytes.subarray(before, upload.received)
  upload.stored = upload.stored.then(async () => {
    await quietMoment()
    if (upload.dropped) return
    prepared(db, 'INSERT INTO media_part (media_id, seq, bytes) VALUES (?, ?, ?)').run(key, seq, bytes)
  })
  upload.next++
  upload.heardAt = Date.now()
  const judgeAt = Math.min(START_BYTES, upload.bytes.length)
  if (before < judgeAt && upload.received >= judgeAt) {
    const refusal = notAPicture(upload.bytes.subarray(0, judgeAt))
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
    if (upload.received !== upload.bytes.length) {
      throw refuse(
        upload.name,
        `only ${formatBytes(upload.received)} of its ${formatBytes(upload.bytes.length)} arrived; add it again`,
      )
    }
    return Promise.resolve(
      adoptParts(db, upload.bytes, partsKey(id), upload.next, {
        name: upload.name,
        preview,
        id: upload.hash.digest('hex'),
      }),
    )
  } catch (error) {
    prepared(db, 'DELETE FROM media_part WHERE media_id = ?').run(partsKey(id))
    throw error
  }
}
