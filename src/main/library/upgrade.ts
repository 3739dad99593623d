import type Database from 'better-sqlite3'
import { packSnapshot, packText } from './packed'

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
  /** Items a batch (UPGRADE_BATCH unless a test asks for smaller ones). */
  batch?: number
}

interface Task {
  /** How many items the task has in all, and how many of them are done up to an id, for progress. */
  total(db: Db): number
  doneTo(db: Db, id: number): number
  /** Items after `doneTo` (an id), one batch; the last id and how many, or null when none were left. */
  batch(db: Db, doneTo: number, size: number): { last: number; count: number } | null
}

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

const tasks: Record<string, Task> = { 'pack-stories': packStories }

/**
 * Run what upgrades are left (none, on a library already upgraded: one query). Returns whether any
 * ran, so the caller can give the space back (VACUUM) once.
 */
export function finishUpgrades(db: Db, { onProgress, batch = UPGRADE_BATCH }: UpgradeOptions = {}): boolean {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'library_upgrade'").get()
  if (!hasTable) return false
  const pending = db.prepare('SELECT task, done_to AS doneTo FROM library_upgrade').all() as {
    task: string
    doneTo: number
  }[]
  let worked = false
  for (const { task: name, doneTo: from } of pending) {
    const task = tasks[name]
    if (!task) throw new Error(`the library asks for an upgrade step this Copydesk does not know (${name})`)
    const total = task.total(db)
    let done = task.doneTo(db, from)
    let doneTo = from
    const record = db.prepare('UPDATE library_upgrade SET done_to = ? WHERE task = ?')
    const finish = db.prepare('DELETE FROM library_upgrade WHERE task = ?')
    const step = db.transaction(() => {
      const result = task.batch(db, doneTo, batch)
      if (result) record.run(result.last, name)
      else finish.run(name)
      return result
    })
    for (let result = step.immediate(); result; result = step.immediate()) {
      worked = true
      doneTo = result.last
      done += result.count
      onProgress?.(name, done, total)
    }
  }
  db.exec('DROP TABLE library_upgrade')
  if (worked) {
    // The old copies' pages are free now: give them back to the disk, once.
    db.exec('VACUUM')
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)')
  }
  return worked
}
