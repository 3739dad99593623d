import type Database from 'better-sqlite3'
import { SEARCH_INDEX_SWAP } from './migrations'
import { packText } from './packed'

// Not open.ts's Db and prepared(): open.ts runs the upgrade tasks, so this file stands on its own.
type Db = Database.Database
const prepared = (db: Db, sql: string) => db.prepare(sql)

/**
 * Migration 16's task ('index-stories', issue 22): every story put into the new, contentless search
 * index (story_search_next) and its body text packed, a batch of ids at a time; then the new index
 * merged into few segments, a slice at a time; then the swap (SEARCH_INDEX_SWAP). Search reads the
 * old index, complete and correct, until the swap, so it does not matter how long this takes or
 * how often it is interrupted: each batch is one transaction that also records how far it got
 * (story_search_build.done_to and library_upgrade's row), and the triggers keep both indexes right
 * for saves made meanwhile (migration 16).
 *
 * A batch is two statements, whatever its size: one INSERT ... SELECT feeding the index every story
 * of the id range (FTS5 sorts the terms of the whole batch once), and one UPDATE packing their
 * text, which the triggers ignore (same words). A story at a time, through the update trigger, ran
 * at 27 stories a second under load (docs/benchmarks.md, "Disk").
 *
 * FTS5's own merge settings are kept (automerge 4): measured on a 20,000-story library, turning
 * automerge off for the build (one merge at the end) was half as fast, at every batch size, and
 * its crisis merges held a batch for seconds; batches of 100 to 10,000 stories ran at about the
 * same rate, so a batch is sized to how long it may hold the editor (upgrade.ts), not for speed.
 */

/** Connections that have the packing function the bulk UPDATE calls. */
const canPack = new WeakSet<Db>()

function packingFunction(db: Db): void {
  if (canPack.has(db)) return
  db.function('copydesk_pack_text', { deterministic: true }, (text) => packText(text as string))
  canPack.add(db)
}

function ceiling(db: Db): number {
  return (prepared(db, 'SELECT ceiling FROM story_search_build').get() as { ceiling: number }).ceiling
}

/**
 * Put the stories after `doneTo` (up to `size` of them) into the new index. Stories above the
 * ceiling (written since the migration) are in it already, by the insert trigger.
 */
function indexBatch(db: Db, doneTo: number, size: number): { last: number; count: number } | null {
  const { last } = prepared(
    db,
    'SELECT max(id) AS last FROM (SELECT id FROM stories WHERE id > ? AND id <= ? ORDER BY id LIMIT ?)',
  ).get(doneTo, ceiling(db), size) as { last: number | null }
  if (last === null) return null
  packingFunction(db)
  const { changes: count } = prepared(
    db,
    `INSERT INTO story_search_next (rowid, headline, standfirst, byline_text, body_text)
     SELECT id, headline, standfirst, byline_text, copydesk_text(body_text) FROM stories
     WHERE id > ? AND id <= ?`,
  ).run(doneTo, last)
  prepared(
    db,
    `UPDATE stories SET body_text = copydesk_pack_text(body_text)
     WHERE id > ? AND id <= ? AND typeof(body_text) = 'text'`,
  ).run(doneTo, last)
  prepared(db, 'UPDATE story_search_build SET done_to = ?').run(last)
  return { last, count }
}

/**
 * Some of the merge that leaves the new index in few segments (so the first searches after the
 * swap read few): FTS5's incremental 'merge' of about `pages` pages, across levels (a negative
 * count). It did nothing when it changed fewer than two rows (FTS5's documented test).
 */
function mergeSlice(db: Db, pages: number): boolean {
  const before = db.prepare('SELECT total_changes() AS n').get() as { n: number }
  prepared(db, `INSERT INTO story_search_next (story_search_next, rank) VALUES ('merge', ?)`).run(-Math.max(16, pages))
  const after = db.prepare('SELECT total_changes() AS n').get() as { n: number }
  return after.n - before.n >= 2
}

export const indexStories = {
  background: true,
  batchSize: 10_000,
  total: (db: Db) =>
    (prepared(db, 'SELECT count(*) AS n FROM stories WHERE id <= ?').get(ceiling(db)) as { n: number }).n,
  doneTo: (db: Db, id: number) =>
    (prepared(db, 'SELECT count(*) AS n FROM stories WHERE id <= ?').get(Math.min(id, ceiling(db))) as { n: number }).n,
  batch(db: Db, doneTo: number, size: number): { last: number; count: number } | null {
    const indexed = indexBatch(db, doneTo, size)
    if (indexed) return indexed
    // Every story is in: merge (no stories counted, the same id recorded) until nothing is left.
    return mergeSlice(db, size) ? { last: doneTo, count: 0 } : null
  },
  done: (db: Db) => db.exec(SEARCH_INDEX_SWAP),
}
