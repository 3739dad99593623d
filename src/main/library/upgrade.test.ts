import { unpack } from './packed'
import Database from 'better-sqlite3'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { openLibrary } from '.'
import { bodyToText } from '../../shared/body-text'
import { bodyFromParagraphs, type Body } from '../../shared/body'
import { readMedia } from './media'
import { SCHEMA_VERSION } from './migrations'
import { suggestRelated } from './related'
import { readSnapshot } from './revision-log'
import { storyHistory } from './revisions'
import { searchStories } from './search'
import { createStory, deleteStory, getStory, saveStory } from './stories'
import { continueUpgrades, upgradesLeft } from './upgrade'
import { TOKEN, foldTerm } from './terms'
import type { Library } from '.'

/**
 * A library written by Copydesk before issue 22 (schema version 11), made with that code and saved:
 * test/fixtures/library/README.md says what is in it. Its stories, revisions, originals and
 * pictures are read here the way that code stored them, then compared with what the upgraded
 * library gives back.
 */
const FIXTURE = join(__dirname, '../../../test/fixtures/library/v11-library.sqlite.gz')
/**
 * The same library as the code before migration 16 left it (schema version 15: bodies and
 * snapshots packed, the body text plain, the search index reading it): the v11 fixture opened by
 * commit d71bbf6 (main) and VACUUMed.
 */
const FIXTURE_V15 = join(__dirname, '../../../test/fixtures/library/v15-library.sqlite.gz')

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

function oldLibrary(dir: string, fixture = FIXTURE): string {
  const file = join(dir, 'library.sqlite')
  writeFileSync(file, gunzipSync(readFileSync(fixture)))
  return file
}

/**
 * Search and the index agree with the stories' own words: every story (but the spiked one) is
 * found by its headline, and a word from a body finds exactly the stories whose text holds it.
 */
function expectSearchWorks(db: Library['db'], old: ReturnType<typeof readOld>, changedSince = new Set<number>()) {
  const spiked = new Set((old.spiked as { story_id: number }[]).map((s) => s.story_id))
  expect(spiked.size).toBe(1)
  const live = old.stories.filter((s) => !spiked.has(s.id))
  for (const row of live) {
    expect(searchStories(db, row.headline as string, 5).map((hit) => hit.id)).toContain(row.id)
  }
  const words = (row: OldStoryRow) =>
    new Set(
      [row.headline, row.standfirst, row.byline_text, row.body_text]
        .join(' ')
        .match(TOKEN)!
        .map((w) => foldTerm(w)),
    )
  // Words from the bodies, in several scripts: whole-word matches (a word of one letter is matched whole).
  const probes = [...new Set(live.flatMap((row) => [...words(row)].filter((w) => w.length > 3).slice(0, 3)))]
  expect(probes.length).toBeGreaterThan(20)
  for (const probe of probes) {
    const expected = live
      .filter((row) => [...words(row)].some((w) => w.startsWith(probe)))
      .map((row) => row.id)
      .sort((a, b) => a - b)
    const found = searchStories(db, probe, 100)
      .map((hit) => hit.id)
      .filter((id) => !changedSince.has(id))
      .sort((a, b) => a - b)
    expect(found, probe).toEqual(expected)
  }
  // The index itself is sound.
  expect(() => db.prepare("INSERT INTO story_search (story_search) VALUES ('integrity-check')").run()).not.toThrow()
  expect(suggestRelated(db, old.stories[0]!.id, 5).items.length).toBeGreaterThan(0)
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
    expectSearchWorks(library.db, old)
    // Packed as stored, not only as read: the body and body text columns hold deflated bytes now.
    expect(library.db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body) = 'text'").get()).toEqual({ n: 0 })
    expect(library.db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'text'").get()).toEqual({
      n: 0,
    })
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
    // The first task (the search index) got two batches in; packing the bodies has not begun.
    expect(halfway.prepare('SELECT task, done_to FROM library_upgrade ORDER BY task').all()).toEqual([
      { task: 'index-stories', done_to: 8 },
      { task: 'pack-stories', done_to: 0 },
    ])
    expect(halfway.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'blob'").get()).toEqual({
      n: 8,
    })
    halfway.close()

    const progress: number[] = []
    openLibrary(file, { upgrade: { batch: 4, onProgress: (_task, done) => progress.push(done) } }).close()
    expect(progress[0]).toBe(12)
    expect(progress.at(-1)).toBe(old.stories.length)
    const library = expectNothingLost(file, old)
    expectSearchWorks(library.db, old)
    library.close()
  })
})

