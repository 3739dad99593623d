import { randomUUID } from 'node:crypto'
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ApiError } from '@shared/errors'
import { addOverride, addRestore, applyToDoc, docFromStory, type SharedStory } from '@shared/desk/story-doc'
import type { Story, StoryId, StoryStatus } from '@shared/story'
import type { DeskDetails, DeskStatus } from '@shared/desk/contract'
import type { Library } from '../index'
import { mediaInfo } from '../media'
import { getStory, type SaveRequest } from '../stories'
import { isSpiked, spikeStory, unspikeStory } from '../spike'
import {
  adoptStory,
  deskStories,
  deskStoryBySharedId,
  deskStoryByStoryId,
  keepUpdate,
  lastSeq,
  loadDoc,
  markSent,
  noteChange,
  readLink,
  waitingCount,
  writeLink,
  type DeskStoryRow,
} from './store'
import { EditorBases } from './editor-bases'
import { fetchPictures, picturesOf, uploadPictures } from './pictures'
import { forgetTokens, keepToken, readToken } from './token-store'
import { deskFetch, type DeskFetchOptions } from './retry'
import {
  owedKey,
  parseOwed,
  readPicturesOwed,
  writePicturesOwed,
  type OwedPictures,
  type PictureDirection,
} from './pictures-owed'

/** Where the desk server is and who this editor is there (kept in the library, desk_link). */
export interface DeskLink {
  url: string
  /** Null once signed out (or when this process cannot open the sealed token): nothing connects. */
  token: string | null
  user: string
  desk: string
}

/** The desk answered 401: the sign-in is no longer good (expired, signed out, disabled). */
export class DeskRefused extends ApiError {
  constructor(readonly reason: string) {
    super('invalid-input', `the desk refused you: ${reason}`)
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * ws with an 'error' listener of its own. The provider, giving up on a connection attempt that
 * is slow to open (a loaded machine, a server restarting), removes its listeners and closes the
 * socket while it is still connecting; ws then emits 'error', and an 'error' nobody listens to
 * ends the process: the editor's app, with its window. The provider has already handled it.
 */
class DeskWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}

/** Plain http/ws to anything but this machine would carry passwords and copy in the clear. */
export function checkServerUrl(address: string, allowInsecure = false): URL {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new ApiError('invalid-input', `"${address}" is not a desk server address (expected https://desk.example.org)`)
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new ApiError('invalid-input', `"${address}" is not a desk server address (expected https://...)`)
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:'
  if (!secure && !LOOPBACK.has(url.hostname) && !allowInsecure) {
    throw new ApiError(
      'invalid-input',
      `${url.host} would be reached without encryption: use its https:// address (the newsroom's TLS proxy), or allow an unencrypted connection explicitly`,
    )
  }
  url.protocol = secure ? 'https:' : 'http:'
  return url
}

async function request<T>(
  link: Pick<DeskLink, 'url'> & { token?: string | null },
  path: string,
  init: RequestInit = {},
  options: DeskFetchOptions = {},
) {
  const response = await deskFetch(
    new URL(path, link.url),
    {
      ...init,
      headers: { ...(link.token ? { authorization: `Bearer ${link.token}` } : {}), ...(init.headers ?? {}) },
    },
    options,
  )
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string }
    if (response.status === 401 && link.token) throw new DeskRefused(body.error ?? 'sign in again')
    const code = response.status === 404 ? 'not-found' : response.status === 409 ? 'conflict' : 'library'
    throw new ApiError(code, `the desk server refused: ${body.error ?? response.statusText}`)
  }
  return (
    response.headers.get('content-type')?.includes('json')
      ? await response.json()
      : new Uint8Array(await response.arrayBuffer())
  ) as T
}

