import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Hocuspocus } from '@hocuspocus/server'
import pg from 'pg'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import {
  mayCreateOn,
  mayRead,
  maySpike,
  mayWrite,
  revokeToken,
  signIn,
  userForToken,
  whyRefused,
  type User,
} from './accounts'
import {
  MAX_HASHES_ASKED,
  MAX_MEDIA_BYTES,
  MEDIA_HASH,
  MediaRefused,
  missingMedia,
  putMedia,
  readMediaFor,
} from './media'
import { migrateServer } from './schema'
import {
  accessFacts,
  createStory,
  repeatedShare,
  feed,
  history,
  loadState,
  search,
  setSpiked,
  statesOf,
  storeStory,
  STATES_PER_BATCH,
} from './stories'

export interface DeskServerOptions {
  database: string
  host?: string
  port?: number
  /** Listening beyond loopback without TLS in front is refused unless the newsroom says so. */
  insecure?: boolean
  /** How long a story's changes may wait before they are written to PostgreSQL. */
  storeAfterMs?: number
}

export interface DeskServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const STORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const MAX_BODY = 32 * 1024 * 1024

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const refusal = (reason: string) => Object.assign(new Error(reason), { reason })

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : null
}

async function readBody(request: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  const parts: Buffer[] = []
  let size = 0
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    throw new HttpError(413, `the request is larger than ${limit / 1024 / 1024} MB`)
  }
  for await (const part of request as AsyncIterable<Buffer>) {
    size += part.length
    if (size > limit) throw new HttpError(413, `the request is larger than ${limit / 1024 / 1024} MB`)
    parts.push(part)
  }
  return Buffer.concat(parts)
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse((await readBody(request)).toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch (error) {
    if (error instanceof HttpError) throw error
  }
  throw new HttpError(400, 'the request body is not a JSON object')
}