describe('upgrading a library written before migration 16 (body text plain, the index reading it)', () => {
  const libraries = useTempLibraries()

  it('keeps every story, revision, original and picture, search finds the same stories, and the file gets smaller', () => {
    const old = readOld(oldLibrary(libraries.dir()))
    const file = oldLibrary(libraries.dir(), FIXTURE_V15)
    const v15 = new Database(file, { readonly: true })
    expect(v15.pragma('user_version', { simple: true })).toBe(15)
    expect(v15.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'text'").get()).toEqual({
      n: old.stories.length,
    })
    v15.close()
    const before = statSync(file).size

    const progress: [string, number, number][] = []
    const opened = openLibrary(file, { upgrade: { onProgress: (...step) => progress.push(step) } })
    expect(opened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    opened.close()
    expect(progress).toEqual([['index-stories', old.stories.length, old.stories.length]])

    const library = expectNothingLost(file, old)
    expectSearchWorks(library.db, old)
    expect(library.db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'text'").get()).toEqual({
      n: 0,
    })
    library.close()
    expect(statSync(file).size).toBeLessThan(before)
  })

  it('after the upgrade, an edited story is found by its new words and no longer by its old ones', () => {
    const file = oldLibrary(libraries.dir(), FIXTURE_V15)
    const library = openLibrary(file)
    // A story whose body has a word no other story has anywhere, so the search answer is all its own.
    const texts = library.db
      .prepare(
        'SELECT id, headline, standfirst, byline_text AS byline FROM stories WHERE id NOT IN (SELECT story_id FROM spiked)',
      )
      .all() as {
      id: number
      headline: string
      standfirst: string
      byline: string
    }[]
    const wordsOf = (text: string) => new Set((text.match(TOKEN) ?? []).map((w) => foldTerm(w)))
    const all = texts.map((row) => {
      const story = getStory(library.db, row.id)
      return { story, words: wordsOf([row.headline, row.standfirst, row.byline, story.bodyText].join(' ')) }
    })
    const count = new Map<string, number>()
    for (const { words } of all) for (const w of words) count.set(w, (count.get(w) ?? 0) + 1)
    const unique = (w: string) =>
      /^[a-z]{6,}$/.test(w) && [...count].filter(([other]) => other.startsWith(w)).every(([, n]) => n === 1)
    const target = all.find(({ words }) => [...words].some(unique))!
    const oldWord = [...target.words].find(unique)!
    expect(searchStories(library.db, oldWord, 10).map((hit) => hit.id)).toEqual([target.story.id])

    saveStory(library.db, {
      id: target.story.id,
      expectedRevision: target.story.revision,
      changes: { body: bodyFromParagraphs(['The harbour wall was rebuilt by quarrymen from Zanderhaven.']) },
      reason: 'edit',
    })
    expect(searchStories(library.db, 'Zanderhaven', 10).map((hit) => hit.id)).toEqual([target.story.id])
    expect(searchStories(library.db, oldWord, 10)).toEqual([])
    library.close()
  })
})

