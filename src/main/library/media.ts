import { createHash } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import {
  MAX_PICTURE_BYTES,
  PART_BYTES,
  previewTypes,
  type PreviewType,
  tooBigMessage,
  type MediaAdded,
  type MediaId,
  type PictureSuggestion,
  type PictureType,
} from '../../shared/media'
import { quietMoment } from '../input-quiet'
import { suggestFromJpeg } from '../media/picture-metadata'
import { makePreview, needsPreview } from '../media/preview'
import { sniffImage } from '../media/sniff-image'
import { prepared, type Db } from './open'
import type { AdoptRow } from './picture-rows'

/**
 * Picture bytes in the library, content-addressed: the id is the SHA-256 of the bytes, so the same
 * picture added twice (to two stories, or twice to one) is stored once. Only pictures whose kind
 * and size are read from their own bytes get in; see docs/pictures.md.
 */

export interface MediaInfo {
  id: MediaId
  type: PictureType
  size: number
  width: number
  height: number
}

export interface StoredMedia extends MediaInfo {
  bytes: Buffer
}

interface MediaRow {
  id: string
  type: PictureType
  size: number
  width: number
  height: number
}

export function refuse(name: string, reason: string): ApiError {
  return new ApiError('invalid-input', `${name} was not added: ${reason}`)
}

export interface AddOptions {
  /** The file name, for messages. */
  name?: string
  now?: Date
  /** A smaller copy for the app to show (the renderer makes one for large files). */
  preview?: Uint8Array
  /** The bytes' SHA-256, when it was worked out as they arrived (media-upload.ts): hashing 20 MB at once holds main 15–50 ms. */
  id?: MediaId
}

/**
 * Pictures are written in parts of PART_BYTES, one transaction each: a part takes main 5 to 30 ms
 * here (more when SQLite checkpoints the WAL), so autosaves and keystrokes (which Electron's main
 * thread forwards) wait no longer than that. 1 MiB parts held main up to 45 ms.
 */
export { PART_BYTES }

/** What a picture is, read from its bytes; anything Copydesk cannot take is refused with why. */
function examine(bytes: Uint8Array, name: string, id?: MediaId): MediaInfo {
  if (bytes.length > MAX_PICTURE_BYTES) throw refuse(name, tooBigMessage('it', bytes.length))
  const sniffed = sniffImage(bytes)
  if (!sniffed.ok) throw refuse(name, sniffed.reason)
  return { id: id ?? createHash('sha256').update(bytes).digest('hex'), size: bytes.length, ...sniffed.image }
}

interface Preview {
  bytes: Buffer
  type: PreviewType
}

/**
 * The renderer's preview, if it is what it should be (a JPEG or WebP, smaller than the picture):
 * else none, and the app shows the picture itself. A bad preview is never a reason to refuse the
 * editor's picture.
 */
function previewOrNull(preview: Uint8Array | undefined, info: MediaInfo): Preview | null {
  // A preview smaller than the picture, except for one with too many pixels to show: its preview is kept whatever its size.
  if (!preview || (preview.length >= info.size && !needsPreview(info.width, info.height))) return null
  const sniffed = sniffImage(preview)
  if (!sniffed.ok || !(previewTypes as readonly string[]).includes(sniffed.image.type)) return null
  // A preview must itself be cheap to show.
  if (needsPreview(sniffed.image.width, sniffed.image.height)) return null
  return {
    bytes: Buffer.from(preview.buffer, preview.byteOffset, preview.byteLength),
    type: sniffed.image.type as PreviewType,
  }
}

/**
 * Store a picture's bytes, pausing (yield) between parts. The row in `media` is written in one
 * transaction with the last part, so a picture either has every byte or does not exist; parts of
 * a store that never finished are removed when the library opens (sweepInterruptedPictures).
 */
function* storeSteps(db: Db, bytes: Uint8Array, info: MediaInfo, options: AddOptions): Generator<void> {
  const name = options.name ?? 'the picture'
  const preview = previewOrNull(options.preview, info)
  if (mediaInfo(db, info.id)) {
    if (preview) {
      prepared(db, 'UPDATE media SET preview = ?, preview_type = ? WHERE id = ? AND preview IS NULL').run(
        preview.bytes,
        preview.type,
        info.id,
      )
    }
    return
  }
  // Parts a crash left under this id would collide with ours.
  prepared(db, 'DELETE FROM media_part WHERE media_id = ?').run(info.id)
  const insertPart = prepared(db, 'INSERT INTO media_part (media_id, seq, bytes) VALUES (?, ?, ?)')
  const part = (seq: number) =>
    Buffer.from(
      bytes.buffer,
      bytes.byteOffset + seq * PART_BYTES,
      Math.min(PART_BYTES, bytes.length - seq * PART_BYTES),
    )
  const parts = Math.max(1, Math.ceil(bytes.length / PART_BYTES))
  for (let seq = 0; seq < parts - 1; seq++) {
    insertPart.run(info.id, seq, part(seq))
    yield
  }
  db.transaction(() => {
    insertPart.run(info.id, parts - 1, part(parts - 1))
    const stored = prepared(db, 'SELECT count(*) AS n FROM media_part WHERE media_id = ?').get(info.id) as { n: number }
    // Another process opening the library sweeps parts that have no row yet; say so rather than keep half a picture.
    if (stored.n !== parts)
      throw new ApiError('conflict', `${name} was not added: storing it was interrupted; add it again`)
    prepared(
      db,
      `INSERT INTO media (id, type, size, width, height, created_at, preview, preview_type)
       VALUES (@id, @type, @size, @width, @height, @createdAt, @preview, @previewType)`,
    ).run({
      ...info,
      createdAt: (options.now ?? new Date()).toISOString(),
      preview: preview?.bytes ?? null,
      previewType: preview?.type ?? null,
    })
  })()
}

