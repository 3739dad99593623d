import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { migrations } from './migrations'
import { getStory } from './stories'

/** Migration 12: the wire's embargo (version 10's wire_embargo) becomes the story's one embargo. */
describe('a version-11 library with wire embargoes', () => {
  const libraries = useTempLibraries()

  it('carries every embargo into the story field: offsets kept as zones, words kept as words', () => {
    const file = join(libraries.dir(), 'v11.sqlite')
    const old = new Database(file)
    for (const migration of migrations.slice(0, 11)) old.exec(migration)
    old.pragma('user_version = 11')
    const insert = old.prepare(
      `INSERT INTO stories (headline, body, created_at, updated_at, wire_embargo)
       VALUES (?, '{"root":{"type":"root","children":[]}}', '2026-11-30T09:00:00.000Z', '2026-11-30T09:00:00.000Z', ?)`,
    )
    insert.run('With an offset', JSON.stringify({ until: '2026-12-01T10:00:00+01:00' }))
    insert.run('In UTC', JSON.stringify({ until: '2026-12-01T10:00:00Z', note: 'EMBARGOED UNTIL 1000 GMT' }))
    insert.run('Words only', JSON.stringify({ note: 'Sperrfrist: Donnerstag, 12.00 Uhr' }))
    insert.run('No embargo', null)
    insert.run('Local time', JSON.stringify({ until: '2026-12-01T10:00' }))
    old.close()

    const { db } = libraries.open(file)
    expect(getStory(db, 1).embargo).toEqual({ from: 'wire', at: '2026-12-01T09:00:00.000Z', zone: '+01:00' })
    expect(getStory(db, 2).embargo).toEqual({
      from: 'wire',
      note: 'EMBARGOED UNTIL 1000 GMT',
      at: '2026-12-01T10:00:00.000Z',
      zone: 'UTC',
    })
    expect(getStory(db, 3).embargo).toEqual({ from: 'wire', note: 'Sperrfrist: Donnerstag, 12.00 Uhr' })
    expect(getStory(db, 4).embargo).toBeNull()
    // A time without a zone was the desk's local time: read in this machine's zone, named 'local'.
    const local = getStory(db, 5).embargo!
    expect(local.zone).toBe('local')
    expect(Date.parse(local.at!)).toBe(new Date(2026, 11, 1, 10, 0).getTime())
    const columns = db.prepare('PRAGMA table_info(stories)').all() as { name: string }[]
    expect(columns.map((c) => c.name)).not.toContain('wire_embargo')
  })
})
