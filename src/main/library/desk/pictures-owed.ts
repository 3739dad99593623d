import type { StoryId } from '@shared/story'
import type { Db } from '../open'
import { readLink, writeLink } from './store'

/**
 * Which shared stories still owe pictures to the desk ('up': this library has bytes the desk
 * lacks) or are owed them ('down'), kept in the library (desk_link, key `picturesOwed`) so an app
 * restarted before the transfer still makes it (docs/team.md, "Pictures"). Written before the
 * transfer is tried and cleared when it is done: a process killed in between tries again.
 */
export type PictureDirection = 'up' | 'down'

const KEY = 'picturesOwed'

/** One story's pictures owed one way: `up:12`, `down:12`. */
export type OwedPictures = `${PictureDirection}:${StoryId}`

export const owedKey = (direction: PictureDirection, storyId: StoryId): OwedPictures => `${direction}:${storyId}`

export function parseOwed(key: OwedPictures): { direction: PictureDirection; storyId: StoryId } {
  const [direction, id] = key.split(':') as [PictureDirection, string]
  return { direction, storyId: Number(id) }
}

export function readPicturesOwed(db: Db): Set<OwedPictures> {
  try {
    const kept = JSON.parse(readLink(db, KEY) ?? '[]') as unknown
    return new Set(
      (Array.isArray(kept) ? kept : []).filter(
        (k): k is OwedPictures => typeof k === 'string' && /^(up|down):\d+$/.test(k),
      ),
    )
  } catch {
    return new Set() // unreadable: the next story that arrives or is edited finds what is missing again
  }
}

export function writePicturesOwed(db: Db, owed: ReadonlySet<OwedPictures>): void {
  writeLink(db, KEY, JSON.stringify([...owed]))
}
