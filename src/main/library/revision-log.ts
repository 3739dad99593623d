import type { RevisionReason } from '../../shared/revisions'
import type { Story, StoryFields } from '../../shared/story'
import { prepared, type Db } from './open'
import { packSnapshot, unpackText } from './packed'

/**
 * Autosave runs about once a second while an editor types. Autosaves that fall in the same
 * five-minute stretch of the clock (10:00-10:05, 10:05-10:10, ...) are kept as one history entry,
 * the latest of them: an hour of steady typing leaves about twelve entries, and any state more than
 * five minutes old can still be restored. Every save still gets its own revision number (the
 * number is how a stale save is caught); only the snapshots in between are not kept.
 */
export const AUTOSAVE_STRETCH_MINUTES = 5

const stretchOf = (iso: string) => Math.floor(Date.parse(iso) / (AUTOSAVE_STRETCH_MINUTES * 60_000))

interface LastRow {
  revision: number
  savedAt: string
  reason: RevisionReason
}

/** Keep the story as saved, in the caller's transaction; an autosave replaces the one before it in the same stretch. */
export function recordRevision(db: Db, story: Story, reason: RevisionReason, note?: string): void {
  if (reason === 'autosave') {
    const last = prepared(
      db,
      `SELECT revision, saved_at AS savedAt, reason FROM revisions
        WHERE story_id = ? ORDER BY revision DESC LIMIT 1`,
    ).get(story.id) as LastRow | undefined
    if (last?.reason === 'autosave' && stretchOf(last.savedAt) === stretchOf(story.updatedAt)) {
      prepared(db, 'DELETE FROM revisions WHERE story_id = ? AND revision = ?').run(story.id, last.revision)
    }
  }
  prepared(
    db,
    `INSERT INTO revisions (story_id, revision, saved_at, reason, word_count, snapshot, note, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    story.id,
    story.revision,
    story.updatedAt,
    reason,
    story.wordCount,
    packSnapshot(story),
    note ?? null,
    story.status,
  )
}

/** A stored revision's snapshot as written (packed, or JSON text in a library from before issue 22), or undefined. */
export function readSnapshot(db: Db, id: number, revision: number): Record<string, unknown> | undefined {
  const row = prepared(db, 'SELECT snapshot FROM revisions WHERE story_id = ? AND revision = ?').get(id, revision) as
    { snapshot: string | Buffer } | undefined
  return row ? (JSON.parse(unpackText(row.snapshot)) as Record<string, unknown>) : undefined
}

/**
 * The reason a save is recorded under: a save that changes the status and nothing else is a
 * status change in the history, whoever sent it (the status picker saves through autosave).
 */
export function reasonForSave(current: Story, changes: Partial<StoryFields>, asked: RevisionReason): RevisionReason {
  if (asked !== 'autosave' && asked !== 'edit') return asked
  if (changes.status === undefined || changes.status === current.status) return asked
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'status') continue
    if (JSON.stringify(value) !== JSON.stringify(current[key as keyof Story])) return asked
  }
  return 'status'
}
