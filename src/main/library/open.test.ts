import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { openLibrary } from '.'
import { SCHEMA_VERSION, migrations } from './migrations'
import { getStory, listStories } from './stories'

describe('opening a library', () => {
  const libraries = useTempLibraries()

  it('creates a new library at the current schema version, with WAL and foreign keys on', () => {
    const library = libraries.open()
    expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('upgrades a library written by the first version and keeps its stories', () => {
    const file = join(libraries.dir(), 'old.sqlite')
    const old = new Database(file)
    old.exec(migrations[0]!)
    old.pragma('user_version = 1')
    old
      .prepare(
        `INSERT INTO stories (headline, body, body_text, byline_text, created_at, updated_at)
       VALUES ('Harbour reopens after storm', '{"root":{"type":"root","children":[]}}', 'Ferries run again.', '', '2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.000Z')`,
      )
      .run()
    old.close()

    const library = libraries.open(file)
    expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(getStory(library.db, 1).headline).toBe('Harbour reopens after storm')
    // The tally (migration 15) counted the stories already there.
    expect(listStories(library.db, { limit: 1, offset: 0 }).total).toBe(1)
    // Tables of later versions now exist.
    expect(library.db.prepare("SELECT name FROM sqlite_master WHERE name = 'media'").get()).toBeTruthy()
  })

  it('refuses a file that is not SQLite, naming it, and leaves it byte for byte as it was', () => {
    const file = join(libraries.dir(), 'notes.sqlite')
    writeFileSync(file, 'Shopping list: bread, milk, eggs, and a new notebook for the council meeting.\n')
    const before = readFileSync(file)
    expect(() => openLibrary(file)).toThrow(`${file} is not a Copydesk library`)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a library from a newer Copydesk and does not touch it', () => {
    const file = join(libraries.dir(), 'future.sqlite')
    const future = new Database(file)
    future.exec('CREATE TABLE stories (id INTEGER PRIMARY KEY)')
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    future.close()
    const before = readFileSync(file)
    expect(() => openLibrary(file)).toThrow(/written by a newer Copydesk/)
    expect(() => openLibrary(file)).toThrow(file)
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
