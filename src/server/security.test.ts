import { randomUUID } from 'node:crypto'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import pg from 'pg'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docFromStory, storyFromDoc } from '../shared/desk/story-doc'
import { bodyFromParagraphs } from '../shared/body'
import { addUser, disableUser, signIn } from './accounts'
import { startCluster, type Cluster } from './postgres-cluster'
import { startDeskServer, type DeskServer } from './server'

const PASSWORD = 'a long test password'

/** Connect to one story over WebSocket with a token: 'synced', 'read-only' or 'refused'. */
async function connect(server: DeskServer, name: string, token: string | null, edit?: (doc: Y.Doc) => void) {
  const socket = new HocuspocusProviderWebsocket({
    url: server.url.replace('http', 'ws'),
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  })
  const doc = new Y.Doc()
  try {
    return await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('timed out'), 10_000)
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token,
        onAuthenticationFailed: () => {
          clearTimeout(timer)
          resolve('refused')
        },
        onSynced: () => {
          clearTimeout(timer)
          edit?.(doc)
          resolve(provider.authorizedScope === 'readonly' ? 'read-only' : 'synced')
        },
      })
      provider.attach()
    })
  } finally {
    socket.destroy()
    doc.destroy()
  }
}

describe('the desk server lets in only who may come in', { timeout: 60_000 }, () => {
  let cluster: Cluster
  let pool: pg.Pool
  let server: DeskServer
  const tokens: Record<string, string> = {}
  let newsStory: string
  let sportStory: string

  const http = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(server.url + path, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeAll(async () => {
    cluster = await startCluster()
    server = await startDeskServer({ database: cluster.url })
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 })
    for (const [name, role, desk] of [
      ['rita', 'reporter', 'news'],
      ['ed', 'editor', 'news'],
      ['sam', 'editor', 'sport'],
      ['gone', 'editor', 'news'],
    ] as const) {
      await addUser(pool, { name, password: PASSWORD, role, desk })
      tokens[name] = (await signIn(pool, name, PASSWORD))!.token
    }
    tokens.expired = (await signIn(pool, 'ed', PASSWORD, -1 / 86400))!.token
    await disableUser(pool, 'gone')
    const share = async (token: string, headline: string) => {
      const id = randomUUID()
      const doc = docFromStory({ headline, body: bodyFromParagraphs(['Copy.']) }, 'x')
      const response = await http('/api/stories', token, {
        method: 'POST',
        body: JSON.stringify({ id, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }),
      })
      expect(response.status).toBe(201)
      return id
    }
    newsStory = await share(tokens.ed!, 'Council votes')
    sportStory = await share(tokens.sam!, 'Cup final')
  })

  afterAll(async () => {
    await pool?.end()
    await server?.close()
    cluster?.destroy()
  })

  it('lets a signed-in editor of the desk in, over WebSocket and HTTP (the control case)', async () => {
    expect(await connect(server, newsStory, tokens.ed!)).toBe('synced')
    expect((await http(`/api/stories/${newsStory}/state`, tokens.ed!)).status).toBe(200)
  })

  it('refuses a request with no token', async () => {
    expect(await connect(server, newsStory, null)).toBe('refused')
    expect((await http('/api/feed', null)).status).toBe(401)
    expect((await http(`/api/stories/${newsStory}/state`, null)).status).toBe(401)
  })

  it('refuses a wrong token', async () => {
    const wrong = tokens.ed!.slice(0, -2) + 'xx'
    expect(await connect(server, newsStory, wrong)).toBe('refused')
    expect((await http('/api/feed', wrong)).status).toBe(401)
  })

  it('refuses an expired token', async () => {
    expect(await connect(server, newsStory, tokens.expired!)).toBe('refused')
    expect((await http('/api/feed', tokens.expired!)).status).toBe(401)
  })

  it('refuses a disabled user, and their password no longer signs in', async () => {
    expect(await connect(server, newsStory, tokens.gone!)).toBe('refused')
    expect((await http('/api/feed', tokens.gone!)).status).toBe(401)
    const response = await fetch(server.url + '/api/sign-in', {
      method: 'POST',
      body: JSON.stringify({ name: 'gone', password: PASSWORD }),
    })
    expect(response.status).toBe(401)
  })

  it("refuses a reporter another desk's story, and leaves it out of their feed and search", async () => {
    expect(await connect(server, sportStory, tokens.rita!)).toBe('refused')
    expect((await http(`/api/stories/${sportStory}/state`, tokens.rita!)).status).toBe(404)
    expect((await http(`/api/stories/${sportStory}/history`, tokens.rita!)).status).toBe(404)
    const feed = (await (await http('/api/feed', tokens.rita!)).json()) as { changes: { id: string }[] }
    expect(feed.changes.map((c) => c.id)).toEqual([newsStory])
    const found = (await (await http('/api/search?q=cup', tokens.rita!)).json()) as { items: unknown[] }
    expect(found.items).toEqual([])
    const sharing = await http('/api/stories', tokens.rita!, {
      method: 'POST',
      body: JSON.stringify({ id: randomUUID(), desk: 'sport', state: '' }),
    })
    expect(sharing.status).toBe(403)
  })

  it("lets a reporter read but not change a desk colleague's story", async () => {
    const outcome = await connect(server, newsStory, tokens.rita!, (doc) => {
      doc.getMap('fields').set('headline', 'Rewritten by the reporter')
    })
    expect(outcome).toBe('read-only')
    await new Promise((r) => setTimeout(r, 500))
    const state = await (await http(`/api/stories/${newsStory}/state`, tokens.ed!)).arrayBuffer()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(state))
    expect(storyFromDoc(doc).headline).toBe('Council votes')
  })

  it('refuses to listen beyond loopback without TLS in front', async () => {
    await expect(startDeskServer({ database: cluster.url, host: '0.0.0.0' })).rejects.toThrow(/TLS/)
  })
})
