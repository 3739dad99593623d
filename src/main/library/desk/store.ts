import * as Y from 'yjs'
import { prepared, type Db } from '../open'
import { projectStory } from '../stories'
import {
  deskEmbargoAt,
  overridesOf,
  restoresOf,
  storyFromDoc,
  type DeskOverride,
  type DeskRestore,
  type SharedStory,
} from '@shared/desk/story-doc'
import type { Story, StoryId } from '@shared/story'

/** What the library keeps of a shared story besides its row in stories (docs/team.md). */
export interface DeskStoryRow {
  storyId: StoryId
  sharedId: string
  desk: string
  owner: string
  assignee: string | null
  embargo: string | null
  updatedBy: string | null
  change: number
}

const ROW = `story_id AS storyId, shared_id AS sharedId, desk, owner, assignee, embargo, updated_by AS updatedBy, change`

export function deskStoryBySharedId(db: Db, sharedId: string): DeskStoryRow | undefined {
  return prepared(db, `SELECT ${ROW} FROM desk_stories WHERE shared_id = ?`).get(sharedId) as DeskStoryRow | undefined
}

export function deskStoryByStoryId(db: Db, storyId: StoryId): DeskStoryRow | undefined {
  return prepared(db, `SELECT ${ROW} FROM desk_stories WHERE story_id = ?`).get(storyId) as DeskStoryRow | undefined
}

export function deskStories(db: Db): DeskStoryRow[] {
  return prepared(db, `SELECT ${ROW} FROM desk_stories ORDER BY story_id`).all() as DeskStoryRow[]
}

export function readLink(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT value FROM desk_link WHERE key = ?').get(key) as { value: string } | undefined)?.value
}

