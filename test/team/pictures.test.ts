import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../src/main/library'
import { DeskSession, joinDesk } from '../../src/main/library/desk/session'
import { picturesOf } from '../../src/main/library/desk/pictures'
import { addMedia, findMedia } from '../../src/main/library/media'
import { createStory, getStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { makeGif, makePng } from '../fixtures/pictures/images'
import { pictureNode } from '../fixtures/export/stories'
import { PASSWORD, eventually, startDesk, type Desk } from './harness'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

// A shared story's pictures travel with it (docs/team.md, "Pictures"): the desk server (its own
// process, a real PostgreSQL) keeps their bytes by hash for the desk, and a colleague's library
// fetches the ones it lacks.
describe("a shared story's pictures", { timeout: 120_000 }, () => {
  let desk: Desk
  let dir: string
  const open: { library: Library; desk: DeskSession }[] = []
  const tokens: Record<string, string> = {}
  const png = makePng(48, 32)
  const gif = makeGif(5, 4)

  async function joined(name: string) {
    const library = openLibrary(join(dir, `${name}.sqlite`))
    const session = new DeskSession(library, await joinDesk(library, desk.url, name, PASSWORD))
    open.push({ library, desk: session })
    tokens[name] = session.link.token!
    return { library, desk: session }
  }

  const http = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(desk.url + path, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-desk-pictures-'))
    desk = await startDesk()
    await desk.addUser('ann', 'editor', 'news')
    await desk.addUser('bob', 'editor', 'news')
    await desk.addUser('sam', 'editor', 'sport')
  }, 60_000)

  afterAll(async () => {
    for (const { desk: session, library } of open) {
      session.close()
      library.close()
    }
    await desk?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('A shares a story with pictures; B opens it and has the same bytes', async () => {
    const ann = await joined('ann')
    const bob = await joined('bob')
    await joined('sam')
    const lead = addMedia(ann.library.db, png, { name: 'harbour.png' })
    const inBody = addMedia(ann.library.db, gif, { name: 'map.gif' })
    const body = bodyFromParagraphs(['The harbour bridge closes on Monday.'])
    body.root.children.push(pictureNode({ mediaId: inBody.id, alt: 'A map', caption: 'The detour', credit: 'Desk' }))
    const story = createStory(ann.library.db, {
      headline: 'Bridge to close',
      body,
      leadPicture: { mediaId: lead.id, alt: 'The bridge', caption: 'The bridge at dusk', credit: 'PA' },
    })
    await ann.desk.share(story.id)

    await bob.desk.follow()
    const sharedId = ann.desk.sharedIdOf(story.id)!
    const bobId = bob.desk.storyIdOf(sharedId)!
    // The story is there at once; its pictures arrive in the background.
    expect(getStory(bob.library.db, bobId).headline).toBe('Bridge to close')
    await bob.desk.picturesSettled()
    for (const [id, bytes] of [
      [lead.id, png],
      [inBody.id, gif],
    ] as const) {
      const here = findMedia(bob.library.db, id)
      expect(here, `picture ${id} in B's library`).not.toBeNull()
      expect(sha256(here!.bytes)).toBe(sha256(bytes))
    }
  })

  it('a picture added to a shared story later reaches the colleague too', async () => {
    const [ann, bob] = open
    const storyId = 1
    const sharedId = ann!.desk.sharedIdOf(storyId)!
    const bobId = bob!.desk.storyIdOf(sharedId)!
    bob!.desk.hold(bobId)
    const later = makePng(20, 20, () => [10, 200, 10])
    const added = addMedia(ann!.library.db, later, { name: 'later.png' })
    const body = getStory(ann!.library.db, storyId).body
    body.root.children.push(pictureNode({ mediaId: added.id, alt: 'Later', caption: '', credit: '' }))
    ann!.desk.edit(storyId, { body })
    const found = await eventually(
      "the later picture in B's library",
      async () => {
        // The words can arrive before the bytes are up; the app's follow rounds (every 2 s) try again.
        await bob!.desk.follow()
        await bob!.desk.picturesSettled()
        return findMedia(bob!.library.db, added.id) ?? false
      },
      300,
    )
    expect(sha256(found.bytes)).toBe(sha256(later))
  })

  it('a picture nobody could upload leaves a gap, never a broken story', async () => {
    const [ann, bob] = open
    // A picture the sharer's own library lacks (wire copy that named one and did not carry it).
    const absent = sha256(Buffer.from('never uploaded'))
    const body = bodyFromParagraphs(['Copy without its picture.'])
    body.root.children.push(pictureNode({ mediaId: absent, alt: 'Absent', caption: '', credit: '' }))
    const story = createStory(ann!.library.db, { headline: 'Picture to follow', body })
    await ann!.desk.share(story.id)
    await bob!.desk.follow()
    await bob!.desk.picturesSettled()
    const here = getStory(bob!.library.db, bob!.desk.storyIdOf(ann!.desk.sharedIdOf(story.id)!)!)
    expect(here.headline).toBe('Picture to follow')
    expect(here.body.root.children.map((c) => (c as { mediaId?: string }).mediaId)).toContain(absent)
    expect(findMedia(bob!.library.db, absent)).toBeNull()
  })

  it('refuses the picture endpoints without a token', async () => {
    const hash = sha256(png)
    expect((await http(`/api/media/${hash}`, null)).status).toBe(401)
    expect((await http(`/api/media/${hash}`, null, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(401)
    const asked = await http('/api/media/missing', null, { method: 'POST', body: JSON.stringify({ hashes: [hash] }) })
    expect(asked.status).toBe(401)
    expect((await http(`/api/media/${hash}`, 'not-a-token')).status).toBe(401)
  })

  it("refuses another desk's pictures: reading, adding to, or asking about them", async () => {
    const hash = sha256(png)
    expect((await http(`/api/media/${hash}`, tokens.bob!)).status).toBe(200)
    expect((await http(`/api/media/${hash}`, tokens.sam!)).status).toBe(404)
    const put = await http(`/api/media/${hash}?desk=news`, tokens.sam!, { method: 'PUT', body: new Uint8Array(png) })
    expect(put.status).toBe(403)
    const asked = await http('/api/media/missing', tokens.sam!, {
      method: 'POST',
      body: JSON.stringify({ desk: 'news', hashes: [hash] }),
    })
    expect(asked.status).toBe(403)
    // Uploading the bytes to one's own desk is how a desk gets a picture; then it may read it.
    expect((await http(`/api/media/${hash}`, tokens.sam!, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(
      204,
    )
    expect((await http(`/api/media/${hash}`, tokens.sam!)).status).toBe(200)
  })

  it("catch-up's batched states refuse no token and leave another desk's stories out", async () => {
    const sharedId = open[0]!.desk.sharedIdOf(1)!
    const ask = (token: string | null) =>
      http('/api/states', token, { method: 'POST', body: JSON.stringify({ ids: [sharedId] }) })
    expect((await ask(null)).status).toBe(401)
    const mine = (await (await ask(tokens.bob!)).json()) as { states: { id: string }[] }
    expect(mine.states.map((s) => s.id)).toEqual([sharedId])
    const theirs = (await (await ask(tokens.sam!)).json()) as { states: unknown[]; later: unknown[] }
    expect(theirs).toEqual({ states: [], later: [] })
  })

  it('keeps only pictures: bytes that are not one, or not what their name says, are refused', async () => {
    const text = Buffer.from('<svg onload="alert(1)"></svg>')
    const asText = await http(`/api/media/${sha256(text)}`, tokens.ann!, { method: 'PUT', body: new Uint8Array(text) })
    expect(asText.status).toBe(415)
    const misnamed = await http(`/api/media/${sha256(gif)}`, tokens.ann!, { method: 'PUT', body: new Uint8Array(png) })
    expect(misnamed.status).toBe(400)
    const served = await http(`/api/media/${sha256(png)}`, tokens.ann!)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  })
  it('a picture owed to the desk when the app closed is uploaded after a restart (kept in the library, not in memory)', async () => {
    const file = join(dir, 'ann-restarts.sqlite')
    let library = openLibrary(file)
    let session = new DeskSession(library, await joinDesk(library, desk.url, 'ann', PASSWORD))
    const story = createStory(library.db, { headline: 'Pier reopens', body: bodyFromParagraphs(['The pier reopens.']) })
    const sharedId = await session.share(story.id)
    await eventually('shared and settled', () => Promise.resolve(session.settled() || false))

    // The server goes away; Ann adds a picture: its upload fails (tried a few times) and is owed.
    await desk.stopServer('SIGKILL')
    const owed = makePng(24, 24, () => [200, 30, 30])
    const picture = addMedia(library.db, owed, { name: 'pier.png' })
    const body = getStory(library.db, story.id).body
    body.root.children.push(pictureNode({ mediaId: picture.id, alt: 'The pier', caption: '', credit: '' }))
    session.edit(story.id, { body })
    await session.picturesSettled()

    // The app is closed before the desk is back, and started again from its library.
    session.close()
    library.close()
    await desk.startServer()
    library = openLibrary(file)
    session = DeskSession.resume(library)!
    open.push({ library, desk: session })
    await session.follow() // the app's first follow round after start
    await session.picturesSettled()
    const { rows } = await desk.pool.query('SELECT desk FROM media_desks WHERE hash = $1', [picture.id])
    expect(rows).toEqual([{ desk: 'news' }])

    // And a colleague gets it with the story.
    const bob = open[1]!
    await eventually("the owed picture in B's library", async () => {
      await bob.desk.follow()
      const bobId = bob.desk.storyIdOf(sharedId)
      if (bobId === undefined || !picturesOf(getStory(bob.library.db, bobId)).includes(picture.id)) return false
      await bob.desk.picturesSettled()
      return findMedia(bob.library.db, picture.id) ?? false
    })
  })
})
