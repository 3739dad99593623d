import { createHash, type Hash } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import { PART_BYTES, type PreviewType } from '../../shared/media'
import { prepared, type Db } from './open'

/**
 * The SQL of a picture handed over in parts (media-upload.ts), on whichever connection runs it:
 * the picture thread's own (picture-writer-worker.ts), or main's when no thread can start. Kept
 * free of anything but the library's tables, so the thread loads no more than it needs.
 */

/** One row of a picture's bytes, under the upload's key until the picture's row names them. */
function writePartRow(db: Db, key: string, seq: number, bytes: Uint8Array): void {
  prepared(db, 'INSERT INTO media_part (media_id, seq, bytes) VALUES (?, ?, ?)').run(key, seq, bytes)
}

interface Receiving {
  /** The whole file, shared with main, which reads it once every part is in (media.ts examine). */
  bytes: Buffer
  received: number
  rows: number
  hash: Hash
}

/**
 * An upload's parts as they arrive: each is copied into the buffer shared with main, hashed, and
 * written as rows of at most PART_BYTES, each its own transaction (so a write of main's never
 * waits long for the lock). On the picture thread, all of this touches 20 MB of fresh memory and
 * the disk off main's thread: under load, copying a part into fresh memory alone held main 10-350
 * ms (page faults; docs/benchmarks.md).
 */
export class PartsWriter {
  private readonly receiving = new Map<string, Receiving>()

  constructor(private readonly db: Db) {}

  /**
   * The buffer an upload's parts go into, shared with main: made here, because making it writes
   * zeros over all of it (20 MB of fresh memory, 10-760 ms of main's time under load).
   */
  begin(key: string, size: number): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(size)
    this.receiving.set(key, { bytes: Buffer.from(shared), received: 0, rows: 0, hash: createHash('sha256') })
    return shared
  }

  /** The next part, in order: main checked its place and size. Answers how many rows the upload has. */
  part(key: string, data: Uint8Array): number {
    const upload = this.receiving.get(key)
    if (!upload) throw new ApiError('not-found', 'the picture was not added: its upload was given up; add it again')
    const from = upload.received
    upload.bytes.set(data, from)
    upload.received += data.length
    upload.hash.update(data)
    for (let at = from; at < upload.received; at += PART_BYTES)
      writePartRow(this.db, key, upload.rows++, upload.bytes.subarray(at, Math.min(at + PART_BYTES, upload.received)))
    return upload.rows
  }

  /** The SHA-256 of every byte received (the picture's id), and how many rows hold them. */
  digest(key: string): { id: string; rows: number } {
    const upload = this.receiving.get(key)
    if (!upload) throw new ApiError('not-found', 'the picture was not added: its upload was given up; add it again')
    this.receiving.delete(key)
    return { id: upload.hash.digest('hex'), rows: upload.rows }
  }

  adopt(row: AdoptRow): void {
    adoptRow(this.db, row)
  }

  remove(key: string): void {
    this.receiving.delete(key)
    removePartRows(this.db, key)
  }

  /** Copy what the WAL holds into the library file, if no reader is in the way (never waits). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)')
  }
}

export function removePartRows(db: Db, key: string): void {
  prepared(db, 'DELETE FROM media_part WHERE media_id = ?').run(key)
}

/** What the picture's row says; read from its bytes on main (media.ts examine). */
export interface AdoptRow {
  key: string
  /** How many rows the upload wrote under `key`. */
  rows: number
  name: string
  id: string
  type: string
  size: number
  width: number
  height: number
  createdAt: string
  preview: Uint8Array | null
  previewType: PreviewType | null
}

/**
 * The picture's row, naming the parts under `key`, in one transaction with the check that every
 * part is there: a picture has every byte or does not exist. The same picture already in the
 * library keeps its own parts (these are removed) and gains the preview if it had none.
 */
export function adoptRow(db: Db, row: AdoptRow): void {
  db.transaction(() => {
    if (prepared(db, 'SELECT 1 FROM media WHERE id = ?').get(row.id)) {
      removePartRows(db, row.key)
      if (row.preview)
        prepared(db, 'UPDATE media SET preview = ?, preview_type = ? WHERE id = ? AND preview IS NULL').run(
          row.preview,
          row.previewType,
          row.id,
        )
      return
    }
    const stored = prepared(db, 'SELECT count(*) AS n FROM media_part WHERE media_id = ?').get(row.key) as {
      n: number
    }
    // Another process opening the library sweeps parts that have no row yet; say so rather than keep half a picture.
    if (stored.n !== row.rows)
      throw new ApiError('conflict', `${row.name} was not added: storing it was interrupted; add it again`)
    prepared(
      db,
      `INSERT INTO media (id, type, size, width, height, created_at, preview, preview_type, parts)
       VALUES (@id, @type, @size, @width, @height, @createdAt, @preview, @previewType, @key)`,
    ).run({
      id: row.id,
      type: row.type,
      size: row.size,
      width: row.width,
      height: row.height,
      createdAt: row.createdAt,
      preview: row.preview,
      previewType: row.previewType,
      key: row.key,
    })
  })()
}
