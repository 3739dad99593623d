import type Database from 'better-sqlite3'
import { packSnapshot, packText } from './packed'
import { indexStories } from './upgrade-search'

// Not open.ts's Db and prepared(): open.ts runs these tasks, so this file stands on its own.
type Db = Database.Database
const prepared = (db: Db, sql: string) => db.prepare(sql)

/**
 * Upgrades too large for one transaction (every story of a library of a million) run after the
 * schema step that asks for them, a batch at a time, each batch its own transaction: the row in
 * library_upgrade says how far a task got, so a library closed half-way (the app killed, the
 * machine off) carries on from there when it is next opened, and nothing is lost at any point.
 * Migrations stay plain SQL (migrations.ts); a task here is named by the migration that adds it.
 */

/** Stories a batch: about 20 ms of work each, so progress moves and a kill loses little. */
export const UPGRADE_BATCH = 500

export interface UpgradeOptions {
  /** Told after each batch how far a task is (items done of all). */
  onProgress?: (task: string, done: number, total: number) => void
  /** Items a batch (the task's own size unless a test asks for smaller ones). */
  batch?: number
  /**
   * Run every task to its end now, even one that would be left to run in the background
   * (continueUpgrades) because the library is large. The CLI's `upgrade` and the bench ask for it.
   */
  now?: boolean
  /** A background task with more items left than this is left to continueUpgrades (OPEN_UPGRADE_ITEMS unless a test asks). */
  backgroundAbove?: number
}

interface Task {
  /**
   * Left to run in the background, after the library has opened, when more than OPEN_UPGRADE_ITEMS
   * items are left: the library is usable meanwhile (search reads the old index until the new one
   * is complete, upgrade-search.ts).
   */
  background?: boolean
  /** Items a batch, when not UPGRADE_BATCH. */
  batchSize?: number
  /** Run once, in the last batch's transaction, when no items are left. */
  done?(db: Db): void
  /** How many items the task has in all, and how many of them are done up to an id, for progress. */
  total(db: Db): number
  doneTo(db: Db, id: number): number
  /**
   * Items after `doneTo` (an id), one batch; the last id and how many, or null when none were left.
   * A batch may do work without moving on (count 0, the same id): it is called again.
   */
  batch(db: Db, doneTo: number, size: number): { last: number; count: number } | null
}

/**
 * A background task with at most this many items left is finished at open instead: a few seconds
 * at most, and a new or small library never runs with two search indexes.
 */
export const OPEN_UPGRADE_ITEMS = 500

interface StoryBatchRow {
  id: number
  body: string | Buffer
}

/**
 * Migration 14 (issue 22): pack each story's body and revisions. A story is all or nothing within
 * its batch; a value already packed is left as it is.
 */
const packStories: Task = {
  total: (db) => (prepared(db, 'SELECT count(*) AS n FROM stories').get() as { n: number }).n,
  doneTo: (db, id) => (prepared(db, 'SELECT count(*) AS n FROM stories WHERE id <= ?').get(id) as { n: number }).n,
  batch(db, doneTo, size) {
    const rows = prepared(db, 'SELECT id, body FROM stories WHERE id > ? ORDER BY id LIMIT ?').all(
      doneTo,
      size,
    ) as StoryBatchRow[]
    if (!rows.length) return null
    const setBody = prepared(db, 'UPDATE stories SET body = ? WHERE id = ?')
    const revisions = prepared(db, 'SELECT revision, snapshot FROM revisions WHERE story_id = ?')
    const setRevision = prepared(
      db,
      'UPDATE revisions SET snapshot = ?, status = ? WHERE story_id = ? AND revision = ?',
    )
    for (const row of rows) {
      if (typeof row.body === 'string') setBody.run(packText(row.body), row.id)
      for (const revision of revisions.all(row.id) as { revision: number; snapshot: string | Buffer }[]) {
        if (typeof revision.snapshot !== 'string') continue
        const snapshot = JSON.parse(revision.snapshot) as Record<string, unknown>
        setRevision.run(
          packSnapshot(snapshot),
          typeof snapshot.status === 'string' ? snapshot.status : null,
          row.id,
          revision.revision,
        )
      }
    }
    return { last: rows.at(-1)!.id, count: rows.length }
  },
}

const tasks: Record<string, Task> = { 'pack-stories': packStories, 'index-stories': indexStories }

interface Pending {
  name: string
  task: Task
  doneTo: number
  done: number
  total: number
}

function pendingTasks(db: Db): Pending[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'library_upgrade'").get()
  if (!hasTable) return []
  const rows = db.prepare('SELECT task, done_to AS doneTo FROM library_upgrade ORDER BY task').all() as {
    task: string
    doneTo: number
  }[]
  return rows.map(({ task: name, doneTo }) => {
    const task = tasks[name]
    if (!task) throw new Error(`the library asks for an upgrade step this Copydesk does not know (${name})`)
    return { name, task, doneTo, done: task.doneTo(db, doneTo), total: task.total(db) }
  })
}