/** Sign in to a desk server and keep the link in the library. */
export async function joinDesk(
  library: Library,
  address: string,
  name: string,
  password: string,
  options: { allowInsecure?: boolean } = {},
): Promise<DeskLink> {
  const url = checkServerUrl(address, options.allowInsecure).toString()
  const session = await request<{ token: string; user: { name: string; desk: string } }>({ url }, '/api/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  const link = { url, token: session.token, user: session.user.name, desk: session.user.desk }
  for (const key of ['url', 'user', 'desk'] as const) writeLink(library.db, key, link[key])
  keepToken(library, session.token)
  if (options.allowInsecure) writeLink(library.db, 'allowInsecure', '1')
  return link
}

/** The desk this library joined, and its token (null when signed out); null when it never joined. */
export function readDeskLink(library: Library): DeskLink | null {
  const [url, user, desk] = ['url', 'user', 'desk'].map((k) => readLink(library.db, k))
  return url && user && desk ? { url, token: readToken(library), user, desk } : null
}

interface OpenStory {
  doc: Y.Doc
  provider: HocuspocusProvider
  row: Pick<DeskStoryRow, 'sharedId' | 'desk' | 'owner'>
}

const EDITOR = 'editor'

/** "2026-12-01T14:02:11.123Z" as an editor reads it: 2026-12-01 14:02:11 UTC. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`

/**
 * Which version a restore brought back, in words every colleague can find in their own history:
 * by when it was saved (this library's revision numbers are not theirs).
 */
function restoreNote(request: SaveRequest): string {
  return request.restoredVersionSavedAt
    ? `the version saved ${utc(request.restoredVersionSavedAt)}`
    : (request.note ?? 'an older version')
}
const FEED = 'feed'
/** How many feed changes are fetched in one request and written in one transaction. */
export const CATCH_UP_BATCH = 100

interface FeedChange {
  id: string
  desk: string
  owner: string
  change: number
  updatedBy: string
  /** Set when the story is on the desk's spike. */
  spikedAt: string | null
}

/**
 * This app's side of the desk: one Y.Doc per shared story it holds, every update kept in the
 * library as it happens, one WebSocket to the server for all of them, and the change feed followed
 * by cursor. Editing works the same offline; the docs merge when the connection comes back.
 */
export class DeskSession {
  private readonly socket: HocuspocusProviderWebsocket
  private readonly open = new Map<string, OpenStory>()
  private refused: string | null = null
  private workingOffline = false
  private readonly bases = new EditorBases()
  private following: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly library: Library,
    readonly link: DeskLink,
  ) {
    const url = new URL(link.url)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    this.socket = new HocuspocusProviderWebsocket({
      url: url.toString(),
      WebSocketPolyfill: DeskWebSocket,
      delay: 200,
      minDelay: 100,
      maxDelay: 2000,
      factor: 1.5,
      maxAttempts: 0,
      // Signed out: the stories stay readable and editable here, and nothing tries to connect.
      autoConnect: link.token !== null,
    })
    library.desk = this
    this.picturesOwed = readPicturesOwed(library.db)
    this.socket.on('status', () => this.tell([]))
    // Stories with changes still waiting to go up are opened at once so they go up.
    for (const row of deskStories(library.db)) {
      if (this.waitingFor(row.sharedId)) this.attach(row)
    }
  }

  static resume(library: Library): DeskSession | null {
    const link = readDeskLink(library)
    return link ? new DeskSession(library, link) : null
  }

  private waitingFor(sharedId: string): boolean {
    return waitingCount(this.library.db, sharedId) > 0
  }

  /** Hold a shared story's doc: from the library at once, then kept in step with the server. */
  private attach(row: Pick<DeskStoryRow, 'sharedId' | 'desk' | 'owner'>): OpenStory {
    const known = this.open.get(row.sharedId)
    if (known) return known
    const doc = loadDoc(this.library.db, row.sharedId)
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: row.sharedId,
      document: doc,
      token: this.link.token ?? '',
      onAuthenticationFailed: ({ reason }) => {
        this.refused = reason
      },
    })
    provider.attach()
    const open: OpenStory = { doc, provider, row }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'library') return
      const local = origin === EDITOR
      const story = keepUpdate(this.library.db, row, doc, update, local, local ? this.link.user : null)
      // A colleague's change shows in the window; the editor's own changes the count waiting.
      this.tell(local ? [] : [story.id])
      if (local) this.picturesUp(row, story)
      else this.picturesDown(story)
    })
    const settle = () => {
      if (provider.isSynced && !provider.hasUnsyncedChanges && this.socket.status === WebSocketStatus.Connected) {
        this.confirmSoon(row.sharedId)
      }
    }
    provider.on('unsyncedChanges', settle)
    provider.on('synced', settle)
    this.open.set(row.sharedId, open)
    return open
  }

  private readonly confirming = new Set<string>()

  /**
   * A change stops waiting only when PostgreSQL has it, not when the server's memory does: the
   * server stores a story a moment after it changes, and a server killed in between would lose
   * what it had only in memory. So ask for the stored state until it covers this library's doc.
   */
  private confirmSoon(sharedId: string, attempt = 0): void {
    if (this.confirming.has(sharedId) || attempt > 120) return
    this.confirming.add(sharedId)
    const seq = lastSeq(this.library.db)
    setTimeout(() => {
      void (async () => {
        try {
          const open = this.open.get(sharedId)
          if (!open || this.closed || waitingCount(this.library.db, sharedId) === 0) return
          const stored = await this.ask<Uint8Array>(`/api/stories/${sharedId}/state?stored=1`)
          const missing = Y.diffUpdate(Y.encodeStateAsUpdate(open.doc), Y.encodeStateVectorFromUpdate(stored))
          if (Y.decodeUpdate(missing).structs.length === 0) {
            markSent(this.library.db, sharedId, seq)
            this.tell([])
          }
        } catch {
          // offline or the server is away: tried again below while the story waits
        } finally {
          this.confirming.delete(sharedId)
          if (!this.closed && this.open.has(sharedId) && waitingCount(this.library.db, sharedId) > 0) {
            this.confirmSoon(sharedId, attempt + 1)
          }
        }
      })()
    }, 400).unref()
  }

  /** Whether this library holds a sign-in (signed out: edits stay here and wait). */
  get signedIn(): boolean {
    return this.link.token !== null
  }

  /** A request to the desk's HTTP api; a refused sign-in is remembered, so the window says so. */
  private async ask<T>(path: string, init: RequestInit = {}, options: DeskFetchOptions = {}): Promise<T> {
    if (!this.signedIn) {
      throw new ApiError(
        'invalid-input',
        `you are signed out of the ${this.link.desk} desk: sign in again under Desk… (changes made here wait until then)`,
      )
    }
    try {
      return await request<T>(this.link, path, init, options)
    } catch (error) {
      if (error instanceof DeskRefused && this.refused !== error.reason) {
        this.refused = error.reason
        this.tell([])
      }
      throw error
    }
  }

  private openByStory(storyId: StoryId): OpenStory {
    const row = deskStoryByStoryId(this.library.db, storyId)
    if (!row) throw new ApiError('not-found', `story ${storyId} is not shared to the desk`)
    return this.attach(row)
  }

  /** Share a local story to this editor's desk: it becomes a shared story with the same id here. */
  async share(storyId: StoryId, desk = this.link.desk): Promise<string> {
    if (deskStoryByStoryId(this.library.db, storyId)) {
      throw new ApiError('conflict', `story ${storyId} is already shared`)
    }
    const story = getStory(this.library.db, storyId)
    const sharedId = randomUUID()
    const {
      id: _i,
      bodyText: _b,
      wordCount: _w,
      source: _s,
      createdAt: _c,
      updatedAt: _u,
      revision: _r,
      ...fields
    } = story
    const doc = docFromStory({ ...fields, assignee: null }, this.link.user)
    // The pictures first: a colleague who gets the story can fetch its pictures at once.
    const pictures = picturesOf(story)
    await uploadPictures(this.library.db, this.link, desk, pictures)
    this.pictureSets.set(sharedId, pictures.join(','))
    await this.ask(
      '/api/stories',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: sharedId, desk, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }),
      },
      // The server answers a repeat of the same share (same id, same doc) as it did the first.
      { idempotent: true },
    )
    adoptStory(this.library.db, storyId, { sharedId, desk, owner: this.link.user }, doc)
    markSent(this.library.db, sharedId, lastSeq(this.library.db))
    this.attach({ sharedId, desk, owner: this.link.user })
    return sharedId
  }

  /** An editor's changes to a shared story: into its doc (and from there the library and the desk). */
  edit(storyId: StoryId, changes: Partial<SharedStory>): Story {
    const { doc } = this.openByStory(storyId)
    applyToDoc(doc, changes, this.link.user, EDITOR)
    return getStory(this.library.db, storyId)
  }

  /**
   * The library's save door (api.ts, story:save and export's "mark published") for shared stories;
   * undefined for a local one. An override's note goes into the doc with the change it came with,
   * so every colleague's history shows what was let through and who allowed it.
   */
  save(request: SaveRequest): Story | undefined {
    if (!deskStoryByStoryId(this.library.db, request.id)) return undefined
    const { doc } = this.openByStory(request.id)
    const at = (request.now ?? new Date()).toISOString()
    doc.transact(() => {
      applyToDoc(doc, request.changes, this.link.user, EDITOR)
      if (request.reason === 'override' && request.note) {
        addOverride(doc, { at, by: this.link.user, note: request.note }, EDITOR)
      }
      // A restore is one change of the doc, words and record together: every colleague's history
      // gets it at the change that made it, naming who restored which version.
      if (request.reason === 'restore') {
        addRestore(doc, { at, by: this.link.user, note: restoreNote(request) }, EDITOR)
      }
    }, EDITOR)
    return getStory(this.library.db, request.id)
  }

  /** Hand a story to someone (or to the desk: null) with the status it is handed over at. */
  handTo(storyId: StoryId, assignee: string | null, status: StoryStatus): Story {
    return this.edit(storyId, { assignee, status })
  }

  /**
   * Spike a shared story (or bring it back) on the desk: it leaves every colleague's list, not
   * only this one, so the desk must agree first (whose story it is and the role decide; a refusal
   * is said as the desk says it) and it cannot be done offline.
   */
  async spike(storyId: StoryId, spiked: boolean): Promise<void> {
    const row = deskStoryByStoryId(this.library.db, storyId)
    if (!row) throw new ApiError('not-found', `story ${storyId} is not shared to the desk`)
    try {
      await this.ask(`/api/stories/${row.sharedId}/${spiked ? 'spike' : 'unspike'}`, { method: 'POST' })
    } catch (error) {
      if (error instanceof ApiError) throw error
      throw new ApiError(
        'invalid-input',
        `story ${storyId} is shared: ${spiked ? 'spiking' : 'unspiking'} it changes the whole desk's list, so it needs the desk, which cannot be reached now (${(error as Error).message})`,
      )
    }
  }

  /**
   * Sign out of the desk: the server forgets this sign-in (the token is revoked there, and
   * forgotten here), the connection closes, and the shared stories stay in this library, readable
   * and editable offline. Changes still waiting to go up are refused unless `anyway`: they are
   * kept here and go up at the next sign-in, but an editor should know that before leaving.
   */
  async signOut(options: { anyway?: boolean } = {}): Promise<{ waiting: number; revoked: boolean }> {
    const waiting = waitingCount(this.library.db)
    if (waiting && !options.anyway) {
      throw new ApiError(
        'conflict',
        `${waiting} ${waiting === 1 ? 'change' : 'changes'} of yours ${waiting === 1 ? 'is' : 'are'} still waiting to go up to the desk: wait for ${waiting === 1 ? 'it' : 'them'}, or sign out anyway (they stay in this library and go up when you sign in again)`,
      )
    }
    let revoked = false
    for (const token of forgetTokens(this.library)) {
      try {
        await request({ url: this.link.url, token }, '/api/sign-out', { method: 'POST' })
        revoked = true
      } catch {
        // Offline or already refused: the token is forgotten here; it expires on the server.
      }
    }
    return { waiting, revoked }
  }

  /**
   * Bring the library index up to date from the server's change feed: stories new to this desk
   * arrive whole, changed ones not held open get the server's state. Returns how many changed.
   *
   * Catch-up goes in batches (docs/team.md): the states of up to CATCH_UP_BATCH changes come in one
   * request (the server bounds its bytes too) while the previous batch is written, and each batch is
   * written in one SQLite transaction together with the cursor. A client killed mid-way resumes
   * after the last batch written: nothing is skipped, and nothing is written twice.
   */
  async follow(limit = 500): Promise<number> {
    let cursor = Number(readLink(this.library.db, 'cursor') ?? 0)
    let seen = 0
    for (let round = 0; round < 1000; round++) {
      const { changes } = await this.ask<{ changes: FeedChange[] }>(`/api/feed?after=${cursor}&limit=${limit}`)
      const batches: FeedChange[][] = []
      for (let i = 0; i < changes.length; i += CATCH_UP_BATCH) batches.push(changes.slice(i, i + CATCH_UP_BATCH))
      let next = batches.length ? this.statesFor(batches[0]!) : null
      for (let i = 0; i < batches.length; i++) {
        const states = await next!
        next = i + 1 < batches.length ? this.statesFor(batches[i + 1]!) : null
        // If writing this batch fails, the fetch under way must not end as an unhandled rejection.
        next?.catch(() => undefined)
        const arrived = this.writeBatch(batches[i]!, states)
        cursor = Number(readLink(this.library.db, 'cursor') ?? cursor)
        seen += batches[i]!.length
        if (arrived.length) this.tell(arrived)
        for (const storyId of arrived) this.picturesDown(getStory(this.library.db, storyId))
      }
      if (changes.length < limit) break
    }
    this.retryPictures()
    return seen
  }

  // Pictures travel beside the doc (pictures.ts), in the background, one piece of work at a time.
  private pictureWork: Promise<unknown> = Promise.resolve()
  /** Per shared story, the pictures last known to be on the desk (so a keystroke asks nothing). */
  private readonly pictureSets = new Map<string, string>()
  /**
   * Stories whose pictures are not carried yet (offline, signed out, the server away, or the app
   * closed first): kept in the library before each transfer is tried, so a restarted app carries
   * them too; tried again each follow round.
   */
  private readonly picturesOwed: Set<OwedPictures>

  private owe(direction: PictureDirection, storyId: StoryId): void {
    const key = owedKey(direction, storyId)
    if (this.picturesOwed.has(key)) return
    this.picturesOwed.add(key)
    writePicturesOwed(this.library.db, this.picturesOwed)
  }

  private paid(direction: PictureDirection, storyId: StoryId): void {
    if (this.closed || !this.picturesOwed.delete(owedKey(direction, storyId))) return
    writePicturesOwed(this.library.db, this.picturesOwed)
  }

  private queuePictures(work: () => Promise<unknown>): void {
    this.pictureWork = this.pictureWork.then(() => (this.closed ? undefined : work())).catch(() => undefined)
  }

  /** This editor's story changed: put on the desk any picture it now has that the desk lacks. */
  private picturesUp(row: Pick<DeskStoryRow, 'sharedId' | 'desk'>, story: Story): void {
    const ids = picturesOf(story)
    const key = ids.join(',')
    if (!ids.length) return this.paid('up', story.id)
    if (this.pictureSets.get(row.sharedId) === key) return
    this.pictureSets.set(row.sharedId, key)
    this.owe('up', story.id)
    this.queuePictures(async () => {
      try {
        await uploadPictures(this.library.db, this.link, row.desk, ids)
        this.paid('up', story.id)
      } catch {
        this.pictureSets.delete(row.sharedId) // still owed: the next follow round tries again
      }
    })
  }

  /** A story arrived or changed from elsewhere: fetch the pictures this library lacks; the window shows them when here. */
  private picturesDown(story: Story): void {
    const lacking = picturesOf(story).filter((id) => !mediaInfo(this.library.db, id))
    if (!lacking.length) return this.paid('down', story.id)
    this.owe('down', story.id)
    this.queuePictures(async () => {
      const still = await fetchPictures(this.library.db, this.link, lacking)
      if (!still.length) this.paid('down', story.id)
      if (still.length < lacking.length) this.tell([story.id])
    })
  }

  private retryPictures(): void {
    for (const key of [...this.picturesOwed]) {
      const { direction, storyId } = parseOwed(key)
      const row = deskStoryByStoryId(this.library.db, storyId)
      if (!row) {
        this.paid(direction, storyId) // no longer shared here (purged): nothing to carry
        continue
      }
      const story = getStory(this.library.db, storyId)
      if (direction === 'up') this.picturesUp(row, story)
      else this.picturesDown(story)
    }
  }

  /** Resolves once the pictures already asked for have been carried (or given up on for now). */
  picturesSettled(): Promise<void> {
    return this.pictureWork.then(() => undefined)
  }

  /** The states of a batch's stories not held open (held ones follow the server live), in as few requests as the server's byte budget allows. */
  private async statesFor(batch: FeedChange[]): Promise<Map<string, Uint8Array>> {
    const states = new Map<string, Uint8Array>()
    let ids = [...new Set(batch.filter((c) => !this.open.has(c.id)).map((c) => c.id))]
    while (ids.length) {
      const answer = await this.ask<{ states: { id: string; state: string }[]; later: string[] }>(
        '/api/states',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids }) },
        { idempotent: true }, // it only asks
      )
      for (const { id, state } of answer.states) states.set(id, Buffer.from(state, 'base64'))
      // The server always sends at least one state when any is due; an answer without any ends the loop.
      ids = answer.states.length ? answer.later : []
    }
    return states
  }

  /** One batch of the feed into the library, with the cursor, in one transaction. */
  private writeBatch(batch: FeedChange[], states: Map<string, Uint8Array>): StoryId[] {
    const db = this.library.db
    return db
      .transaction(() => {
        const arrived: StoryId[] = []
        let cursor = Number(readLink(db, 'cursor') ?? 0)
        for (const change of batch) {
          const state = states.get(change.id)
          // A story gone from this user's reach between the feed and the fetch has no state: skipped.
          if (state && !this.open.has(change.id)) {
            const row = { sharedId: change.id, desk: change.desk, owner: change.owner }
            const doc = loadDoc(db, change.id)
            doc.on('update', (update: Uint8Array) => keepUpdate(db, row, doc, update, false, change.updatedBy))
            Y.applyUpdate(doc, state, FEED)
            doc.destroy()
          }
          noteChange(db, change.id, change.change, change.updatedBy)
          const storyId = this.storyIdOf(change.id)
          // Spiked on the desk by a colleague: off this list too (kept whole, as any spiked story);
          // unspiked: back. The feed is the one place this library learns either.
          if (storyId !== undefined && Boolean(change.spikedAt) !== isSpiked(db, storyId)) {
            if (change.spikedAt) spikeStory(db, storyId, new Date(change.spikedAt))
            else unspikeStory(db, storyId)
            arrived.push(storyId)
          }
          if (storyId !== undefined && !this.open.has(change.id)) arrived.push(storyId)
          cursor = Math.max(cursor, change.change)
        }
        writeLink(db, 'cursor', String(cursor))
        return arrived
      })
      .immediate()
  }

  /**
   * Follow the change feed while the app runs (what a window needs: new and changed stories
   * appear without asking). A failed round (offline, server away) is simply tried again.
   */
  startFollowing(everyMs = 2000): void {
    if (this.following) return
    let busy = false
    const round = async () => {
      if (busy || this.closed || this.workingOffline) return
      busy = true
      try {
        await this.follow()
      } catch {
        // offline or the server is away: the next round tries again
      } finally {
        busy = false
      }
    }
    void round()
    this.following = setInterval(() => void round(), everyMs)
    this.following.unref()
    this.socket.on('connect', () => void round())
  }

  /** Tell the window (if one listens) what changed: stories from elsewhere, and the status. */
  private tell(storyIds: StoryId[]): void {
    if (this.closed || !this.library.onDesk) return
    try {
      this.library.onDesk({ storyIds, status: this.deskStatus() })
    } catch {
      // the window is gone; the library carries on
    }
  }

  deskStatus(): DeskStatus {
    const { online, waiting, refused } = this.status()
    return {
      joined: true,
      url: this.link.url,
      user: this.link.user,
      desk: this.link.desk,
      signedIn: this.signedIn,
      online,
      workingOffline: this.workingOffline,
      waiting,
      refused,
    }
  }

  /** A shared story's desk details (owner, assignee, desk); undefined for a local story. */
  detailsOf(storyId: StoryId): DeskDetails | undefined {
    const row = deskStoryByStoryId(this.library.db, storyId)
    return row ? { owner: row.owner, assignee: row.assignee, desk: row.desk } : undefined
  }

  /** Open a shared story for the window's editor: held, and the base its edits are made on. */
  openForEditor(storyId: StoryId): { story: Story; base: number } {
    const { doc } = this.openByStory(storyId)
    const story = getStory(this.library.db, storyId)
    this.picturesDown(story) // on demand: a story opened with pictures not here yet
    return { story, base: this.bases.remember(storyId, doc) }
  }

  /** The window editor's changes, made on `base`: merged with everyone's (editor-bases.ts). */
  editFromEditor(
    storyId: StoryId,
    base: number,
    changes: Partial<SharedStory>,
  ): { story: Story; sent: number; merged: number } {
    const { doc } = this.openByStory(storyId)
    const bases = this.bases.apply(storyId, base, doc, changes, this.link.user, EDITOR)
    if (!bases) {
      throw new ApiError(
        'conflict',
        `story ${storyId} has moved on since this copy was opened; open it again to carry on from the desk's version`,
      )
    }
    return { story: getStory(this.library.db, storyId), ...bases }
  }

  /** Open a shared story for editing (keeps its doc in step with the server). */
  hold(storyId: StoryId): void {
    this.openByStory(storyId)
  }

  sharedIdOf(storyId: StoryId): string | undefined {
    return deskStoryByStoryId(this.library.db, storyId)?.sharedId
  }

  storyIdOf(sharedId: string): StoryId | undefined {
    return deskStoryBySharedId(this.library.db, sharedId)?.storyId
  }

  /** Work offline (the app's switch, or the network gone): edits go on and wait to go up. */
  goOffline(): void {
    this.workingOffline = true
    this.socket.shouldConnect = false
    this.socket.disconnect()
  }

  goOnline(): void {
    if (!this.signedIn) {
      throw new ApiError('invalid-input', `you are signed out of the ${this.link.desk} desk: sign in again under Desk…`)
    }
    this.workingOffline = false
    // Going back online straight after going offline: the socket's close is still on its way, so
    // its status still reads Connected and connect() returns at once; and when the close arrives,
    // the provider does not reconnect because disconnect() told it not to. Saying we want a
    // connection first makes that close reconnect (the provider's own onClose), so the editor's
    // changes made in between go up instead of waiting for ever.
    this.socket.shouldConnect = true
    void this.socket.connect()
  }

  status(): { online: boolean; waiting: number; refused: string | null } {
    return {
      online: this.socket.status === WebSocketStatus.Connected,
      waiting: waitingCount(this.library.db),
      refused: this.refused,
    }
  }

  /** True once every held story has nothing waiting and the server has answered. */
  settled(): boolean {
    if (this.socket.status !== WebSocketStatus.Connected) return false
    for (const { provider } of this.open.values()) if (!provider.isSynced || provider.hasUnsyncedChanges) return false
    return waitingCount(this.library.db) === 0
  }

  docOf(storyId: StoryId): Y.Doc {
    return this.openByStory(storyId).doc
  }

  private closed = false

  close(): void {
    this.closed = true
    if (this.following) clearInterval(this.following)
    if (this.library.desk === this) delete this.library.desk
    for (const { provider, doc } of this.open.values()) {
      provider.destroy()
      doc.destroy()
    }
    this.open.clear()
    this.socket.destroy()
  }
}
