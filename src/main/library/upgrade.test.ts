import { unpack } from './packed'
import Database from 'better-sqlite3'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { openLibrary } from '.'
import { bodyToText } from '../../shared/body-text'
import type { Body } from '../../shared/body'
import { readMedia } from './media'
import { SCHEMA_VERSION } from './migrations'
import { suggestRelated } from './related'
import { readSnapshot } from './revision-log'
import { storyHistory } from './revisions'
import { searchStories } from './search'
import { getStory } from './stories'

/**
 * A library written by Copydesk before issue 22 (schema version 11), made with that code and saved:
 * test/fixtures/library/README.md says what is in it. Its stories, revisions, originals and
 * pictures are read here the way that code stored them, then compared with what the upgraded
 * library gives back.
 */
const FIXTURE = join(__dirname, '../../../test/fixtures/library/v11-library.sqlite.gz')

interface OldStoryRow extends Record<string, unknown> {
  id: number
  body: string
  body_text: string
}

/** Everything the old library holds, as that version wrote it. */
function readOld(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const stories = db.prepare('SELECT * FROM stories ORDER BY id').all() as OldStoryRow[]
    const revisions = db
      .prepare(
        `SELECT story_id, revision, saved_at, reason, word_count, note, snapshot,
                json_extract(snapshot, '$.status') AS status
           FROM revisions ORDER BY story_id, revision`,
      )
      .all() as { story_id: number; revision: number; reason: string; snapshot: string; status: string }[]
    const pictures = db.prepare('SELECT id FROM media ORDER BY id').all() as { id: string }[]
    const pictureBytes = new Map(
      pictures.map(({ id }) => [
        id,
        Buffer.concat(
          (
            db.prepare('SELECT bytes FROM media_part WHERE media_id = ? ORDER BY seq').all(id) as { bytes: Buffer }[]
          ).map((p) => p.bytes),
        ),
      ]),
    )
    const originals = db
      .prepare(
        'SELECT o.story_id, w.file_name, w.format, w.bytes FROM story_originals o JOIN wire_files w ON w.id = o.file_id',
      )
      .all()
    const spiked = db.prepare('SELECT * FROM spiked').all()
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      stories,
      revisions,
      pictureBytes,
      originals,
      spiked,
    }
  } finally {
    db.close()
  }
}

function oldLibrary(dir: string): string {
  const file = join(dir, 'library.sqlite')
  writeFileSync(file, gunzipSync(readFileSync(FIXTURE)))
  return file
}

/** Every story, revision, original and picture of the old library, read back through the upgraded one. */
function expectNothingLost(file: string, old: ReturnType<typeof readOld>) {
  const library = openLibrary(file)
  try {
    const { db } = library
    for (const row of old.stories) {
      const story = getStory(db, row.id)
      expect(story.body).toEqual(JSON.parse(row.body))
      expect(story.bodyText).toBe(row.body_text)
      expect(story).toMatchObject({
        headline: row.headline,
        standfirst: row.standfirst,
        status: row.status,
        bylines: JSON.parse(row.bylines as string) as unknown,
        dateline: JSON.parse(row.dateline as string) as unknown,
        leadPicture: row.lead_picture ? (JSON.parse(row.lead_picture as string) as unknown) : null,
        related: JSON.parse(row.related as string) as unknown,
        revision: row.revision,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        wordCount: row.word_count,
        language: row.language,
      })
    }
    const revisions = db
      .prepare(
        'SELECT story_id, revision, saved_at, reason, word_count, note FROM revisions ORDER BY story_id, revision',
      )
      .all()
    expect(revisions).toEqual(old.revisions.map(({ snapshot: _s, status: _t, ...kept }) => kept))
    for (const revision of old.revisions) {
      const { bodyText, ...fields } = JSON.parse(revision.snapshot) as { bodyText: string; body: Body }
      const now = readSnapshot(db, revision.story_id, revision.revision)!
      expect(now).toEqual(fields)
      // The body text left out of the snapshot is the body's, so nothing is lost by not keeping it.
      expect(bodyToText(now.body as Body)).toBe(bodyText)
    }
    // The history still names each status change, now from its own column.
    for (const id of new Set(old.revisions.map((r) => r.story_id))) {
      const statuses = storyHistory(db, id)
        .filter((entry) => entry.status)
        .map((entry) => [entry.revision, entry.status])
      const expected = old.revisions
        .filter((r) => r.story_id === id && ['status', 'create', 'import'].includes(r.reason))
        .map((r) => [r.revision, r.status])
        .reverse()
      expect(statuses).toEqual(expected)
    }
    for (const [id, bytes] of old.pictureBytes) expect(readMedia(db, id).bytes.equals(bytes)).toBe(true)
    // Originals are kept deflated since migration 13 (packed.ts): compared as the bytes they unpack to.
    const originals = db
      .prepare(
        'SELECT o.story_id, w.file_name, w.format, w.bytes, w.deflated FROM story_originals o JOIN wire_files w ON w.id = o.file_id',
      )
      .all() as { bytes: Buffer; deflated: number }[]
    expect(originals.map(({ deflated, ...row }) => ({ ...row, bytes: unpack(row.bytes, deflated) }))).toEqual(
      old.originals,
    )
    expect(db.prepare('SELECT * FROM spiked').all()).toEqual(old.spiked)
    return library
  } catch (error) {
    library.close()
    throw error
  }
}

