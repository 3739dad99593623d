import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '../library-fixture'
import { call } from '../../src/main/api'
import { importWireFiles } from '../../src/main/intake/import-wire'
import { migrations } from '../../src/main/library/migrations'
import { MAX_STORIES_PER_FILE } from '../../src/shared/limits'

/** One wire file, many stories: the file's bytes are stored once, and a file of too many is refused. */

const libraries = useTempLibraries()

function ninjsList(items: number): Buffer {
  const filler = 'Flood defences held overnight along the river. '.repeat(40)
  return Buffer.from(
    JSON.stringify({
      items: Array.from({ length: items }, (_, i) => ({
        uri: `urn:example:flood:${i}`,
        headline: `Flood update ${i}`,
        body_text: `${filler}Item ${i}.`,
      })),
    }),
  )
}

/** The library's size in bytes, the WAL folded in first so what SQLite wrote is counted. */
function librarySize(db: Database.Database, file: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)')
  return statSync(file).size
}

describe('a wire file of many stories', () => {
  it('stores the file once, however many stories it makes, and gives each story that original', () => {
    const file = join(libraries.dir(), 'library.sqlite')
    const library = libraries.open(file)
    const before = librarySize(library.db, file)
    const bytes = ninjsList(300) // about 600 KB: each story kept its own copy before (180 MB)
    const results = importWireFiles(library, [{ name: 'floods.json', bytes }])
    expect(results.filter((r) => r.ok)).toHaveLength(300)
    const growth = librarySize(library.db, file) - before
    // Each story keeps its words three ways (body, revision, search index): about six times the file.
    expect(growth).toBeLessThan(bytes.length * 12)
    const original = call(library, 'story:original', { id: results[299]!.id! })
    expect(original.fileName).toBe('floods.json')
  })

  it('leaves no large write-ahead log behind after a large import', () => {
    const file = join(libraries.dir(), 'library.sqlite')
    const library = libraries.open(file)
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `floods-${i}.json`, bytes: ninjsList(200) }))
    expect(importWireFiles(library, files).every((r) => r.ok)).toBe(true)
    expect(statSync(`${file}-wal`).size).toBe(0)
  })

  it(`refuses a file of more than ${MAX_STORIES_PER_FILE.toLocaleString('en')} stories, saying how many it holds`, () => {
    const library = libraries.open()
    const results = importWireFiles(library, [{ name: 'dump.json', bytes: ninjsList(MAX_STORIES_PER_FILE + 1) }])
    expect(results).toHaveLength(1)
    expect(results[0]!.ok).toBe(false)
    expect(results[0]!.error).toBe(
      `it holds 1,001 stories; Copydesk takes at most 1,000 from one file (ask the sender for the items you need, or split the file)`,
    )
    expect(call(library, 'story:list', {}).items).toEqual([])
  })

  it('folds the copies an older library kept for each story into one, and each story still has its original', () => {
    const file = join(libraries.dir(), 'old.sqlite')
    const old = new Database(file)
    for (const migration of migrations.slice(0, 8)) old.exec(migration)
    old.pragma('user_version = 8')
    const bytes = Buffer.from('{"items":[{"headline":"One"},{"headline":"Two"},{"headline":"Three"}]}')
    for (const headline of ['One', 'Two', 'Three', 'Other']) {
      const id = old
        .prepare(
          `INSERT INTO stories (headline, body, body_text, byline_text, created_at, updated_at)
           VALUES (?, '{"root":{"type":"root","children":[]}}', '', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        )
        .run(headline).lastInsertRowid
      const own = headline === 'Other' ? Buffer.from('ZCZC other file') : bytes
      old
        .prepare('INSERT INTO originals (story_id, file_name, format, bytes) VALUES (?, ?, ?, ?)')
        .run(id, headline === 'Other' ? 'other.txt' : 'three.json', headline === 'Other' ? 'iptc7901' : 'ninjs', own)
    }
    old.close()

    const library = libraries.open(file)
    const files = library.db.prepare('SELECT file_name FROM wire_files ORDER BY file_name').all()
    expect(files).toEqual([{ file_name: 'other.txt' }, { file_name: 'three.json' }])
    for (const id of [1, 2, 3]) expect(call(library, 'story:original', { id }).fileName).toBe('three.json')
    expect(call(library, 'story:original', { id: 4 }).fileName).toBe('other.txt')
    // A file goes with the last story made from it.
    for (const id of [1, 2]) call(library, 'story:delete', { id })
    expect(library.db.prepare('SELECT count(*) AS n FROM wire_files').get()).toEqual({ n: 2 })
    call(library, 'story:delete', { id: 3 })
    expect(library.db.prepare('SELECT count(*) AS n FROM wire_files').get()).toEqual({ n: 1 })
  })
})
