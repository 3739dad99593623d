import type { Story, StoryId, StoryStatus } from '../../shared/story'
import { prepared, type Db } from './open'
import { saveStory, type SaveRequest } from './stories'

/** Where a save goes: the library, or (for a shared story) its doc on the desk (api.ts passes it). */
export type SaveDoor = (request: SaveRequest) => Story

/** What a page needs to know of another story it links to. */
export interface LinkedStory {
  id: StoryId
  slug: string
  headline: string
  status: StoryStatus
}

/** A story a page links to (a related story), or null when it is no longer in the library. */
export function findLinkedStory(db: Db, id: StoryId): LinkedStory | null {
  return (prepared(db, 'SELECT id, slug, headline, status FROM stories WHERE id = ?').get(id) ??
    null) as LinkedStory | null
}

/** `findLinkedStory` for many ids in one query (an export's batch): the ones not in the library are left out. */
export function findLinkedStories(db: Db, ids: readonly StoryId[]): LinkedStory[] {
  if (!ids.length) return []
  return prepared(
    db,
    'SELECT id, slug, headline, status FROM stories WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as LinkedStory[]
}

/** The ids of every story in the library, oldest first: what "export all" exports. */
export function allStoryIds(db: Db): StoryId[] {
  return (prepared(db, 'SELECT id FROM stories ORDER BY id').all() as { id: number }[]).map((r) => r.id)
}

/**
 * Record that a story went out: published, at `publishedAt` (the time its page already carries),
 * as a new revision made on the one that was exported (a stale one is refused as a conflict).
 */
export function markPublished(
  db: Db,
  story: Story,
  publishedAt: string,
  now: Date,
  overrideNote?: string,
  save: SaveDoor = (r) => saveStory(db, r),
): Story {
  return save({
    id: story.id,
    expectedRevision: story.revision,
    changes: { status: 'published', publishedAt },
    ...(overrideNote ? { reason: 'override', note: overrideNote } : { reason: 'status' }),
    now,
  })
}

/** An export past the preflight that did not change the status: the history keeps why, as a revision of its own. */
export function recordOverride(
  db: Db,
  story: Story,
  note: string,
  now: Date,
  save: SaveDoor = (r) => saveStory(db, r),
): Story {
  return save({ id: story.id, expectedRevision: story.revision, changes: {}, reason: 'override', note, now })
}
