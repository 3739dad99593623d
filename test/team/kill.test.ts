import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../../src/shared/body'
import { PASSWORD, eventually, startClient, startDesk, type Client, type Desk } from './harness'

/** A small seeded generator (mulberry32): the same seed, the same kill points, a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const occurrences = (text: string, word: string) => text.split(/\s+/).filter((w) => w === word).length

// Every word a client acknowledged (it is in that client's SQLite file) must reach PostgreSQL
// exactly once, whatever was killed: the client mid-burst, the desk server with saves pending, or
// PostgreSQL itself restarted.
// The limit only catches a hang: twenty kill rounds took 170 s on this machine under a load of 14.
describe('kill tests: nothing acknowledged is lost, nothing doubled', { timeout: 600_000 }, () => {
  let desk: Desk
  let dir: string
  let client: Client
  let storyId: number
  let shared: string
  const file = () => join(dir, 'writer.sqlite')
  const acknowledged: string[] = []

  async function pgText(): Promise<string> {
    const { rows } = await desk.pool.query<{ body_text: string }>('SELECT body_text FROM stories WHERE id = $1', [
      shared,
    ])
    return rows[0]?.body_text ?? ''
  }

  async function allStored(): Promise<void> {
    const text = await eventually(
      'every acknowledged word in PostgreSQL',
      async () => {
        const body = await pgText()
        return acknowledged.every((w) => body.includes(w)) ? body : false
      },
      300,
    )
    for (const word of acknowledged) expect(occurrences(text, word), word).toBe(1)
  }

  /** Type `count` words; the test counts only those the client confirmed were kept. */
  async function burst(prefix: string, count: number, pauseMs: number): Promise<void> {
    const words = Array.from({ length: count }, (_, i) => `${prefix}w${i}`)
    const before = client.typed.length
    await client.run('burst', storyId, words, pauseMs).catch(() => undefined)
    acknowledged.push(...client.typed.slice(before))
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-kill-'))
    desk = await startDesk()
    await desk.addUser('kim', 'editor', 'news')
    client = await startClient(file())
    await client.run('join', desk.url, 'kim', PASSWORD)
    storyId = await client.run<number>('create', { headline: 'Storm', body: bodyFromParagraphs(['Start']) })
    shared = await client.run<string>('share', storyId)
  }, 120_000)

  afterAll(async () => {
    await client?.kill()
    await desk?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a client killed mid-burst picks up from its SQLite file', async () => {
    const typing = burst('a', 40, 20)
    await eventually('some words typed', () => Promise.resolve(client.typed.length > 10))
    await client.kill()
    await typing
    client = await startClient(file())
    expect(await client.run('settle', 30_000)).toBe(true)
    await allStored()
  })

  it('the desk server killed with saves pending loses nothing the clients kept', async () => {
    await burst('b', 15, 0)
    await desk.stopServer('SIGKILL')
    await burst('c', 5, 0) // typed while the server is down: kept locally, waiting
    expect((await client.run<{ waiting: number }>('status')).waiting).toBeGreaterThan(0)
    await desk.startServer()
    expect(await client.run('settle', 30_000)).toBe(true)
    await allStored()
  })

  it('PostgreSQL restarted under the server: the waiting changes go in once it is back', async () => {
    desk.cluster.stop('fast')
    await burst('d', 10, 10)
    desk.cluster.start()
    expect(await client.run('settle', 60_000)).toBe(true)
    await allStored()
  })

  it('twenty seeded random kill points (client or server) lose nothing and double nothing', async () => {
    const next = random(20261201)
    for (let round = 0; round < 20; round++) {
      const victim = next() < 0.7 ? 'client' : 'server'
      const after = Math.floor(next() * 8) + 1
      const typing = burst(`r${round}x`, 12, 15)
      await eventually('typing started', () => Promise.resolve(client.typed.length >= after))
      if (victim === 'client') {
        await client.kill()
        await typing
        client = await startClient(file())
      } else {
        await desk.stopServer('SIGKILL')
        await typing
        await desk.startServer()
      }
      expect(await client.run('settle', 30_000), `round ${round} (${victim})`).toBe(true)
    }
    await allStored()
    expect(acknowledged.length).toBeGreaterThan(100)
  })
})