describe('rebuilding the search index of a large library in the background (migration 16)', () => {
  const libraries = useTempLibraries()

  it('search finds the same stories before, during and after, saves made meanwhile count, and the result is identical', async () => {
    const old = readOld(oldLibrary(libraries.dir()))
    const file = oldLibrary(libraries.dir(), FIXTURE_V15)
    // As if the library were large: the rebuild is left to run after the open.
    const library = openLibrary(file, { upgrade: { backgroundAbove: 0 } })
    const { db } = library
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(upgradesLeft(db)).toBe(true)
    expect(db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'text'").get()).toEqual({
      n: old.stories.length,
    })
    // Before a single batch: the old index answers, whole.
    expectSearchWorks(db, old)

    const spiked = new Set((old.spiked as { story_id: number }[]).map((s) => s.story_id))
    const live = old.stories.filter((s) => !spiked.has(s.id))
    const edit = (id: number, words: string) => {
      const story = getStory(db, id)
      saveStory(db, {
        id,
        expectedRevision: story.revision,
        changes: { body: bodyFromParagraphs([words]) },
        reason: 'edit',
      })
    }
    const found = (word: string) =>
      searchStories(db, word, 20)
        .map((hit) => hit.id)
        .sort((a, b) => a - b)
    const progress: [string, number, number][] = []
    const edits: { id: number; word: string; oldWord: string }[] = []
    let created = 0
    let deleted = 0
    const probe = () => {
      for (const e of edits) {
        expect(found(e.word), e.word).toEqual([e.id])
        expect(found(e.oldWord), e.oldWord).not.toContain(e.id)
      }
      if (created) expect(found('Quillmoor')).toEqual([created])
      if (deleted)
        expect(found(`"${old.stories.find((s) => s.id === deleted)!.headline as string}"`)).not.toContain(deleted)
    }
    const firstWord = (id: number) => (getStory(db, id).bodyText.match(/\b[a-z]{7,}\b/) ?? [''])[0]
    await continueUpgrades(db, {
      minBatch: 4,
      maxBatch: 4,
      onProgress: (...step) => {
        progress.push(step)
        if (progress.length !== 2) return
        // Half-way (8 stories in the new index): a story already in it and one not yet are edited,
        // one is written new and one deleted; search (still the old index) sees each at once.
        const [inNew, notYet] = [live.find((s) => s.id <= 8)!.id, live.find((s) => s.id > 8)!.id]
        for (const [id, word] of [
          [inNew, 'Zanderhaven'],
          [notYet, 'Ockleford'],
        ] as const) {
          edits.push({ id, word, oldWord: firstWord(id) })
          edit(id, `The harbour wall was rebuilt by quarrymen from ${word}.`)
        }
        created = createStory(db, { headline: 'Quillmoor ferry returns' }).id
        deleted = live.find((s) => s.id > 8 && !edits.some((e) => e.id === s.id))!.id
        deleteStory(db, deleted)
        probe()
      },
    })
    // Progress counts the stories there were at the migration (one was deleted on the way).
    expect(progress[0]).toEqual(['index-stories', 4, old.stories.length])
    expect(progress.at(-1)!.slice(1)).toEqual([old.stories.length - 1, old.stories.length])
    expect(upgradesLeft(db)).toBe(false)
    // After the swap: the new index alone, complete, sound, and agreeing with the stories.
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'story_search%' AND type = 'table' ORDER BY name")
        .all(),
    ).toEqual([
      { name: 'story_search' },
      ...['config', 'data', 'docsize', 'idx'].map((part) => ({ name: `story_search_${part}` })),
    ])
    expect(db.prepare("SELECT count(*) AS n FROM stories WHERE typeof(body_text) = 'text'").get()).toEqual({ n: 0 })
    probe()
    // Every other story as the old library had it (the edited ones were checked by their words above).
    const changed = new Set([deleted, created, ...edits.map((e) => e.id)])
    expectSearchWorks(db, { ...old, stories: old.stories.filter((s) => !changed.has(s.id)) }, changed)
    library.close()
  })
})
