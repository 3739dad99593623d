import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import { sniffImage } from '../main/media/sniff-image'
import { MAX_PICTURE_BYTES } from '../shared/media'
import type { User } from './accounts'

/**
 * Pictures' bytes on the desk server (docs/team.md, "Pictures"): kept once by SHA-256 in `media`,
 * and readable by a desk only once someone on (or sharing to) that desk has uploaded them there
 * (`media_desks`). Uploading is how a desk gets a picture: knowing its hash is not enough.
 */

export const MEDIA_HASH = /^[0-9a-f]{64}$/
/** The app takes pictures up to this size (shared/media.ts); the desk keeps what the app can. */
export const MAX_MEDIA_BYTES = MAX_PICTURE_BYTES
/** How many hashes one "which are missing?" question may ask about. */
export const MAX_HASHES_ASKED = 500

export class MediaRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Of these pictures, the ones the desk does not have yet (the sharer uploads those). */
export async function missingMedia(pool: Pool, desk: string, hashes: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ hash: string }>(
    'SELECT hash FROM media_desks WHERE desk = $1 AND hash = ANY($2::text[])',
    [desk, hashes],
  )
  const present = new Set(rows.map((r) => r.hash))
  return [...new Set(hashes)].filter((h) => !present.has(h))
}

/**
 * Keep a picture for a desk: the bytes must be the picture their name says (SHA-256) and a picture
 * the app can take (its kind read from its bytes, never from the request's content type).
 */
export async function putMedia(pool: Pool, user: User, desk: string, hash: string, bytes: Buffer): Promise<void> {
  if (createHash('sha256').update(bytes).digest('hex') !== hash) {
    throw new MediaRefused(400, 'the picture bytes do not match their name (damaged on the way?)')
  }
  const sniffed = sniffImage(bytes)
  if (!sniffed.ok) throw new MediaRefused(415, `the picture was not kept: ${sniffed.reason}`)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('INSERT INTO media (hash, type, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      hash,
      sniffed.image.type,
      bytes,
    ])
    await client.query('INSERT INTO media_desks (hash, desk, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      hash,
      desk,
      user.name,
    ])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** A picture's bytes for a user whose desk has it (a desk head reads every desk's); else null, as "not found". */
export async function readMediaFor(
  pool: Pool,
  user: User,
  hash: string,
): Promise<{ type: string; bytes: Buffer } | null> {
  const { rows } = await pool.query<{ type: string; bytes: Buffer }>(
    `SELECT m.type, m.bytes FROM media m
      WHERE m.hash = $1 AND ($2 OR EXISTS (SELECT 1 FROM media_desks d WHERE d.hash = m.hash AND d.desk = $3))`,
    [hash, user.role === 'desk-head', user.desk],
  )
  return rows[0] ?? null
}
