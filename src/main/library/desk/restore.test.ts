import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '@shared/body'
import { bodyToText } from '@shared/body-text'
import { storyFromDoc } from '@shared/desk/story-doc'
import type { StoryId } from '@shared/story'
import { call } from '../../api'
import { addUser } from '../../../server/accounts'
import { startCluster, type Cluster } from '../../../server/postgres-cluster'
import { startDeskServer, type DeskServer } from '../../../server/server'
import { openLibrary, type Library } from '../index'
import { DeskSession, joinDesk } from './session'

// History's Restore and Undo restore on a story shared to the desk, with two editors' libraries on
// a real server over a real PostgreSQL cluster (docs/team.md, "Restore on a shared story"). Before,
// the restore wrote only the restoring editor's row: the colleague never saw it, the desk never
// stored it, and the doc's next change put the old words back in the restorer's library too.

const PASSWORD = 'a long test password'

const settle = async (what: string, check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} did not happen`)
}

interface Editor {
  library: Library
  desk: DeskSession
}

/** What an editor sees of the story: its headline and its words. */
const seen = (who: Library, id: StoryId) => {
  const story = call(who, 'story:get', { id })
  return `${story.headline} | ${bodyToText(story.body)}`
}

const FIRST = 'Council votes | The council met.\n\nThe pool stays open.'
const SECOND = 'Council closes pool | The council voted to close the pool.\n\nThe pool stays open.'

describe('restoring a revision of a shared story', { timeout: 180_000 }, () => {
  let cluster: Cluster
  let pool: pg.Pool
  let server: DeskServer
  let dir: string
  const libraries: Library[] = []

  async function editor(name: string, file = `${name}-${libraries.length}.sqlite`): Promise<Editor> {
    const library = openLibrary(join(dir, file))
    libraries.push(library)
    const link = await joinDesk(library, server.url, name, PASSWORD)
    return { library, desk: new DeskSession(library, link) }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-desk-restore-'))
    cluster = await startCluster()
    server = await startDeskServer({ database: cluster.url })
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 })
    for (const name of ['ann', 'bob']) await addUser(pool, { name, password: PASSWORD, role: 'editor', desk: 'news' })
  }, 120_000)

  afterAll(async () => {
    for (const library of libraries) {
      library.desk?.close()
      library.close()
    }
    await pool?.end()
    await server?.close()
    cluster?.destroy()
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  /** What PostgreSQL holds of the story (the desk's copy every editor loads from). */
  const stored = async (sharedId: string) => {
    const { rows } = await pool.query<{ state: Buffer }>('SELECT state FROM stories WHERE id = $1', [sharedId])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, rows[0]!.state)
    const story = storyFromDoc(doc)
    return `${story.headline} | ${bodyToText(story.body)}`
  }

  /** Ann writes a story, shares it and rewrites it; Bob has it open. Revision 1 is the first version. */
  async function sharedAndRewritten(ann: Editor, bob: Editor) {
    const id = call(ann.library, 'story:create', {
      headline: 'Council votes',
      body: bodyFromParagraphs(['The council met.', 'The pool stays open.']),
    }).id
    const sharedId = await ann.desk.share(id)
    const story = call(ann.library, 'story:get', { id })
    call(ann.library, 'story:save', {
      id,
      expectedRevision: story.revision,
      changes: {
        headline: 'Council closes pool',
        body: bodyFromParagraphs(['The council voted to close the pool.', 'The pool stays open.']),
      },
    })
    await bob.desk.follow()
    const bobId = bob.desk.storyIdOf(sharedId)!
    bob.desk.hold(bobId)
    await settle('both have the rewrite', () => seen(bob.library, bobId) === SECOND)
    await settle('both settled', () => ann.desk.settled() && bob.desk.settled())
    return { id, bobId, sharedId }
  }

  /** History's Undo restore: shown while the latest revision is a restore; restores the one before it. */
  function undoRestore(who: Library, id: StoryId) {
    const latest = call(who, 'story:revisions', { id }).revisions[0]!
    expect(latest).toMatchObject({ reason: 'restore', current: true })
    const story = call(who, 'story:get', { id })
    call(who, 'story:restore', { id, revision: latest.revision - 1, expectedRevision: story.revision })
  }

  it('every editor and the desk get the restore, it outlives a colleague’s edit and a reconnect, and either can undo it', async () => {
    const ann = await editor('ann', 'ann-restore.sqlite')
    const bob = await editor('bob')
    const { id, bobId, sharedId } = await sharedAndRewritten(ann, bob)

    // Ann restores her revision 1, the first version.
    expect(call(ann.library, 'story:revisions', { id }).revisions.at(-1)).toMatchObject({ revision: 1 })
    const before = call(ann.library, 'story:get', { id })
    call(ann.library, 'story:restore', { id, revision: 1, expectedRevision: before.revision })
    expect(seen(ann.library, id)).toBe(FIRST)
    await settle('Bob sees the restore', () => seen(bob.library, bobId) === FIRST)
    await settle('the desk stored it', () => ann.desk.settled() && bob.desk.settled())
    expect(await stored(sharedId)).toBe(FIRST)

    // Both histories say it was a restore, which version, and who made it.
    for (const [who, storyId] of [
      [ann.library, id],
      [bob.library, bobId],
    ] as const) {
      const latest = call(who, 'story:revisions', { id: storyId }).revisions[0]!
      expect(latest).toMatchObject({ reason: 'restore', current: true })
      expect(latest.note).toMatch(/^the version saved \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(ann on the desk, /)
    }

    // Bob undoes it from his own History: both are back at the rewrite, and so is the desk.
    undoRestore(bob.library, bobId)
    expect(seen(bob.library, bobId)).toBe(SECOND)
    await settle('Ann sees the undo', () => seen(ann.library, id) === SECOND)
    await settle('the desk stored the undo', () => ann.desk.settled() && bob.desk.settled())
    expect(await stored(sharedId)).toBe(SECOND)
    expect(call(ann.library, 'story:revisions', { id }).revisions[0]!.note).toContain('(bob on the desk, ')

    // Ann undoes Bob's undo: the restore again, everywhere.
    undoRestore(ann.library, id)
    await settle('Bob sees the restore again', () => seen(bob.library, bobId) === FIRST)

    // A colleague's change after the restore does not bring the replaced words back.
    bob.desk.edit(bobId, { deskNote: 'Check the vote count' })
    await settle('Ann gets the note', () => call(ann.library, 'story:get', { id }).deskNote === 'Check the vote count')
    expect(seen(ann.library, id)).toBe(FIRST)

    // Ann's app closes and opens again (a reconnect from her library file): still the restore.
    await settle('all stored', () => ann.desk.settled() && bob.desk.settled())
    ann.desk.close()
    ann.library.close()
    const reopened = openLibrary(join(dir, 'ann-restore.sqlite'))
    libraries.push(reopened)
    const desk = DeskSession.resume(reopened)!
    desk.hold(id)
    await desk.follow()
    await settle('Ann reconnected', () => desk.settled())
    expect(seen(reopened, id)).toBe(FIRST)
    expect(seen(bob.library, bobId)).toBe(FIRST)
    expect(await stored(sharedId)).toBe(FIRST)
  })

  it('a restore made offline merges with a colleague’s words typed meanwhile', async () => {
    const ann = await editor('ann')
    const bob = await editor('bob')
    const { id, bobId, sharedId } = await sharedAndRewritten(ann, bob)

    ann.desk.goOffline()
    bob.desk.goOffline()
    const before = call(ann.library, 'story:get', { id })
    call(ann.library, 'story:restore', { id, revision: 1, expectedRevision: before.revision })
    // Bob, meanwhile, adds to the second paragraph, which the restore does not touch.
    bob.desk.edit(bobId, {
      body: bodyFromParagraphs(['The council voted to close the pool.', 'The pool stays open until June.']),
    })
    ann.desk.goOnline()
    bob.desk.goOnline()
    const merged = 'Council votes | The council met.\n\nThe pool stays open until June.'
    await settle('both agree', () => seen(ann.library, id) === merged && seen(bob.library, bobId) === merged)
    await settle('both settled', () => ann.desk.settled() && bob.desk.settled())
    expect(await stored(sharedId)).toBe(merged)
    expect(call(bob.library, 'story:revisions', { id: bobId }).revisions[0]).toMatchObject({ reason: 'restore' })
  })

  it('refuses a restore of a shared story where no desk session holds it, saying where to do it', async () => {
    const ann = await editor('ann')
    const id = call(ann.library, 'story:create', { headline: 'Tram fares', body: bodyFromParagraphs(['Up.']) }).id
    await ann.desk.share(id)
    ann.desk.close()
    const story = call(ann.library, 'story:get', { id })
    expect(() => call(ann.library, 'story:restore', { id, revision: 1, expectedRevision: story.revision })).toThrow(
      `story ${id} is shared on the desk: restore its older version from the app signed in to the desk`,
    )
  })
})