/** A JSON field that must be text; anything else counts as missing. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

function send(response: ServerResponse, status: number, body: unknown): void {
  if (Buffer.isBuffer(body)) {
    response.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': body.length })
    response.end(body)
    return
  }
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(text)
}

/**
 * The desk server: Hocuspocus (Yjs sync over WebSocket) for shared stories and a small HTTP api for
 * signing in, the change feed, search, history, sharing a story and pictures; all of it stored in
 * PostgreSQL. Every WebSocket connection and every HTTP request but sign-in needs a token.
 */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const host = options.host ?? '127.0.0.1'
  if (!LOOPBACK.has(host) && !options.insecure) {
    throw new Error(
      `listening on ${host} would send passwords and stories in the clear: put the server behind TLS (a reverse proxy) and pass --behind-tls, or listen on 127.0.0.1`,
    )
  }
  const pool = new pg.Pool({ connectionString: options.database, max: 10 })
  pool.on('error', () => undefined) // a dropped idle connection is replaced on next use
  await migrateServer(pool)

  // Who changed each story since it was last stored: the snapshot names them.
  const authors = new Map<string, Set<string>>()

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeAfterMs ?? 300,
    maxDebounce: 2000,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const user = await userForToken(pool, token)
      // Hocuspocus sends an error's `reason` to the client: the app shows it to the editor.
      if (!user) throw refusal(await whyRefused(pool, token))
      const facts = STORY_ID.test(documentName) ? await accessFacts(pool, documentName) : null
      if (!facts || !mayRead(user, facts)) throw refusal('no such story on your desk')
      connectionConfig.readOnly = !mayWrite(user, facts)
      return { user, token }
    },
    async onLoadDocument({ document, documentName }) {
      const state = await loadState(pool, documentName)
      if (state) Y.applyUpdate(document, state)
      return document
    },
    onChange({ documentName, context }) {
      const user = (context as { user?: User }).user
      if (user) {
        let set = authors.get(documentName)
        if (!set) authors.set(documentName, (set = new Set()))
        set.add(user.name)
      }
      return Promise.resolve()
    },
    async onStoreDocument({ document, documentName }) {
      const who = [...(authors.get(documentName) ?? [])]
      authors.delete(documentName)
      try {
        await storeStory(pool, documentName, document, who)
      } catch (error) {
        // PostgreSQL away (restarting, the network): keep the authors and try again shortly. The
        // clients keep their changes waiting until the stored state has them (docs/team.md).
        const set = authors.get(documentName) ?? new Set<string>()
        for (const name of who) set.add(name)
        authors.set(documentName, set)
        retryStore(documentName)
        console.error(`storing story ${documentName} failed; trying again: ${(error as Error).message}`)
      }
    },
  })

  const retrying = new Set<string>()
  function retryStore(name: string, attempt = 0): void {
    if (retrying.has(name) && attempt === 0) return
    retrying.add(name)
    setTimeout(() => {
      const document = hocuspocus.documents.get(name)
      const who = authors.get(name)
      if (!document || !who) return void retrying.delete(name)
      storeStory(pool, name, document, [...who])
        .then(() => {
          authors.delete(name)
          retrying.delete(name)
        })
        .catch(() => (attempt < 300 ? retryStore(name, attempt + 1) : retrying.delete(name)))
    }, 500).unref()
  }

  async function authenticated(request: IncomingMessage): Promise<User> {
    const user = await userForToken(pool, bearer(request))
    if (!user) throw new HttpError(401, await whyRefused(pool, bearer(request)))
    return user
  }

  async function readable(user: User, id: string) {
    const facts = STORY_ID.test(id) ? await accessFacts(pool, id) : null
    if (!facts || !mayRead(user, facts)) throw new HttpError(404, `there is no story ${id} on your desk`)
    return facts
  }

  /**
   * Pictures (media.ts): PUT /api/media/HASH?desk=D keeps one for a desk, POST /api/media/missing
   * asks which of a story's pictures a desk lacks, GET /api/media/HASH reads one of one's desk's.
   */
  async function mediaRoute(
    request: IncomingMessage,
    response: ServerResponse,
    user: User,
    method: string,
    parts: string[],
    url: URL,
  ): Promise<void> {
    try {
      if (method === 'POST' && parts[2] === 'missing' && parts.length === 3) {
        const body = await readJson(request)
        const desk = text(body.desk) || user.desk
        const hashes = body.hashes
        if (!mayCreateOn(user, desk)) throw new HttpError(403, `you may not add pictures to the ${desk} desk`)
        if (
          !Array.isArray(hashes) ||
          hashes.length > MAX_HASHES_ASKED ||
          !hashes.every((h) => MEDIA_HASH.test(text(h)))
        ) {
          throw new HttpError(400, `hashes must be a list of at most ${MAX_HASHES_ASKED} SHA-256 names`)
        }
        return send(response, 200, { missing: await missingMedia(pool, desk, hashes as string[]) })
      }
      const hash = parts[2] ?? ''
      if (parts.length !== 3 || !MEDIA_HASH.test(hash)) throw new HttpError(400, 'a picture is named by its SHA-256')
      if (method === 'PUT') {
        const desk = url.searchParams.get('desk') || user.desk
        if (!mayCreateOn(user, desk)) throw new HttpError(403, `you may not add pictures to the ${desk} desk`)
        await putMedia(pool, user, desk, hash, await readBody(request, MAX_MEDIA_BYTES))
        return send(response, 204, Buffer.alloc(0))
      }
      if (method === 'GET') {
        const found = await readMediaFor(pool, user, hash)
        if (!found) throw new HttpError(404, 'no such picture on your desk')
        response.writeHead(200, {
          'content-type': found.type,
          'content-length': found.bytes.length,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=31536000, immutable',
        })
        response.end(found.bytes)
        return
      }
      throw new HttpError(404, 'not found')
    } catch (error) {
      if (error instanceof MediaRefused) throw new HttpError(error.status, error.message)
      throw error
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://desk')
    const parts = url.pathname.split('/').filter(Boolean)
    const method = request.method ?? 'GET'
    if (parts[0] !== 'api') throw new HttpError(404, 'not found')
    if (method === 'POST' && parts[1] === 'sign-in' && parts.length === 2) {
      const body = await readJson(request)
      const session = await signIn(pool, text(body.name), text(body.password))
      if (!session) throw new HttpError(401, 'wrong name or password, or the account is disabled')
      return send(response, 200, session)
    }
    const user = await authenticated(request)
    if (method === 'GET' && parts[1] === 'me') return send(response, 200, user)
    if (method === 'POST' && parts[1] === 'sign-out' && parts.length === 2) {
      // This token only: the editor's other machines stay signed in. Its open WebSockets close,
      // so nothing more goes through on it.
      const token = bearer(request)!
      await revokeToken(pool, token)
      for (const document of hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          if ((connection.context as { token?: string }).token === token) connection.close()
        }
      }
      return send(response, 200, { signedOut: user.name })
    }
    if (method === 'POST' && parts[1] === 'stories' && parts.length === 4 && ['spike', 'unspike'].includes(parts[3]!)) {
      const id = parts[2]!
      const facts = await readable(user, id)
      if (!maySpike(user, facts)) {
        throw new HttpError(
          403,
          user.role === 'read-only'
            ? 'a read-only account cannot spike stories'
            : `only ${facts.owner} (whose story it is), an editor or a desk head may ${parts[3]} it`,
        )
      }
      return send(response, 200, await setSpiked(pool, id, user, parts[3] === 'spike'))
    }
    if (method === 'GET' && parts[1] === 'feed') {
      const after = Number(url.searchParams.get('after') ?? 0)
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 500) || 500, 2000)
      if (!Number.isSafeInteger(after) || after < 0) throw new HttpError(400, 'after must be a change number')
      return send(response, 200, { changes: await feed(pool, user, after, limit) })
    }
    if (method === 'POST' && parts[1] === 'states' && parts.length === 2) {
      // Catch-up in batches (docs/team.md): many stories' states in one request instead of one each.
      const ids = (await readJson(request)).ids
      if (!Array.isArray(ids) || ids.length > STATES_PER_BATCH || !ids.every((id) => STORY_ID.test(text(id)))) {
        throw new HttpError(400, `ids must be a list of at most ${STATES_PER_BATCH} story ids`)
      }
      const batch = await statesOf(pool, ids as string[], (facts) => mayRead(user, facts))
      return send(response, 200, {
        states: batch.states.map(({ id, state }) => {
          // What the live doc holds beyond the stored state goes too, as /state gives it.
          const live = hocuspocus.documents.get(id)
          return { id, state: Buffer.from(live ? Y.encodeStateAsUpdate(live) : state).toString('base64') }
        }),
        later: batch.later,
      })
    }
    if (method === 'GET' && parts[1] === 'search') {
      const query = url.searchParams.get('q') ?? ''
      return send(response, 200, { items: await search(pool, user, query, 200) })
    }
    if (parts[1] === 'stories' && parts.length === 2 && method === 'POST') {
      const body = await readJson(request)
      const id = text(body.id)
      const desk = text(body.desk) || user.desk
      if (!STORY_ID.test(id)) throw new HttpError(400, 'a shared story needs a UUID id')
      if (!mayCreateOn(user, desk)) throw new HttpError(403, `you may not share stories to the ${desk} desk`)
      const state = Buffer.from(text(body.state), 'base64')
      const created =
        (await createStory(pool, id, desk, user, state)) ?? (await repeatedShare(pool, id, desk, user, state))
      if (!created) throw new HttpError(409, `story ${id} is already shared`)
      return send(response, 201, created)
    }
    if (parts[1] === 'stories' && parts.length === 4 && method === 'GET') {
      const id = parts[2]!
      await readable(user, id)
      if (parts[3] === 'state') {
        // The stored state, merged with what the live doc holds that is not stored yet.
        // ?stored=1: only what PostgreSQL holds (how a client knows its changes are safe).
        const live = url.searchParams.get('stored') ? undefined : hocuspocus.documents.get(id)
        const state = live ? Y.encodeStateAsUpdate(live) : await loadState(pool, id)
        return send(response, 200, Buffer.from(state ?? new Uint8Array()))
      }
      if (parts[3] === 'history') return send(response, 200, { entries: await history(pool, id) })
    }
    if (parts[1] === 'media') return mediaRoute(request, response, user, method, parts, url)
    throw new HttpError(404, 'not found')
  }

  const http: HttpServer = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500
      const message = error instanceof HttpError ? error.message : 'the desk server failed; see its log'
      if (!(error instanceof HttpError)) console.error(error)
      if (!response.headersSent) send(response, status, { error: message })
      else response.destroy()
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY })
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => hocuspocus.handleConnection(ws, request))
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  const shown = host.includes(':') ? `[${host}]` : host

  return {
    url: `http://${shown}:${port}`,
    port,
    async close() {
      // Store what is waiting before the doors close: nothing acknowledged is left in memory only.
      for (const [name, who] of [...authors]) {
        const document = hocuspocus.documents.get(name)
        if (document) await storeStory(pool, name, document, [...who]).catch(() => undefined)
      }
      hocuspocus.closeConnections()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeAllConnections()
      await pool.end()
    },
  }
}