export function writeLink(db: Db, key: string, value: string): void {
  prepared(
    db,
    'INSERT INTO desk_link (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

/** The doc as the library has it: every update kept, replayed in order (Yjs ignores repeats). */
export function loadDoc(db: Db, sharedId: string): Y.Doc {
  const doc = new Y.Doc()
  const rows = prepared(db, 'SELECT bytes FROM desk_updates WHERE shared_id = ? ORDER BY seq').all(sharedId) as {
    bytes: Buffer
  }[]
  doc.transact(() => {
    for (const row of rows) Y.applyUpdate(doc, row.bytes)
  }, 'library')
  return doc
}

/**
 * Keep one update and bring the story's row up to date, in one transaction: the moment an edit is
 * made (or arrives) it is in the file, and list, search and checks see it. `local` updates wait
 * to go up until the server has them.
 */
export function keepUpdate(
  db: Db,
  desk: { sharedId: string; desk: string; owner: string },
  doc: Y.Doc,
  update: Uint8Array,
  local: boolean,
  updatedBy: string | null,
): Story {
  return db
    .transaction(() => {
      prepared(db, 'INSERT INTO desk_updates (shared_id, bytes, local, sent) VALUES (?, ?, ?, ?)').run(
        desk.sharedId,
        Buffer.from(update),
        local ? 1 : 0,
        local ? 0 : 1,
      )
      return project(db, desk, storyFromDoc(doc), updatedBy, overridesOf(doc), restoresOf(doc))
    })
    .immediate()
}

const overrideNote = (o: DeskOverride) => `${o.note} (${o.by} on the desk, ${o.at})`

function hasOverride(db: Db, storyId: StoryId, note: string): boolean {
  return (
    prepared(db, "SELECT 1 FROM revisions WHERE story_id = ? AND reason = 'override' AND instr(note, ?) > 0").get(
      storyId,
      note,
    ) !== undefined
  )
}

const restoreNote = (r: DeskRestore) => `${r.note} (${r.by} on the desk, ${r.at})`

/**
 * The restore this change brought, to keep as a revision of reason 'restore' (so History says
 * who restored what, and offers Undo restore): the doc's latest restore, once, and only in a
 * library that had the story before it was made. A library that first gets the story afterwards
 * has no version of its own from before the restore to undo to.
 */
function pendingRestore(db: Db, storyId: StoryId, restores: readonly DeskRestore[]): string | undefined {
  const latest = restores.at(-1)
  if (!latest) return undefined
  const note = restoreNote(latest)
  const row = prepared(
    db,
    `SELECT created_at AS createdAt,
            EXISTS (SELECT 1 FROM revisions WHERE story_id = s.id AND reason = 'restore' AND note = ?) AS kept
       FROM stories s WHERE id = ?`,
  ).get(note, storyId) as { createdAt: string; kept: number } | undefined
  return row && !row.kept && latest.at > row.createdAt ? note : undefined
}

function project(
  db: Db,
  desk: { sharedId: string; desk: string; owner: string },
  story: SharedStory,
  updatedBy: string | null,
  overrides: readonly DeskOverride[] = [],
  restores: readonly DeskRestore[] = [],
): Story {
  const known = deskStoryBySharedId(db, desk.sharedId)
  const { assignee, ...fields } = story
  const embargo = deskEmbargoAt(fields.embargo)
  // An override made on the desk (here or by a colleague) is a revision of its own in the history,
  // once: the note names who made it, which is also how it is known to be kept already.
  const notes = overrides.map(overrideNote)
  const pending = known ? notes.filter((note) => !hasOverride(db, known.storyId, note)) : notes
  const records: { reason: 'override' | 'restore'; note: string }[] = []
  if (pending.length) records.push({ reason: 'override', note: pending.join('\n') })
  const restored = known && pendingRestore(db, known.storyId, restores)
  // Last, so the restore is the story's latest revision (History's Undo restore undoes the latest).
  if (restored) records.push({ reason: 'restore', note: restored })
  let row = projectStory(db, known?.storyId ?? null, fields, new Date(), records[0])
  for (const record of records.slice(1)) row = projectStory(db, row.id, fields, new Date(), record)
  if (known) {
    prepared(
      db,
      'UPDATE desk_stories SET assignee = ?, embargo = ?, updated_by = coalesce(?, updated_by) WHERE story_id = ?',
    ).run(assignee, embargo, updatedBy, row.id)
  } else {
    prepared(
      db,
      'INSERT INTO desk_stories (story_id, shared_id, desk, owner, assignee, embargo, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(row.id, desk.sharedId, desk.desk, desk.owner, assignee, embargo, updatedBy)
  }
  return row
}

/**
 * A local story joins the desk: its row becomes the projection of the new doc (same id, so links,
 * pictures and its revisions stay), and the doc's first state waits to go up.
 */
export function adoptStory(
  db: Db,
  storyId: StoryId,
  desk: { sharedId: string; desk: string; owner: string },
  doc: Y.Doc,
): void {
  db.transaction(() => {
    prepared(db, 'INSERT INTO desk_stories (story_id, shared_id, desk, owner, updated_by) VALUES (?, ?, ?, ?, ?)').run(
      storyId,
      desk.sharedId,
      desk.desk,
      desk.owner,
      desk.owner,
    )
    prepared(db, 'INSERT INTO desk_updates (shared_id, bytes, local, sent) VALUES (?, ?, 1, 0)').run(
      desk.sharedId,
      Buffer.from(Y.encodeStateAsUpdate(doc)),
    )
  }).immediate()
}

export function noteChange(db: Db, sharedId: string, change: number, updatedBy: string): void {
  prepared(db, 'UPDATE desk_stories SET change = max(change, ?), updated_by = ? WHERE shared_id = ?').run(
    change,
    updatedBy,
    sharedId,
  )
}

/** The server has everything up to `seq` of this story. */
export function markSent(db: Db, sharedId: string, upTo: number): void {
  prepared(db, 'UPDATE desk_updates SET sent = 1 WHERE shared_id = ? AND local = 1 AND sent = 0 AND seq <= ?').run(
    sharedId,
    upTo,
  )
}

export function lastSeq(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) AS n FROM desk_updates').get() as { n: number }).n
}

/** How many of this editor's changes wait to go up to the desk (the app shows the number). */
export function waitingCount(db: Db, sharedId?: string): number {
  const row = sharedId
    ? prepared(db, 'SELECT count(*) AS n FROM desk_updates WHERE local = 1 AND sent = 0 AND shared_id = ?').get(
        sharedId,
      )
    : prepared(db, 'SELECT count(*) AS n FROM desk_updates WHERE local = 1 AND sent = 0').get()
  return (row as { n: number }).n
}

/** Many small updates of one story as one, so a long day's typing does not replay keystroke by keystroke. */
export function compactUpdates(db: Db, sharedId: string): void {
  db.transaction(() => {
    const waiting = (
      prepared(db, 'SELECT count(*) AS n FROM desk_updates WHERE shared_id = ? AND sent = 0').get(sharedId) as {
        n: number
      }
    ).n
    if (waiting) return // only what the server has is folded together
    const doc = loadDoc(db, sharedId)
    prepared(db, 'DELETE FROM desk_updates WHERE shared_id = ?').run(sharedId)
    prepared(db, 'INSERT INTO desk_updates (shared_id, bytes, local, sent) VALUES (?, ?, 0, 1)').run(
      sharedId,
      Buffer.from(Y.encodeStateAsUpdate(doc)),
    )
  }).immediate()
}
