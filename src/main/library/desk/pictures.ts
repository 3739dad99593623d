import { createHash } from 'node:crypto'
import type { Body } from '@shared/body'
import type { Picture } from '@shared/story'
import type { Db } from '../open'
import { findMedia, mediaInfo, storeMedia } from '../media'
import { deskFetch } from './retry'

/**
 * A shared story's pictures travel beside it (docs/team.md, "Pictures"): the doc names each by
 * its SHA-256 (the library's media id), the bytes go to the desk server once per desk, and a
 * library that receives the story fetches the ones it lacks. Without them the story still opens:
 * the editor shows a clear "Image missing" gap where a picture is not here yet.
 */

interface Link {
  url: string
  /** Null while signed out: nothing is carried then (the pictures are owed until the next sign-in). */
  token: string | null
}

/** Every picture a story refers to: its lead picture and the pictures in its body, once each. */
export function picturesOf(story: { leadPicture?: Picture | null; body?: Body }): string[] {
  const found = new Set<string>()
  if (story.leadPicture?.mediaId) found.add(story.leadPicture.mediaId)
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes as { type?: string; mediaId?: unknown; children?: unknown[] }[]) {
      if (node.type === 'picture' && typeof node.mediaId === 'string') found.add(node.mediaId)
      if (Array.isArray(node.children)) walk(node.children)
    }
  }
  if (story.body) walk(story.body.root.children)
  return [...found].sort()
}

async function call(link: Link, path: string, init: RequestInit = {}): Promise<Response> {
  if (!link.token) throw new Error('signed out of the desk: pictures wait for the next sign-in')
  // Every picture request may arrive twice: fetching, asking which are missing, and uploading
  // bytes under their own hash (the same bytes again change nothing).
  const response = await deskFetch(
    new URL(path, link.url),
    { ...init, headers: { authorization: `Bearer ${link.token}`, ...(init.headers ?? {}) } },
    { idempotent: true, timeoutMs: 60_000 },
  )
  if (!response.ok && response.status !== 404) {
    const body = (await response.json().catch(() => ({}))) as { error?: string }
    throw new Error(`the desk server refused: ${body.error ?? response.statusText}`)
  }
  return response
}

/**
 * Put the pictures a desk lacks on it: ask which first (pictures are large, most are there already),
 * then upload those from this library. A picture this library does not have itself is left out.
 * Returns how many were uploaded.
 */
export async function uploadPictures(db: Db, link: Link, desk: string, ids: string[]): Promise<number> {
  const here = ids.filter((id) => mediaInfo(db, id))
  if (!here.length) return 0
  const asked = await call(link, '/api/media/missing', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ desk, hashes: here }),
  })
  const { missing } = (await asked.json()) as { missing: string[] }
  for (const id of missing) {
    const picture = findMedia(db, id)
    if (!picture) continue
    await call(link, `/api/media/${id}?desk=${encodeURIComponent(desk)}`, {
      method: 'PUT',
      headers: { 'content-type': picture.type },
      body: new Uint8Array(picture.bytes),
    })
  }
  return missing.length
}

/**
 * Fetch into this library the pictures it lacks, checking each is the picture its name says.
 * Returns the ids still missing (the desk does not have them, or they could not be fetched now).
 */
export async function fetchPictures(db: Db, link: Link, ids: string[]): Promise<string[]> {
  const still: string[] = []
  for (const id of ids) {
    if (mediaInfo(db, id)) continue
    try {
      const response = await call(link, `/api/media/${id}`)
      if (response.status === 404) {
        still.push(id)
        continue
      }
      const bytes = new Uint8Array(await response.arrayBuffer())
      if (createHash('sha256').update(bytes).digest('hex') !== id) {
        throw new Error(`picture ${id} arrived damaged`)
      }
      await storeMedia(db, bytes, { id, name: `the desk's picture ${id.slice(0, 12)}` })
    } catch {
      still.push(id)
    }
  }
  return still
}