describe('upgrading a library written before issue 22', () => {
  const libraries = useTempLibraries()

  it('keeps every story, revision, original and picture, and the file gets smaller', () => {
    const file = oldLibrary(libraries.dir())
    const old = readOld(file)
    expect(old.version).toBe(11)
    expect(old.stories.length).toBeGreaterThan(10)
    expect(old.revisions.length).toBeGreaterThan(old.stories.length)
    const before = statSync(file).size

    const progress: number[] = []
    const opened = openLibrary(file, { upgrade: { onProgress: (_task, done) => progress.push(done) } })
    expect(opened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    opened.close()
    expect(progress.at(-1)).toBe(old.stories.length)

    const library = expectNothingLost(file, old)
    // Every story is in the rebuilt search index (a spiked one is left out of search), and suggestions read it.
    const spiked = new Set((old.spiked as { story_id: number }[]).map((s) => s.story_id))
    expect(spiked.size).toBe(1)
    for (const row of old.stories.filter((s) => !spiked.has(s.id))) {
      const word = (row.headline as string).split(' ')[0]!
      expect(searchStories(library.db, row.headline as string, 5).map((hit) => hit.id)).toContain(row.id)
      expect(searchStories(library.db, word, 50).length).toBeGreaterThan(0)
    }
    expect(suggestRelated(library.db, old.stories[0]!.id, 5).items.length).toBeGreaterThan(0)
    // Packed as stored, not only as read: the body column holds deflated bytes now.
    expect(library.db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body) = 'text'").get()).toEqual({ n: 0 })
    library.close()
    expect(statSync(file).size).toBeLessThan(before * 0.6)
  })

  it('carries on where it stopped when the upgrade is cut short, and loses nothing', () => {
    const file = oldLibrary(libraries.dir())
    const old = readOld(file)
    // The app is killed after the second batch of four stories: the open fails, the work so far is kept.
    let batches = 0
    expect(() =>
      openLibrary(file, {
        upgrade: {
          batch: 4,
          onProgress: () => {
            if (++batches === 2) throw new Error('killed')
          },
        },
      }),
    ).toThrow(/upgrading the library's stories failed: killed; what was done is kept/)
    const halfway = new Database(file, { readonly: true })
    expect(halfway.prepare('SELECT done_to FROM library_upgrade').get()).toEqual({ done_to: 8 })
    expect(halfway.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body) = 'blob'").get()).toEqual({ n: 8 })
    halfway.close()

    const progress: number[] = []
    openLibrary(file, { upgrade: { batch: 4, onProgress: (_task, done) => progress.push(done) } }).close()
    expect(progress[0]).toBe(12)
    expect(progress.at(-1)).toBe(old.stories.length)
    expectNothingLost(file, old).close()
  })
})
