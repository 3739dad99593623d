import { createHash } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import {
  BASE64_MESSAGE,
  MAX_PICTURE_BYTES,
  tooBigMessage,
  type MediaAdded,
  type MediaId,
  type PictureSuggestion,
  type PictureType,
} from '../../shared/media'
import { suggestFromJpeg } from './image-metadata'
import { sniffImage } from './image-sniff'
import { prepared, type Db } from './open'

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

function refuse(name: string, reason: string): ApiError {
  return new ApiError('invalid-input', `${name} was not added: ${reason}`)
}

export interface AddOptions {
  /** The file name, for messages. */
  name?: string
  now?: Date
}

/** Store a picture (or find it already stored) and return what it is; anything else is refused with why. */
export function addMedia(db: Db, bytes: Uint8Array, options: AddOptions = {}): MediaInfo {
  const name = options.name ?? 'the picture'
  if (bytes.length > MAX_PICTURE_BYTES) throw refuse(name, tooBigMessage('it', bytes.length))
  const sniffed = sniffImage(bytes)
  if (!sniffed.ok) throw refuse(name, sniffed.reason)
  const id = createHash('sha256').update(bytes).digest('hex')
  const info: MediaInfo = { id, size: bytes.length, ...sniffed.image }
  // INSERT OR IGNORE: the same bytes are the same picture; the first copy stays.
  prepared(
    db,
    `INSERT OR IGNORE INTO media (id, type, size, width, height, bytes, created_at)
     VALUES (@id, @type, @size, @width, @height, @bytes, @createdAt)`,
  ).run({ ...info, bytes, createdAt: (options.now ?? new Date()).toISOString() })
  return info
}

/** What the renderer gets back from media:add: the stored picture and words its metadata offers. */
export function addPicture(db: Db, name: string, bytes: Uint8Array): MediaAdded {
  const info = addMedia(db, bytes, { name })
  const suggested: PictureSuggestion = info.type === 'image/jpeg' ? suggestFromJpeg(bytes) : {}
  return { mediaId: info.id, type: info.type, width: info.width, height: info.height, size: info.size, suggested }
}

export function mediaInfo(db: Db, id: MediaId): MediaInfo | null {
  const row = prepared(db, 'SELECT id, type, size, width, height FROM media WHERE id = ?').get(id) as
    MediaRow | undefined
  return row ?? null
}

/** A picture and its bytes, or null: what the app protocol and the e2e bridge serve. */
export function findMedia(db: Db, id: MediaId): StoredMedia | null {
  const row = prepared(db, 'SELECT id, type, size, width, height, bytes FROM media WHERE id = ?').get(id) as
    (MediaRow & { bytes: Buffer }) | undefined
  return row ?? null
}

export function readMedia(db: Db, id: MediaId): StoredMedia {
  const found = findMedia(db, id)
  if (!found) throw new ApiError('not-found', `there is no picture ${id} in the library`)
  return found
}

/**
 * Decode media:add's base64 and store it. Node's decoder skips characters that are not base64, so
 * a decoded length short of what the text's length promises means the text was not base64.
 */
export function addPictureFromBase64(db: Db, name: string, data: string): MediaAdded {
  const bytes = Buffer.from(data, 'base64')
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0
  if (bytes.length !== (data.length / 4) * 3 - padding) {
    throw new ApiError('invalid-input', `${name} was not added: ${BASE64_MESSAGE}`, [
      { path: 'data', message: BASE64_MESSAGE },
    ])
  }
  return addPicture(db, name, bytes)
}
