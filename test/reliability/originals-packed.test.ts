import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importWireFiles } from '../../src/main/intake/import-wire'
import { migrations, SCHEMA_VERSION } from '../../src/main/library/migrations'
import { findOriginal } from '../../src/main/library/wire-copy'
import { readStorySpelling } from '../../src/main/library/dictionary'
import { pack, unpack } from '../../src/main/library/packed'
import { useTempLibraries } from '../library-fixture'
import { fixture } from '../wire/fixtures'

/** #24.2 / #22 storage: wire originals kept deflated, an older library's packed in place, every byte kept. */

const libraries = useTempLibraries()

const ORIGINALS: [string, string][] = [
  ['nitf/council-vote.xml', 'nitf'],
  ['newsml-g2/message-xhtml.xml', 'newsml-g2'],
  ['ninjs/v2.json', 'ninjs'],
  ['iptc7901/rail-strike.txt', 'iptc7901'],
  ['anpa1312/harbor-fire.tst', 'anpa1312'],
  ['scraped-text/storm-ports.txt', 'scraped-text'],
]

/** The version before the packing migration: a library as the previous Copydesk left it. */
const PACKING = migrations.findIndex((sql) => sql.includes('copydesk_pack'))

describe('wire originals deflated', () => {
  it('an older library is packed in place: every original byte for byte, in less room', () => {
    const file = join(libraries.dir(), 'old.sqlite')
    const old = new Database(file)
    for (const migration of migrations.slice(0, PACKING)) old.exec(migration)
    old.pragma(`user_version = ${PACKING}`)
    const originals = [
      ...ORIGINALS.map(([path, format]) => ({ name: path.split('/')[1]!, format, bytes: fixture(path) })),
      // Bytes that do not shrink stay as they are.
      { name: 'noise.txt', format: 'scraped-text', bytes: randomBytes(300) },
    ]
    originals.forEach(({ name, format, bytes }, i) => {
      const story = old
        .prepare(
          `INSERT INTO stories (headline, body, body_text, byline_text, created_at, updated_at)
           VALUES (?, '{"root":{"type":"root","children":[]}}', '', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        )
        .run(`Story ${i}`).lastInsertRowid
      const fileId = old
        .prepare('INSERT INTO wire_files (file_name, format, bytes) VALUES (?, ?, ?)')
        .run(name, format, bytes).lastInsertRowid
      old.prepare('INSERT INTO story_originals (story_id, file_id) VALUES (?, ?)').run(story, fileId)
    })
    const before = old.prepare('SELECT sum(length(bytes)) FROM wire_files').pluck().get() as number
    old.close()

    const library = libraries.open(file)
    expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    originals.forEach(({ name, bytes }, i) => {
      const found = findOriginal(library.db, i + 1)
      expect(found.fileName).toBe(name)
      expect(Buffer.compare(Buffer.from(found.bytes), bytes), name).toBe(0)
    })
    const after = library.db.prepare('SELECT sum(length(bytes)) FROM wire_files').pluck().get() as number
    expect(after).toBeLessThan(before * 0.7)
    expect(library.db.prepare("SELECT deflated FROM wire_files WHERE file_name = 'noise.txt'").pluck().get()).toBe(0)
  })

  it('a new import is stored deflated and reads back byte for byte, for the original panel and spelling alike', () => {
    const library = libraries.open()
    for (const [path] of ORIGINALS) {
      const bytes = fixture(path)
      const [result] = importWireFiles(library, [{ name: path, bytes }])
      expect(result!.ok, path).toBe(true)
      expect(Buffer.compare(Buffer.from(findOriginal(library.db, result!.id!).bytes), bytes), path).toBe(0)
      expect(readStorySpelling(library.db, result!.id!).id).toBe(result!.id)
    }
    const stored = library.db.prepare('SELECT deflated, count(*) AS n FROM wire_files GROUP BY deflated').all()
    expect(stored).toEqual([{ deflated: 1, n: ORIGINALS.length }])
  })

  it('pack and unpack give back every byte, whatever the bytes', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('a'), randomBytes(4096), Buffer.from('ZCZC '.repeat(2000))]) {
      const packed = pack(bytes)
      expect(Buffer.compare(unpack(packed.bytes, packed.deflated), bytes)).toBe(0)
      expect(packed.bytes.length).toBeLessThanOrEqual(bytes.length)
    }
  })
})
