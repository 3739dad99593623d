import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../../src/shared/body'
import { docFromStory } from '../../src/shared/desk/story-doc'
import { PASSWORD, eventually, startClient, startDesk, type Desk } from './harness'

const STORIES = 250

/** What a library file holds of the desk, read from outside the process writing it (WAL readers do not block it). */
function inFile(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = db
      .prepare(
        `SELECT d.shared_id AS sharedId, s.headline, (SELECT count(*) FROM desk_updates u WHERE u.shared_id = d.shared_id) AS updates
           FROM desk_stories d JOIN stories s ON s.id = d.story_id`,
      )
      .all() as { sharedId: string; headline: string; updates: number }[]
    const cursor = (
      db.prepare("SELECT value FROM desk_link WHERE key = 'cursor'").get() as { value: string } | undefined
    )?.value
    const stories = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n
    return { rows, cursor: Number(cursor ?? 0), stories }
  } finally {
    db.close()
  }
}

// Catch-up goes in batches, each written with the cursor in one transaction (docs/team.md): a new
// client killed in the middle of its first sync resumes where the last batch ended, and ends with
// every story of its desk exactly once.
describe('a new client catching up with the desk', { timeout: 240_000 }, () => {
  let desk: Desk
  let dir: string
  const headlines = new Map<string, string>()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-catch-up-'))
    desk = await startDesk()
    await desk.addUser('ann', 'editor', 'news')
    await desk.addUser('bob', 'editor', 'news')
    await desk.addUser('sam', 'editor', 'sport')
    const signIn = async (name: string) =>
      (
        (await (
          await fetch(`${desk.url}/api/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name, password: PASSWORD }),
          })
        ).json()) as { token: string }
      ).token
    const share = async (token: string, headline: string) => {
      const id = randomUUID()
      const doc = docFromStory({ headline, body: bodyFromParagraphs([`${headline} body words`]) }, 'ann')
      const response = await fetch(`${desk.url}/api/stories`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }),
      })
      expect(response.status).toBe(201)
      return id
    }
    const ann = await signIn('ann')
    const sam = await signIn('sam')
    for (let i = 0; i < STORIES; i++) {
      headlines.set(await share(ann, `Catch-up story ${i}`), `Catch-up story ${i}`)
      // Another desk's stories sit between them in the feed: never fetched, never kept.
      if (i % 25 === 0) await share(sam, `Sport story ${i}`)
    }
  }, 180_000)

  afterAll(async () => {
    await desk?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('killed mid-way, resumes without losing or doubling a story', async () => {
    const file = join(dir, 'bob.sqlite')
    let client = await startClient(file)
    await client.run('join', desk.url, 'bob', PASSWORD)
    const following = client.run('follow').catch(() => undefined)
    // Kill it once some batches are in the file and some are not.
    const atKill: ReturnType<typeof inFile> = await eventually(
      'the first batch written',
      () => {
        const seen = inFile(file)
        return Promise.resolve(seen.rows.length > 0 ? seen : false)
      },
      2000,
    )
    await client.kill()
    await following
    const afterKill = inFile(file)
    expect(afterKill.rows.length, 'killed in the middle of catching up').toBeLessThan(STORIES)
    expect(afterKill.rows.length).toBeGreaterThanOrEqual(atKill.rows.length)
    // Batches are whole: the cursor covers exactly the stories written.
    expect(afterKill.rows.length % 100 === 0 || afterKill.rows.length === STORIES).toBe(true)

    client = await startClient(file)
    try {
      const resumed = await client.run<number>('follow')
      expect(resumed, 'only what was left is fetched again').toBeLessThanOrEqual(STORIES + 10 - afterKill.rows.length)
      const done = inFile(file)
      expect(done.rows.map((r) => r.sharedId).sort()).toEqual([...headlines.keys()].sort())
      expect(done.stories, 'no story doubled in the library').toBe(STORIES)
      for (const row of done.rows) {
        expect(row.headline).toBe(headlines.get(row.sharedId))
        expect(row.updates, `story ${row.headline} written once`).toBe(1)
      }
      const { rows } = await desk.pool.query<{ change: number }>('SELECT max(change)::float8 AS change FROM stories')
      expect(done.cursor).toBe(rows[0]!.change)
    } finally {
      await client.kill()
    }
  })
})