/** One batch of a task, in its own transaction (IMMEDIATE: a save waits rather than failing). */
function runBatch(db: Db, pending: Pending, size: number): boolean {
  const step = db.transaction(() => {
    const result = pending.task.batch(db, pending.doneTo, size)
    if (result) db.prepare('UPDATE library_upgrade SET done_to = ? WHERE task = ?').run(result.last, pending.name)
    else {
      pending.task.done?.(db)
      db.prepare('DELETE FROM library_upgrade WHERE task = ?').run(pending.name)
    }
    return result
  })
  const result = step.immediate()
  if (!result) return false
  pending.doneTo = result.last
  pending.done += result.count
  return true
}

/** With no task left, the bookkeeping table goes; whether one is left. */
function tidy(db: Db): boolean {
  const left = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'library_upgrade'").get()
    ? db.prepare('SELECT 1 FROM library_upgrade LIMIT 1').get()
    : undefined
  if (!left) db.exec('DROP TABLE IF EXISTS library_upgrade')
  return Boolean(left)
}

/** The old copies' pages are free once a task has run: give them back to the disk, once. */
export function compactLibrary(db: Db): void {
  db.exec('VACUUM')
  if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)')
}

/**
 * Run what upgrades are left, at open (none, on a library already upgraded: one query), except a
 * background task with many items left (unless `now`): that is continueUpgrades' to run, batch by
 * batch, while the library is in use. Returns whether any work was done here; the space freed is
 * given back (VACUUM) once, then.
 */
export function finishUpgrades(
  db: Db,
  { onProgress, batch, now = false, backgroundAbove = OPEN_UPGRADE_ITEMS }: UpgradeOptions = {},
): boolean {
  let worked = false
  for (const pending of pendingTasks(db)) {
    if (!now && pending.task.background && pending.total - pending.done > backgroundAbove) continue
    const size = batch ?? pending.task.batchSize ?? UPGRADE_BATCH
    while (runBatch(db, pending, size)) {
      worked = true
      onProgress?.(pending.name, pending.done, pending.total)
    }
  }
  tidy(db)
  if (worked) compactLibrary(db)
  return worked
}

/** Whether upgrades are left for continueUpgrades (a large library's search index being rebuilt). */
export function upgradesLeft(db: Db): boolean {
  return db.open && pendingTasks(db).length > 0
}

export interface BackgroundUpgradeOptions {
  onProgress?: (task: string, done: number, total: number) => void
  /**
   * How long a batch may hold the main process (ms): the editor's saves and searches wait at most
   * about this long. Batches are sized to it as they go, as the machine's speed and load change.
   */
  sliceMs?: number
  /** Smallest and largest batch, in items. */
  minBatch?: number
  maxBatch?: number
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Run the upgrades finishUpgrades left, a batch at a time, giving the event loop back between
 * batches (the editor's requests are answered in between). Stops quietly when the library is
 * closed (what was done is kept; the rest carries on at the next open). Resolves to whether
 * anything was left to do. The space the upgrade frees is reused by the stories that come next;
 * `copydesk upgrade` gives it back to the disk at once (VACUUM), which takes the library for a while.
 */
export async function continueUpgrades(
  db: Db,
  { onProgress, sliceMs = 150, minBatch = 20, maxBatch = 10_000 }: BackgroundUpgradeOptions = {},
): Promise<boolean> {
  if (!db.open) return false
  const pending = pendingTasks(db)
  for (const task of pending) {
    let size = minBatch
    for (;;) {
      await nextTurn()
      if (!db.open) return true
      const started = performance.now()
      if (!runBatch(db, task, size)) break
      const took = Math.max(1, performance.now() - started)
      // Aim the next batch at sliceMs, growing at most twice as large a step (a slow batch shrinks it at once).
      size = Math.round(Math.min(maxBatch, Math.max(minBatch, Math.min(size * 2, (size * sliceMs) / took))))
      onProgress?.(task.name, task.done, task.total)
    }
  }
  if (db.open) tidy(db)
  return pending.length > 0
}

/**
 * The library's size (bytes) before and after giving the pages its upgrades freed back to the disk
 * (VACUUM, only when some are free). Copies the whole file once: a minute or more for a library of
 * a million stories, so the app never does it on its own after a background upgrade; `copydesk
 * upgrade` does, when asked.
 */
export function compactAfterUpgrade(db: Db): { before: number; after: number } {
  const size = () =>
    (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
  const before = size()
  if ((db.pragma('freelist_count', { simple: true }) as number) > 0) compactLibrary(db)
  return { before, after: size() }
}
