import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLibrary, type Library } from '../../src/main/library'
import { CATCH_UP_BATCH, DeskSession, joinDesk } from '../../src/main/library/desk/session'
import { createStory, getStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { findPostgresBin } from '../../src/server/postgres-cluster'
import { PASSWORD, startDesk } from '../../test/team/harness'
import { unavailable, type Suite } from '../context'
import { metric } from '../report'
import { keystrokeToPaint, p50, p95 } from './desk-paint'

const STORIES = 1000
const CLIENTS = 50
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const now = () => Number(process.hrtime.bigint()) / 1e6

/** The desk server process's resident memory, MiB (Linux /proc). */
function serverRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!
  return Number(line.replace(/\D+/g, '')) / 1024
}

async function joined(file: string, url: string, user: string): Promise<{ library: Library; desk: DeskSession }> {
  const library = openLibrary(file)
  const desk = new DeskSession(library, await joinDesk(library, url, user, PASSWORD))
  return { library, desk }
}

/**
 * The desk (docs/team.md), on one machine over loopback: a real PostgreSQL cluster and the desk
 * server as its own process, as the team tests start them.
 */
export const deskSuite: Suite = {
  name: 'desk',
  async run(ctx) {
    try {
      findPostgresBin()
    } catch (error) {
      return unavailable('desk', (error as Error).message)
    }
    const server = await startDesk()
    const open: { library: Library; desk: DeskSession }[] = []
    try {
      await server.addUser('ann', 'desk-head', 'news')
      await server.addUser('bob', 'editor', 'news')
      const pid = server.server!.pid!
      const ann = await joined(join(ctx.tmpDir, 'ann.sqlite'), server.url, 'ann')
      open.push(ann)
      ctx.log(`  desk: sharing ${STORIES} stories`)
      const words = 'the council said on monday that the harbour bridge would close for repairs'.split(' ')
      for (let i = 0; i < STORIES; i++) {
        const story = createStory(ann.library.db, {
          headline: `Story ${i}: ${words[i % words.length]} ${words[(i * 7) % words.length]}`,
          body: bodyFromParagraphs([words.join(' '), words.slice(i % 5).join(' ')]),
        })
        await ann.desk.share(story.id)
      }

      // 1. Sync of 1,000 stories to a fresh client, beside the bare HTTP requests that sync makes.
      const bob = await joined(join(ctx.tmpDir, 'bob.sqlite'), server.url, 'bob')
      open.push(bob)
      let began = now()
      const seen = await bob.desk.follow()
      const sync = now() - began
      if (seen < STORIES) throw new Error(`the fresh client saw ${seen} of ${STORIES} stories`)
      const headers = { authorization: `Bearer ${bob.desk.link.token}` }
      began = now()
      const { changes } = (await (
        await fetch(`${server.url}/api/feed?after=0&limit=${STORIES}`, { headers })
      ).json()) as {
        changes: { id: string }[]
      }
      // The floor: the same batched state requests (CATCH_UP_BATCH ids each), bare, one after another.
      for (let i = 0; i < changes.length; i += CATCH_UP_BATCH) {
        const ids = changes.slice(i, i + CATCH_UP_BATCH).map((c) => c.id)
        await (
          await fetch(`${server.url}/api/states`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ ids }),
          })
        ).arrayBuffer()
      }
      const bare = now() - began
      // The old floor, one request per story, for comparison with the figures before batching.
      began = now()
      for (const change of changes) {
        await (await fetch(`${server.url}/api/stories/${change.id}/state`, { headers })).arrayBuffer()
      }
      ctx.log(`  desk: one request per story, bare: ${Math.round(now() - began)} ms`)

      // 2. A keystroke in A's library to its arrival in B's (both hold the story open).
      const annId = 1
      const sharedId = ann.desk.sharedIdOf(annId)!
      const bobId = bob.desk.storyIdOf(sharedId)!
      ann.desk.hold(annId)
      bob.desk.hold(bobId)
      const arrival: number[] = []
      const roundTrip: number[] = []
      for (let i = 0; i < (ctx.quick ? 15 : 40); i++) {
        const word = `keystroke${i}`
        const arrived = new Promise<void>((resolve) => {
          bob.library.onDesk = () => {
            if (getStory(bob.library.db, bobId).bodyText.includes(word)) resolve()
          }
        })
        const body = getStory(ann.library.db, annId).body
        const first = body.root.children[0] as { children: { text?: string }[] }
        first.children[0]!.text += ` ${word}`
        began = now()
        ann.desk.edit(annId, { body })
        await arrived
        arrival.push(now() - began)
        began = now()
        await (await fetch(`${server.url}/api/feed?after=999999&limit=1`, { headers })).arrayBuffer()
        roundTrip.push(now() - began)
      }
      bob.library.onDesk = undefined

      // 3. A keystroke in A's window to its paint in B's window (two Chromium pages through the
      // bridge, each on its own library), beside the same keystroke's paint in A's own window.
      ctx.log('  desk: keystroke to paint in another window')
      // Two editors of a desk of their own: on the news desk their fresh libraries would follow
      // the 1,000 stories above, and the story typed in would be off the list's first screen.
      await server.addUser('pia', 'editor', 'paint')
      await server.addUser('pat', 'editor', 'paint')
      const paint = await keystrokeToPaint(ctx, server.url, ctx.quick ? 30 : 50, ['pia', 'pat'])

      // 4. The server's memory with 50 clients, each holding a story and having typed in it. They
      // work on their own desk (50 stories), so each fresh library syncs 50 stories, not 1,000.
      await server.addUser('cat', 'editor', 'metro')
      const metro: number[] = []
      for (let i = 0; i < CLIENTS; i++) {
        const story = createStory(ann.library.db, {
          headline: `Metro ${i}`,
          body: bodyFromParagraphs([words.join(' ')]),
        })
        await ann.desk.share(story.id, 'metro')
        metro.push(story.id)
      }
      const before = serverRss(pid)
      ctx.log(`  desk: ${CLIENTS} clients`)
      for (let i = 0; i < CLIENTS; i++) {
        const client = await joined(join(ctx.tmpDir, `client-${i}.sqlite`), server.url, 'cat')
        open.push(client)
        await client.desk.follow()
        const id = client.desk.storyIdOf(ann.desk.sharedIdOf(metro[i]!)!)!
        client.desk.edit(id, { headline: `Held by client ${i}` })
      }
      for (let tries = 0; tries < 600 && !open.every((c) => c.desk.settled()); tries++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      const withClients = serverRss(pid)

      return {
        metrics: [
          metric('desk.sync-1000', sync, 'ms', bare, 'lower'),
          metric('desk.keystroke-to-library.p50', median(arrival), 'ms', median(roundTrip), 'lower'),
          metric('desk.keystroke-to-paint.p50', p50(paint.other), 'ms', p50(paint.own), 'lower'),
          metric('desk.keystroke-to-paint.p95', p95(paint.other), 'ms', p95(paint.own), 'lower'),
          metric('desk.server-rss-50-clients', withClients, 'MiB', before, 'lower'),
        ],
      }
    } finally {
      for (const { desk, library } of open) {
        desk.close()
        library.close()
      }
      await server.close()
    }
  },
}
