import { ApiError } from '../../shared/errors'
import type { SpikedStory } from '../../shared/spike'
import type { Story, StoryId } from '../../shared/story'
import { prepared, type Db } from './open'
import { readSetting } from './settings'
import { getStory, insertStory, SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './stories'

/**
 * The spike: where a story goes when the desk throws it out. It stays whole (text, history,
 * pictures) and out of the way (not in the list, search or suggestions) until it is brought back,
 * purged on request, or purged when the house period has passed. Spiking is undone by unspiking:
 * the story comes back exactly as it was, status and all.
 */

/** How long a story stays on the spike before it may be purged: the setting `desk.spikeDays`, 30 days unless set. */
export const DEFAULT_SPIKE_DAYS = 30
export const SPIKE_DAYS_KEY = 'desk.spikeDays'

export function spikeDays(db: Db): number {
  const value = readSetting(db, SPIKE_DAYS_KEY)
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3650
    ? value
    : DEFAULT_SPIKE_DAYS
}

const purgeAfter = (spikedAt: string, days: number) => new Date(Date.parse(spikedAt) + days * 86_400_000).toISOString()

function spikedAt(db: Db, id: StoryId): string | null {
  return (prepared(db, 'SELECT spiked_at FROM spiked WHERE story_id = ?').pluck().get(id) as string | undefined) ?? null
}

export function isSpiked(db: Db, id: StoryId): boolean {
  return spikedAt(db, id) !== null
}

/** Put a story on the spike (again: it keeps the time it was first spiked). */
export function spikeStory(db: Db, id: StoryId, now = new Date()): SpikedStory {
  return db.transaction(() => {
    const story = getStory(db, id)
    prepared(db, 'INSERT OR IGNORE INTO spiked (story_id, spiked_at) VALUES (?, ?)').run(id, now.toISOString())
    return spikedEntry(db, story, spikedAt(db, id)!)
  })()
}

/** Bring a story back from the spike, exactly as it was. */
export function unspikeStory(db: Db, id: StoryId): { id: StoryId; headline: string } {
  const story = getStory(db, id)
  const result = prepared(db, 'DELETE FROM spiked WHERE story_id = ?').run(id)
  if (result.changes === 0) throw new ApiError('not-found', `story ${id} is not on the spike`)
  return { id, headline: story.headline }
}

function spikedEntry(db: Db, story: Pick<Story, 'id'>, at: string): SpikedStory {
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = ?`).get(story.id) as SummaryRow
  return { ...summaryFromRow(row), spikedAt: at, purgeAfter: purgeAfter(at, spikeDays(db)) }
}

/** The spike, most recently spiked first. */
export function listSpiked(db: Db): { days: number; items: SpikedStory[] } {
  const days = spikeDays(db)
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS}, k.spiked_at FROM spiked k JOIN stories s ON s.id = k.story_id
      ORDER BY k.spiked_at DESC, s.id DESC`,
  ).all() as (SummaryRow & { spiked_at: string })[]
  return {
    days,
    items: rows.map((row) => ({
      ...summaryFromRow(row),
      spikedAt: row.spiked_at,
      purgeAfter: purgeAfter(row.spiked_at, days),
    })),
  }
}

export interface PurgeRequest {
  /** These spiked stories, now; a story not on the spike is refused (spike it first). */
  ids?: StoryId[]
  /** Every story on the spike, however recent. */
  all?: boolean
  now?: Date
}

/**
 * Delete spiked stories for good, with their history: the ones named, all of them, or (asked for
 * nothing) those spiked longer ago than the house period. Pictures stay in the library: another
 * story may show the same one.
 */
export function purgeSpiked(db: Db, request: PurgeRequest = {}): { purged: { id: StoryId; headline: string }[] } {
  return db.transaction(() => {
    const { items } = listSpiked(db)
    const now = (request.now ?? new Date()).toISOString()
    let chosen = items
    if (request.ids) {
      const onSpike = new Set(items.map((s) => s.id))
      for (const id of request.ids) {
        getStory(db, id)
        if (!onSpike.has(id))
          throw new ApiError('conflict', `story ${id} is not on the spike; spike it before purging it`)
      }
      const wanted = new Set(request.ids)
      chosen = items.filter((s) => wanted.has(s.id))
    } else if (!request.all) {
      chosen = items.filter((s) => s.purgeAfter <= now)
    }
    const remove = prepared(db, 'DELETE FROM stories WHERE id = ?')
    for (const story of chosen) remove.run(story.id)
    return { purged: chosen.map((s) => ({ id: s.id, headline: s.headline })) }
  })()
}

/** A new draft with the story's words, pictures and related stories; its history starts with "copy of story N". */
export function duplicateStory(db: Db, id: StoryId, now = new Date()): Story {
  return db.transaction(() => {
    const { headline, standfirst, bylines, dateline, leadPicture, body, related, keywords, slug } = getStory(db, id)
    return insertStory(
      db,
      {
        headline,
        standfirst,
        bylines,
        dateline,
        leadPicture,
        body,
        related,
        keywords,
        slug: `${slug || 'story'}-copy`,
        status: 'draft',
      },
      { now, note: `copy of story ${id}${headline ? ` “${headline}”` : ''}` },
    )
  })()
}

/**
 * A story made with New story and never typed in holds nothing worth keeping: leaving it removes
 * it. Anything saved since (a revision past the first), or anything in it at all, keeps it.
 */
export function discardUntouched(db: Db, id: StoryId): { discarded: boolean } {
  return db.transaction(() => {
    const story = getStory(db, id)
    const untouched =
      story.revision === 1 &&
      story.source === null &&
      !story.headline.trim() &&
      !story.standfirst.trim() &&
      !story.bodyText.trim() &&
      story.body.root.children.every((b) => b.type !== 'picture') &&
      !story.bylines.length &&
      !story.leadPicture &&
      !story.related.length &&
      !(story.keywords ?? []).length &&
      !story.dateline.place &&
      !story.dateline.date &&
      !story.dateline.source
    if (untouched) prepared(db, 'DELETE FROM stories WHERE id = ?').run(id)
    return { discarded: untouched }
  })()
}