/** Store a picture (or find it already stored) in one go: for the CLI, fixtures and small files. */
export function addMedia(db: Db, bytes: Uint8Array, options: AddOptions = {}): MediaInfo {
  const name = options.name ?? 'the picture'
  const info = examine(bytes, name)
  const steps = storeSteps(db, bytes, info, options)
  while (!steps.next().done);
  return info
}

const storing = new WeakMap<Db, Map<MediaId, Promise<MediaInfo>>>()

/**
 * Store a picture a part at a time, letting main's event loop run between parts. The same picture
 * dropped twice while the first is still being stored waits for that one instead of racing it.
 */
export async function storeMedia(db: Db, bytes: Uint8Array, options: AddOptions = {}): Promise<MediaInfo> {
  const name = options.name ?? 'the picture'
  const info = examine(bytes, name, options.id)
  let inFlight = storing.get(db)
  if (!inFlight) {
    inFlight = new Map<MediaId, Promise<MediaInfo>>()
    storing.set(db, inFlight)
  }
  const already = inFlight.get(info.id)
  if (already) return already
  const done = (async () => {
    // Too many pixels for the app to show itself and no usable preview sent: main makes one.
    if (needsPreview(info.width, info.height) && !previewOrNull(options.preview, info)) {
      try {
        options = { ...options, preview: (await makePreview(bytes, info.type)).bytes }
      } catch (error) {
        throw refuse(name, `its pixels could not be read (${(error as Error).message})`)
      }
    }
    for (const _ of storeSteps(db, bytes, info, options)) {
      await quietMoment()
    }
    return info
  })()
  inFlight.set(info.id, done)
  try {
    return await done
  } finally {
    inFlight.delete(info.id)
  }
}

/** Parts of pictures whose store never finished (the app was killed mid-way): nothing refers to them. */
export function sweepInterruptedPictures(db: Db): void {
  prepared(db, 'DELETE FROM media_part WHERE media_id NOT IN (SELECT coalesce(parts, id) FROM media)').run()
}

/**
 * A picture whose parts are already in the library under `partsKey` (written as they arrived,
 * media-upload.ts): what its row says, read from its bytes here, and what media:finish answers.
 * The row itself is written by the picture thread (picture-writer.ts).
 */
export function pictureRow(
  bytes: Uint8Array,
  partsKey: string,
  rows: number,
  options: AddOptions & { name: string },
): { row: AdoptRow; added: MediaAdded } {
  const info = examine(bytes, options.name, options.id)
  const preview = previewOrNull(options.preview, info)
  const suggested: PictureSuggestion = info.type === 'image/jpeg' ? suggestFromJpeg(bytes) : {}
  return {
    row: {
      key: partsKey,
      rows,
      name: options.name,
      ...info,
      createdAt: (options.now ?? new Date()).toISOString(),
      preview: preview?.bytes ?? null,
      previewType: preview?.type ?? null,
    },
    added: { mediaId: info.id, type: info.type, width: info.width, height: info.height, size: info.size, suggested },
  }
}

/** What the renderer gets back from media:add: the stored picture and words its metadata offers. */
export async function addPicture(
  db: Db,
  bytes: Uint8Array,
  options: AddOptions & { name: string },
): Promise<MediaAdded> {
  const info = await storeMedia(db, bytes, options)
  const suggested: PictureSuggestion = info.type === 'image/jpeg' ? suggestFromJpeg(bytes) : {}
  return { mediaId: info.id, type: info.type, width: info.width, height: info.height, size: info.size, suggested }
}

export function mediaInfo(db: Db, id: MediaId): MediaInfo | null {
  const row = prepared(db, 'SELECT id, type, size, width, height FROM media WHERE id = ?').get(id) as
    MediaRow | undefined
  return row ?? null
}

/**
 * A picture and its bytes, or null: what the app protocol and the e2e bridge serve. Asked for its
 * preview, a picture without one gives its own bytes.
 */
export function findMedia(db: Db, id: MediaId, { preview = false } = {}): StoredMedia | null {
  const info = mediaInfo(db, id)
  if (!info) return null
  if (preview) {
    const row = prepared(db, 'SELECT preview, preview_type AS type FROM media WHERE id = ?').get(id) as {
      preview: Buffer | null
      type: PreviewType | null
    }
    if (row.preview && row.type) return { ...info, type: row.type, size: row.preview.length, bytes: row.preview }
  }
  const parts = prepared(
    db,
    'SELECT bytes FROM media_part WHERE media_id = (SELECT coalesce(parts, id) FROM media WHERE id = ?) ORDER BY seq',
  ).all(id) as { bytes: Buffer }[]
  return { ...info, bytes: parts.length === 1 ? parts[0]!.bytes : Buffer.concat(parts.map((p) => p.bytes)) }
}

export function readMedia(db: Db, id: MediaId): StoredMedia {
  const found = findMedia(db, id)
  if (!found) throw new ApiError('not-found', `there is no picture ${id} in the library`)
  return found
}
