import { createHash } from 'node:crypto'
import type { Focus, MediaId } from '../../shared/media'
import {
  ENCODER,
  makeCrop,
  makeRenditions,
  type PictureRenditions,
  type RenditionPlan,
  type RenditionType,
} from '../media/renditions'
import { rightsFrom, type PictureRights } from '../media/rights'
import { readJpegWords } from '../media/picture-metadata'
import { findMedia } from './media'
import { prepared, type Db } from './open'

/**
 * The library's cache of renditions (migration 6): made once per picture and house style, then read
 * back at every export. Keys are hashes of everything a rendition depends on (the picture, the
 * house widths and format, the encoders, a crop's shape and focal point), so a change makes new
 * ones, and an unchanged picture is never made twice, however many stories use it. See
 * docs/pictures.md.
 */

/** Bumped when the way renditions are made changes (not only ENCODER's numbers): old ones are not reused. */
const ENGINE = 1

export interface CachedRendition {
  seq: number
  type: RenditionType
  width: number
  height: number
  size: number
}

export interface CachedSet {
  key: string
  mediaId: MediaId
  width: number
  height: number
  fallback: RenditionType
  renditions: CachedRendition[]
}

type Request = { plan: RenditionPlan } | { crop: { width: number; height: number }; focus?: Focus }

export function renditionKey(mediaId: MediaId, request: Request): string {
  const described =
    'plan' in request
      ? { widths: [...request.plan.widths].sort((a, b) => a - b), format: request.plan.format }
      : { crop: request.crop, focus: request.focus ?? null }
  const key = {
    ENGINE,
    ENCODER,
    mediaId,
    ...described,
  }
  return createHash('sha256').update(JSON.stringify(key)).digest('hex')
}

export function cachedSet(db: Db, key: string): CachedSet | null {
  const set = prepared(
    db,
    'SELECT key, media_id AS mediaId, width, height, fallback FROM rendition_set WHERE key = ?',
  ).get(key) as Omit<CachedSet, 'renditions'> | undefined
  if (!set) return null
  const renditions = prepared(
    db,
    'SELECT seq, type, width, height, length(bytes) AS size FROM rendition WHERE set_key = ? ORDER BY seq',
  ).all(key) as CachedRendition[]
  return { ...set, renditions }
}

export function renditionBytes(db: Db, key: string, seq: number): Buffer | null {
  const row = prepared(db, 'SELECT bytes FROM rendition WHERE set_key = ? AND seq = ?').get(key, seq) as
    { bytes: Buffer } | undefined
  return row?.bytes ?? null
}

/**
 * Crops kept a picture: an editor dragging the focal point makes a card at every stop, and only the
 * last few can still be on a page.
 */
export const CROPS_KEPT = 4

type Kind = 'widths' | 'crop'

function store(db: Db, key: string, mediaId: MediaId, kind: Kind, made: PictureRenditions, now: Date): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM rendition_set WHERE key = ?').run(key)
    prepared(
      db,
      'INSERT INTO rendition_set (key, media_id, width, height, fallback, kind, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(key, mediaId, made.width, made.height, made.fallback, kind, now.toISOString())
    if (kind === 'crop') {
      prepared(
        db,
        `DELETE FROM rendition_set WHERE media_id = ? AND kind = 'crop' AND rowid NOT IN
           (SELECT rowid FROM rendition_set WHERE media_id = ? AND kind = 'crop' ORDER BY rowid DESC LIMIT ?)`,
      ).run(mediaId, mediaId, CROPS_KEPT)
    }
    const insert = prepared(
      db,
      'INSERT INTO rendition (set_key, seq, type, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?)',
    )
    made.renditions.forEach((r, seq) => insert.run(key, seq, r.type, r.width, r.height, r.bytes))
  })()
}

const making = new WeakMap<Db, Map<string, Promise<CachedSet>>>()

/**
 * The rights a picture's renditions carry: its own, as the photographer or agency wrote them. (The
 * story's caption and credit are on the page; writing them into the files would make every
 * rendition again for every story that uses the picture.)
 */
function rightsOf(bytes: Buffer, type: string): PictureRights {
  return type === 'image/jpeg' ? rightsFrom(readJpegWords(bytes)) : {}
}

/**
 * The set for this key, made (off main's thread: sharp works in libuv's pool) and stored if the
 * cache does not have it. The same set asked for twice at once is made once. Null when the
 * library has no such picture; a picture sharp cannot read throws, naming why.
 */
async function ensure(
  db: Db,
  key: string,
  mediaId: MediaId,
  kind: Kind,
  make: (bytes: Buffer, rights: PictureRights) => Promise<PictureRenditions>,
  now: Date,
): Promise<CachedSet | null> {
  const cached = cachedSet(db, key)
  if (cached) return cached
  let inFlight = making.get(db)
  if (!inFlight) {
    inFlight = new Map()
    making.set(db, inFlight)
  }
  const already = inFlight.get(key)
  if (already) return already
  const original = findMedia(db, mediaId)
  if (!original) return null
  const work = (async () => {
    const made = await make(original.bytes, rightsOf(original.bytes, original.type))
    store(db, key, mediaId, kind, made, now)
    return cachedSet(db, key)!
  })()
  inFlight.set(key, work)
  try {
    return await work
  } finally {
    inFlight.delete(key)
  }
}

/** A picture's renditions at the house widths and format. */
export function ensureRenditions(
  db: Db,
  mediaId: MediaId,
  plan: RenditionPlan,
  now = new Date(),
): Promise<CachedSet | null> {
  const key = renditionKey(mediaId, { plan })
  return ensure(db, key, mediaId, 'widths', (bytes, rights) => makeRenditions(bytes, plan, rights), now)
}

/** A fixed-shape crop (the social card) centred on the picture's focal point. */
export function ensureCrop(
  db: Db,
  mediaId: MediaId,
  shape: { width: number; height: number },
  focus: Focus | undefined,
  now = new Date(),
): Promise<CachedSet | null> {
  const key = renditionKey(mediaId, { crop: shape, ...(focus ? { focus } : {}) })
  return ensure(
    db,
    key,
    mediaId,
    'crop',
    async (bytes, rights) => {
      const card = await makeCrop(bytes, shape, focus, rights)
      return { width: card.width, height: card.height, fallback: card.type, renditions: [card] }
    },
    now,
  )
}

/** Forget every rendition (a cache: they are made again when next needed). Returns how many sets went. */
export function clearRenditions(db: Db): number {
  return prepared(db, 'DELETE FROM rendition_set').run().changes
}
