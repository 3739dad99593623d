import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyFromParagraphs } from '../../src/shared/body'
import { SHARED_FIELDS, storyFromDoc } from '../../src/shared/desk/story-doc'
import { PASSWORD, eventually, startClient, startDesk, type Client, type Desk } from './harness'

// Three editors' apps (three processes, three SQLite files), one desk server process, one real
// PostgreSQL. The machine needs PostgreSQL's binaries (.ci/run installs Debian's postgresql).
describe('a desk of three', { timeout: 120_000 }, () => {
  let desk: Desk
  let dir: string
  let a: Client, b: Client, c: Client

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-team-'))
    desk = await startDesk()
    await desk.addUser('ann', 'reporter', 'news')
    await desk.addUser('bob', 'editor', 'news')
    await desk.addUser('cat', 'desk-head', 'news')
    const clients = await Promise.all(['a', 'b', 'c'].map((n) => startClient(join(dir, `${n}.sqlite`))))
    ;[a, b, c] = [clients[0]!, clients[1]!, clients[2]!]
    await a.run('join', desk.url, 'ann', PASSWORD)
    await b.run('join', desk.url, 'bob', PASSWORD)
    await c.run('join', desk.url, 'cat', PASSWORD)
  }, 240_000)

  afterAll(async () => {
    await Promise.all([a, b, c].map((x) => x?.kill()))
    await desk?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  let shared: string
  const ids: Record<string, number> = {}

  it('A shares a story; B finds it in its own library and search; C hands it to the desk; all agree with PostgreSQL', async () => {
    ids.a = await a.run<number>('create', {
      headline: 'Harbour bridge closes for repairs',
      body: bodyFromParagraphs(['The harbour bridge will close on Monday.', 'Ferries will run every ten minutes.']),
    })
    shared = await a.run<string>('share', ids.a)
    expect(await a.run('status')).toMatchObject({ waiting: 0 })

    await b.run('follow')
    ids.b = (await b.run<number | null>('storyIdOf', shared))!
    expect(ids.b).toBeGreaterThan(0)
    expect(await b.run<number[]>('search', 'ferries')).toContain(ids.b)
    expect((await b.run<{ headline: string }>('get', ids.b)).headline).toBe('Harbour bridge closes for repairs')

    await c.run('follow')
    ids.c = (await c.run<number | null>('storyIdOf', shared))!
    await c.run('handTo', ids.c, 'bob', 'editing')
    expect(await c.run('settle', 20_000)).toBe(true)

    // A holds the story open: the hand-off arrives by WebSocket; B's index by the feed.
    await a.run('hold', ids.a)
    await eventually('A sees the hand-off', async () =>
      (await a.run<{ status: string }>('get', ids.a)).status === 'editing' ? true : false,
    )
    await eventually('B sees the hand-off through the feed', async () => {
      await b.run('follow')
      return (await b.run<{ status: string }>('get', ids.b)).status === 'editing' ? true : false
    })
    const row = await eventually('PostgreSQL has it', async () => {
      const { rows } = await desk.pool.query<{
        status: string
        assignee: string
        headline: string
        updated_by: string
      }>('SELECT status, assignee, headline, updated_by FROM stories WHERE id = $1', [shared])
      return rows[0]?.assignee === 'bob' ? rows[0] : false
    })
    expect(row).toMatchObject({ status: 'editing', headline: 'Harbour bridge closes for repairs', updated_by: 'cat' })
    const docs = await Promise.all([a.run('doc', ids.a), c.run('doc', ids.c)])
    expect(docs[0]).toEqual(docs[1])
    expect(docs[0]).toMatchObject({ assignee: 'bob', status: 'editing' })
    // PostgreSQL's own full-text search finds it too (the house language's configuration).
    const { rows: hits } = await desk.pool.query(
      "SELECT id FROM stories WHERE search @@ websearch_to_tsquery('english', 'ferry')",
    )
    expect(hits.map((h: { id: string }) => h.id)).toContain(shared)
  })

  it('offline edits in the same paragraph merge on reconnect; fields agree; history names who wrote', async () => {
    await b.run('hold', ids.b)
    await b.run('settle', 20_000)
    await c.run('hold', ids.c)
    await c.run('settle', 20_000)
    await b.run('offline')
    await c.run('offline')
    // All three type into the first paragraph (and B into the second), each at its own place.
    await a.run('insertWord', ids.a, 0, 4, 'old ')
    await b.run('insertWord', ids.b, 0, 11, ' famous')
    await c.run('insertWord', ids.c, 0, 0, 'Wellington: ')
    await b.run('insertWord', ids.b, 1, 0, 'Extra ')
    await c.run('edit', ids.c, { headline: 'Harbour bridge to close for a week' })
    await b.run('edit', ids.b, { standfirst: 'Repairs start Monday' })
    // The same field written on both sides of the split: last writer wins, decided alike everywhere.
    await a.run('edit', ids.a, { deskNote: 'Ann: legal has cleared it' })
    await b.run('edit', ids.b, { deskNote: 'Bob: hold for the pictures' })
    await c.run('edit', ids.c, { keywords: ['transport', 'harbour'] })
    expect((await b.run<{ waiting: number }>('status')).waiting).toBeGreaterThan(0)
    expect((await c.run<{ waiting: number }>('status')).waiting).toBeGreaterThan(0)
    // Offline, each library already shows its own edits (search included).
    expect(await c.run<number[]>('search', 'Wellington')).toContain(ids.c)

    await b.run('online')
    await c.run('online')
    for (const x of [a, b, c]) expect(await x.run('settle', 30_000)).toBe(true)
    const words = ['old', 'famous', 'Wellington', 'Extra']
    const texts = await eventually('every app has every word', async () => {
      const all = await Promise.all([
        a.run<{ bodyText: string }>('get', ids.a),
        b.run<{ bodyText: string }>('get', ids.b),
        c.run<{ bodyText: string }>('get', ids.c),
      ])
      return all.every((s) => words.every((w) => s.bodyText.includes(w))) ? all : false
    })
    // Each word once, where its writer put it: nothing doubled, nothing of the original lost.
    for (const t of texts) {
      expect(t.bodyText).toBe(
        'Wellington: The old harbour famous bridge will close on Monday.\n\nExtra Ferries will run every ten minutes.',
      )
    }
    const pgText = await eventually('PostgreSQL has every word', async () => {
      const { rows } = await desk.pool.query<{ body_text: string; headline: string }>(
        'SELECT body_text, headline FROM stories WHERE id = $1',
        [shared],
      )
      return words.every((w) => rows[0]!.body_text.includes(w)) && rows[0]!.headline.includes('week') ? rows[0]! : false
    })
    expect(pgText.body_text).toBe(texts[0].bodyText)
    const stories = await Promise.all([
      a.run<Record<string, unknown>>('get', ids.a),
      b.run<Record<string, unknown>>('get', ids.b),
      c.run<Record<string, unknown>>('get', ids.c),
    ])
    for (const s of stories) {
      expect(s).toMatchObject({ headline: 'Harbour bridge to close for a week', standfirst: 'Repairs start Monday' })
    }
    // Every field agrees in the three SQLite libraries and in PostgreSQL's copy of the doc.
    const fieldsOf = (s: Record<string, unknown>) =>
      Object.fromEntries(SHARED_FIELDS.map((f) => [f, s[f] === undefined ? null : s[f]]))
    const { rows: stored } = await desk.pool.query<{ state: Buffer; headline: string; status: string }>(
      'SELECT state, headline, status FROM stories WHERE id = $1',
      [shared],
    )
    const pgDoc = new Y.Doc()
    Y.applyUpdate(pgDoc, stored[0]!.state)
    const pgFields = fieldsOf(storyFromDoc(pgDoc) as unknown as Record<string, unknown>)
    for (const s of stories) expect(fieldsOf(s)).toEqual(pgFields)
    expect(['Ann: legal has cleared it', 'Bob: hold for the pictures']).toContain(pgFields.deskNote)
    expect(pgFields).toMatchObject({ keywords: ['transport', 'harbour'], status: 'editing' })
    expect(stored[0]).toMatchObject({ headline: 'Harbour bridge to close for a week', status: 'editing' })
    const heldDocs = await Promise.all([a.run('doc', ids.a), b.run('doc', ids.b), c.run('doc', ids.c)])
    for (const d of heldDocs) expect(d).toEqual(storyFromDoc(pgDoc))
    const { rows: history } = await desk.pool.query<{ authors: string[]; fields_by: Record<string, string> }>(
      'SELECT authors, fields_by FROM snapshots WHERE story_id = $1 ORDER BY change',
      [shared],
    )
    const authors = new Set(history.flatMap((h) => h.authors))
    for (const name of ['ann', 'bob', 'cat']) expect(authors).toContain(name)
    const lastBy = history.at(-1)!.fields_by
    expect(lastBy).toMatchObject({ headline: 'cat', standfirst: 'bob', assignee: 'cat', keywords: 'cat' })
    // Who wrote the desk note is whoever's note won.
    expect(lastBy.deskNote).toBe(pgFields.deskNote === 'Ann: legal has cleared it' ? 'ann' : 'bob')
  })
})
